package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.expr.Condition;
import dev.cruddur.admin.engine.expr.ExpressionContext;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.storage.IndexDefinition;
import dev.cruddur.admin.engine.storage.KeyAttribute;
import dev.cruddur.admin.engine.storage.OrderedItems;
import dev.cruddur.admin.engine.storage.StoredItem;
import dev.cruddur.admin.engine.storage.Table;
import dev.cruddur.admin.engine.storage.TableDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The parameters Query and Scan share, validated: table or index, select, limit, start key, expressions. */
final class ReadRequest {
    final String tableName;
    final String indexName;
    final String select;
    final Integer limit;
    final boolean consistent;
    final Map<String, AttributeValue> exclusiveStartKey;
    final ExpressionContext context;
    Condition keyCondition;
    Condition filter;
    List<Path> projection;

    ReadRequest(JsonNode request, boolean query) {
        tableName = RequestSupport.tableName(request);
        String idx = Json.string(request, "IndexName");
        if (idx != null) RequestSupport.tableName(request, "IndexName", "indexName");
        indexName = idx;
        select = RequestSupport.enumValue(request, "Select", "select", Set.of("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"));
        RequestSupport.enumValue(request, "ReturnConsumedCapacity", "returnConsumedCapacity", Set.of("INDEXES", "TOTAL", "NONE"));
        limit = Json.integer(request, "Limit");
        if (limit != null && limit < 1)
            throw ApiException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        consistent = Json.bool(request, "ConsistentRead");
        JsonNode esk = Json.objectField(request, "ExclusiveStartKey");
        if (esk != null) {
            try {
                exclusiveStartKey = Values.item(esk);
            } catch (Values.InvalidValue e) {
                String m = e.getMessage();
                boolean bare = m.matches(".*(contains duplicates|number set|numeric value|significant digits|number with magnitude).*");
                throw ApiException.validation((bare ? "" : "The provided starting key is invalid: ") + m);
            } catch (Values.SerializationFailure e) {
                throw ApiException.serialization("Unexpected value type in payload");
            }
        } else {
            exclusiveStartKey = null;
        }
        List<String> expressions = query ? List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression")
                : List.of("ProjectionExpression", "FilterExpression");
        List<String> legacy = query ? List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions")
                : List.of("AttributesToGet", "ScanFilter", "ConditionalOperator");
        if (query && !request.hasNonNull("KeyConditions") && !request.hasNonNull("KeyConditionExpression"))
            throw ApiException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        RequestSupport.checkExpressionParameters(request, expressions, legacy);
        if (!query) Scan.checkSegments(request);
        context = RequestSupport.expressionContext(request);
        if (query) keyCondition = RequestSupport.condition(request, "KeyConditionExpression", context);
        filter = RequestSupport.condition(request, "FilterExpression", context);
        projection = RequestSupport.projection(request, context);
        RequestSupport.checkUnused(context);
        if (query && keyCondition == null) keyCondition = LegacyParameters.keyConditions(request);
        if (filter == null) filter = LegacyParameters.conditions(request, query ? "QueryFilter" : "ScanFilter");
        if (projection == null) projection = LegacyParameters.attributesToGet(request);
    }

    /** The table, index and key attributes this read runs on, checked against the table's definition. */
    record Source(Table table, TableDefinition definition, IndexDefinition index, OrderedItems items,
                  KeyAttribute hash, KeyAttribute range, List<String> startKeyNames, Function<StoredItem, StoredItem> fetch) {}

    Source source(Engine engine) {
        Table table = RequestSupport.activeTable(engine, tableName);
        TableDefinition d = table.definition();
        List<String> startKeyNames = new ArrayList<>();
        startKeyNames.add(d.hash().name());
        if (d.range() != null) startKeyNames.add(d.range().name());
        if (indexName == null) {
            return new Source(table, d, null, table.items(), d.hash(), d.range(), startKeyNames, null);
        }
        IndexDefinition index = d.index(indexName);
        if (index == null) throw ApiException.validation("The table does not have the specified index: " + indexName);
        if (index.global() && consistent) throw ApiException.validation("Consistent reads are not supported on global secondary indexes");
        if (!startKeyNames.contains(index.hash().name())) startKeyNames.add(index.hash().name());
        if (index.range() != null && !startKeyNames.contains(index.range().name())) startKeyNames.add(index.range().name());
        Function<StoredItem, StoredItem> fetch = null;
        if ("ALL_ATTRIBUTES".equals(select) && !"ALL".equals(index.projectionType())) {
            if (index.global())
                throw ApiException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index "
                        + indexName + " because its projection type is not ALL");
            fetch = entry -> {
                StoredItem whole = engine.db.get(table, entry.key());
                return whole == null ? entry : whole;
            };
        }
        return new Source(table, d, index, table.index(indexName), index.hash(), index.range(), startKeyNames, fetch);
    }

    boolean countOnly() { return "COUNT".equals(select); }
}
