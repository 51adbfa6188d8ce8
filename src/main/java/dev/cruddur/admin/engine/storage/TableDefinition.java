package dev.cruddur.admin.engine.storage;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything CreateTable/UpdateTable/UpdateTimeToLive decided about a table; immutable, replaced on change. */
public record TableDefinition(String name, String arn, String id, long createdMillis,
                              List<KeyAttribute> attributeDefinitions, KeyAttribute hash, KeyAttribute range,
                              List<IndexDefinition> indexes, String billingMode, long readCapacity, long writeCapacity,
                              StreamSettings stream, String ttlAttribute, boolean ttlEnabled, List<String> previousStreamLabels,
                              Map<String, String> tags) {

    /** Tags sorted by key, as ListTagsOfResource lists them; definitions logged before tags existed read as untagged. */
    public TableDefinition {
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    public IndexDefinition index(String indexName) {
        for (IndexDefinition i : indexes) if (i.name().equals(indexName)) return i;
        return null;
    }

    public boolean isKeyAttribute(String attribute) {
        return hash.name().equals(attribute) || (range != null && range.name().equals(attribute));
    }

    public String streamArn(String label) { return arn + "/stream/" + label; }

    public TableDefinition withIndexes(List<IndexDefinition> newIndexes, List<KeyAttribute> newAttributeDefinitions) {
        return new TableDefinition(name, arn, id, createdMillis, newAttributeDefinitions, hash, range, newIndexes, billingMode,
                readCapacity, writeCapacity, stream, ttlAttribute, ttlEnabled, previousStreamLabels, tags);
    }

    public TableDefinition withStream(StreamSettings newStream, List<String> previousLabels) {
        return new TableDefinition(name, arn, id, createdMillis, attributeDefinitions, hash, range, indexes, billingMode,
                readCapacity, writeCapacity, newStream, ttlAttribute, ttlEnabled, previousLabels, tags);
    }

    public TableDefinition withTtl(String attribute, boolean enabled) {
        return new TableDefinition(name, arn, id, createdMillis, attributeDefinitions, hash, range, indexes, billingMode,
                readCapacity, writeCapacity, stream, attribute, enabled, previousStreamLabels, tags);
    }

    public TableDefinition withBilling(String mode, long read, long write) {
        return new TableDefinition(name, arn, id, createdMillis, attributeDefinitions, hash, range, indexes, mode,
                read, write, stream, ttlAttribute, ttlEnabled, previousStreamLabels, tags);
    }

    public TableDefinition withTags(Map<String, String> newTags) {
        return new TableDefinition(name, arn, id, createdMillis, attributeDefinitions, hash, range, indexes, billingMode,
                readCapacity, writeCapacity, stream, ttlAttribute, ttlEnabled, previousStreamLabels, newTags);
    }
}
