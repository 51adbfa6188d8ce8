package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.expr.ConditionPaths;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.storage.HashBucket;
import dev.cruddur.admin.engine.storage.ItemKey;
import dev.cruddur.admin.engine.storage.KeyAttribute;
import dev.cruddur.admin.engine.storage.RowKey;
import dev.cruddur.admin.engine.storage.ScanOrder;

import java.util.List;
import java.util.Map;

/** Scan: every item of the table or index in hash order, paged; parallel scans split the hash space into segments. */
public final class Scan implements Operation {
    private final Engine engine;

    public Scan(Engine engine) { this.engine = engine; }

    static void checkSegments(JsonNode request) {
        Integer segment = Json.integer(request, "Segment"), total = Json.integer(request, "TotalSegments");
        if (segment != null && segment < 0)
            throw ApiException.validation("1 validation error detected: Value '" + segment + "' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0");
        if (total != null && total < 1)
            throw ApiException.validation("1 validation error detected: Value '" + total + "' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal to 1");
        if (total != null && total > 1000000)
            throw ApiException.validation("1 validation error detected: Value '" + total + "' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000");
        if (segment != null && segment != 0 && total == null)
            throw ApiException.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        if (total != null) {
            if (segment == null)
                throw ApiException.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
            if (segment >= total)
                throw ApiException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + total);
        }
    }

    @Override public ObjectNode handle(JsonNode request) {
        ReadRequest read = new ReadRequest(request, false);
        Integer segment = Json.integer(request, "Segment"), total = Json.integer(request, "TotalSegments");
        int first, last;
        if (total != null && total > 1) {
            first = segment > 0 ? (int) Math.ceil(4096.0 * segment / total) : 0;
            last = (int) Math.ceil(4096.0 * (segment + 1) / total) - 1;
        } else {
            first = 0;
            last = 4095;
        }
        return engine.db.read(() -> {
            ReadRequest.Source source = read.source(engine);
            HashBucket startBucket = null;
            RowKey startRow = null;
            if (read.exclusiveStartKey != null) {
                Map<String, AttributeValue> esk = read.exclusiveStartKey;
                if (esk.size() != source.startKeyNames().size())
                    throw ApiException.validation(read.indexName != null ? "The provided starting key is invalid"
                            : "The provided starting key is invalid: The provided key element does not match the schema");
                if (source.index() != null) {
                    for (KeyAttribute k : source.range() == null ? List.of(source.hash()) : List.of(source.hash(), source.range())) {
                        AttributeValue v = esk.get(k.name());
                        if (v == null) throw ApiException.validation("The provided starting key is invalid");
                        if (!v.type().equals(k.type())) throw ApiException.validation("The provided key element does not match the schema");
                    }
                }
                ItemKey tableKey;
                try {
                    tableKey = RequestSupport.key(source.definition(), Query.tableKeyOf(source, esk));
                } catch (ApiException e) {
                    throw ApiException.validation("The provided starting key is invalid: " + e.getMessage());
                }
                AttributeValue h = esk.get(source.hash().name());
                AttributeValue r = source.range() == null ? null : esk.get(source.range().name());
                startBucket = HashBucket.of(h);
                startRow = source.index() == null ? RowKey.of(r)
                        : new RowKey(r, ScanOrder.prefix(tableKey.hash(), tableKey.range()), tableKey.hash(), tableKey.range(), 0);
                int slot = startBucket.segmentSlot();
                if (total != null && total > 1 && (slot < first || slot > last))
                    throw ApiException.validation("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: "
                            + total + " Segment: " + segment);
            }
            RequestSupport.checkKeyPaths(source.definition(), read.projection);
            if (read.filter != null) RequestSupport.checkKeyPaths(source.definition(), ConditionPaths.of(read.filter));
            if (startBucket == null && first > 0) startBucket = new HashBucket(String.format("%03x", first), null);
            PageCollector page = new PageCollector(read.limit, read.filter, read.projection, read.countOnly(), source.startKeyNames(), source.fetch());
            source.items().scan(startBucket, startRow, e -> e.getKey().segmentSlot() <= last && page.offer(e.getValue()));
            ObjectNode response = page.response();
            double units = RequestSupport.readUnits(page.readBytes(), read.consistent);
            RequestSupport.consumedCapacity(response, request, read.tableName, source.index() == null ? units : 0,
                    source.index() == null ? Map.of() : Map.of(source.index().name(), units));
            return response;
        });
    }
}
