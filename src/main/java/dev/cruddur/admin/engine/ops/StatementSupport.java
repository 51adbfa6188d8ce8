package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.expr.Condition;
import dev.cruddur.admin.engine.expr.Operand;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.partiql.Statement;
import dev.cruddur.admin.engine.partiql.StatementException;
import dev.cruddur.admin.engine.partiql.StatementParser;
import dev.cruddur.admin.engine.storage.ItemKey;
import dev.cruddur.admin.engine.storage.KeyAttribute;
import dev.cruddur.admin.engine.storage.StoredItem;
import dev.cruddur.admin.engine.storage.Table;
import dev.cruddur.admin.engine.storage.TableDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What ExecuteStatement, BatchExecuteStatement and ExecuteTransaction share: parsing with DynamoDB's
 * error wording, finding the full primary key a write's WHERE pins, and turning a write statement into
 * the same {@link ItemWrite} PutItem, UpdateItem and DeleteItem use (so it is logged and streamed alike).
 */
final class StatementSupport {
    private StatementSupport() {}

    static final String DUPLICATE_ITEM = "com.amazonaws.dynamodb.v20120810#DuplicateItemException";
    static final String DUPLICATE_MESSAGE = "Duplicate primary key exists in table";
    private static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";

    static String statementText(JsonNode request, String member) {
        String text = Json.string(request, "Statement");
        if (text == null)
            throw ApiException.validation("1 validation error detected: Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        if (text.isEmpty() || text.length() > 8192)
            throw ApiException.validation("1 validation error detected: Value '" + text + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length " + (text.isEmpty() ? "greater than or equal to 1" : "less than or equal to 8192"));
        return text;
    }

    static Statement parse(String text, JsonNode parametersNode) {
        List<AttributeValue> parameters = new ArrayList<>();
        if (parametersNode != null && !parametersNode.isNull()) {
            if (!parametersNode.isArray()) throw ApiException.serialization("Unexpected value type in payload");
            if (parametersNode.isEmpty())
                throw ApiException.validation("1 validation error detected: Value '[]' at 'parameters' failed to satisfy constraint: Member must have length greater than or equal to 1");
            // a parameter is refused in the words PutItem uses for the same value, with no prefix: DynamoDB answers a
            // parameter N of "abc" with "The parameter cannot be converted to a numeric value: abc" (captured against
            // DynamoDB in dynoxide's tests/partiql_member_errors_before_parameters.rs)
            for (JsonNode p : parametersNode) parameters.add(Values.valueOrFail(p, "", ""));
        }
        try {
            return StatementParser.parse(text, parameters);
        } catch (StatementParser.ParameterCountException | StatementParser.InvalidNumberException e) {
            throw ApiException.validation(e.getMessage());
        } catch (StatementException e) {
            throw ApiException.validation(NOT_WELL_FORMED + e.getMessage());
        }
    }

    static String returnValuesOnConditionCheckFailure(JsonNode request) {
        return RequestSupport.enumValue(request, "ReturnValuesOnConditionCheckFailure", "returnValuesOnConditionCheckFailure", Set.of("ALL_OLD", "NONE"));
    }

    /** The conjuncts of a WHERE: its top-level ANDs flattened. */
    static List<Condition> conjuncts(Condition where) {
        List<Condition> out = new ArrayList<>();
        collect(where, out);
        return out;
    }

    private static void collect(Condition c, List<Condition> out) {
        if (c == null) return;
        if (c instanceof Condition.And a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else {
            out.add(c);
        }
    }

    /** The value an equality conjunct gives a top-level attribute, either way round, or null. */
    static AttributeValue equalityValue(Condition c, String attribute) {
        if (!(c instanceof Condition.Compare cmp) || !cmp.operator().equals("=")) return null;
        if (isAttribute(cmp.left(), attribute) && cmp.right() instanceof Operand.Literal l) return l.value();
        if (isAttribute(cmp.right(), attribute) && cmp.left() instanceof Operand.Literal l) return l.value();
        return null;
    }

    static boolean isAttribute(Operand o, String attribute) {
        return o instanceof Path p && !p.isNested() && p.head().equals(attribute);
    }

    /** The full primary key a write's WHERE pins with equalities, checked against the key schema. */
    static ItemKey fullKey(TableDefinition d, Condition where) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeyAttribute k : d.range() == null ? List.of(d.hash()) : List.of(d.hash(), d.range())) {
            for (Condition c : conjuncts(where)) {
                AttributeValue v = equalityValue(c, k.name());
                if (v != null) { key.put(k.name(), v); break; }
            }
            if (!key.containsKey(k.name()))
                throw ApiException.validation("Where clause does not contain a mandatory equality on all key attributes");
        }
        return RequestSupport.key(d, key);
    }

    /** A write statement as the ItemWrite the single-item operations run; EXISTS becomes a condition check. */
    static ItemWrite write(Engine engine, Statement statement, boolean returnOldOnConditionFailure) {
        Table table = RequestSupport.activeTable(engine, statement.table());
        TableDefinition d = table.definition();
        Condition hashExists = new Condition.Call("attribute_exists", List.of(new Path(List.of(d.hash().name()))));
        Condition hashAbsent = new Condition.Call("attribute_not_exists", List.of(new Path(List.of(d.hash().name()))));
        if (statement instanceof Statement.Insert insert) {
            // ItemWrite.of checks the item, as PutItem's path does
            return ItemWrite.of(ItemWrite.Kind.PUT, table, dev.cruddur.admin.engine.storage.Database.keyOf(d, insert.item()),
                    insert.item(), null, hashAbsent, null, returnOldOnConditionFailure);
        }
        if (statement instanceof Statement.Update update) {
            // the WHERE holds on no absent item (it names the key), so an UPDATE of a missing item fails its condition, as DynamoDB's does
            return ItemWrite.of(ItemWrite.Kind.UPDATE, table, fullKey(d, update.where()), null, update.actions(), update.where(),
                    update.returning(), returnOldOnConditionFailure);
        }
        if (statement instanceof Statement.Delete delete) {
            // deleting an absent item succeeds; only a present item must satisfy the WHERE
            return ItemWrite.of(ItemWrite.Kind.DELETE, table, fullKey(d, delete.where()), null, null,
                    new Condition.Or(hashAbsent, delete.where()), delete.returning(), returnOldOnConditionFailure);
        }
        if (statement instanceof Statement.Exists exists) {
            Statement.Select s = exists.select();
            if (s.index() != null) throw ApiException.validation("EXISTS must read the table itself, not an index");
            return ItemWrite.of(ItemWrite.Kind.CHECK, table, fullKey(d, s.where()), null, null,
                    new Condition.And(hashExists, s.where()), null, returnOldOnConditionFailure);
        }
        throw ApiException.validation("A SELECT is not a write statement");
    }

    /** A SELECT read by its full primary key (batches and transactions allow no other reads). */
    static Map<String, AttributeValue> getByKey(Engine engine, Statement.Select s) {
        if (s.index() != null) throw ApiException.validation("Batch and transaction reads must read the table itself, not an index");
        Table table = RequestSupport.activeTable(engine, s.table());
        ItemKey key = fullKey(table.definition(), s.where());
        RequestSupport.checkKeyPaths(table.definition(), s.projection());
        StoredItem stored = engine.db.get(table, key);
        if (stored == null) return null;
        Map<String, AttributeValue> item = stored.parse();
        if (!dev.cruddur.admin.engine.expr.ConditionEvaluator.matches(s.where(), item)) return null;
        return s.projection() == null ? item : dev.cruddur.admin.engine.expr.Projector.project(item, s.projection());
    }

    /** The short code batch responses and cancellation reasons use for an error type. */
    static String code(ApiException e) {
        String type = e.type().substring(e.type().indexOf('#') + 1);
        return switch (type) {
            case "ConditionalCheckFailedException" -> "ConditionalCheckFailed";
            case "DuplicateItemException" -> "DuplicateItem";
            case "ResourceNotFoundException" -> "ResourceNotFound";
            case "ValidationException" -> "ValidationError";
            default -> type.endsWith("Exception") ? type.substring(0, type.length() - "Exception".length()) : type;
        };
    }
}
