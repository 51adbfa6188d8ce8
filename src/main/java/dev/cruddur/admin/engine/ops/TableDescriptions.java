package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.storage.IndexDefinition;
import dev.cruddur.admin.engine.storage.KeyAttribute;
import dev.cruddur.admin.engine.storage.OrderedItems;
import dev.cruddur.admin.engine.storage.Table;
import dev.cruddur.admin.engine.storage.TableDefinition;

/** The TableDescription structure of CreateTable, DescribeTable, UpdateTable and DeleteTable. */
final class TableDescriptions {
    private TableDescriptions() {}

    static ObjectNode describe(Table table, String status) {
        TableDefinition d = table.definition();
        ObjectNode t = Json.object();
        ArrayNode defs = t.putArray("AttributeDefinitions");
        for (KeyAttribute a : d.attributeDefinitions()) defs.addObject().put("AttributeName", a.name()).put("AttributeType", a.type());
        t.put("TableName", d.name());
        t.set("KeySchema", keySchema(d.hash(), d.range()));
        t.put("TableStatus", status);
        t.put("CreationDateTime", d.createdMillis() / 1000.0);
        t.set("ProvisionedThroughput", throughput(d.readCapacity(), d.writeCapacity()));
        t.put("TableSizeBytes", table.items().bytes());
        t.put("ItemCount", table.items().count());
        t.put("TableArn", d.arn());
        t.put("TableId", d.id());
        if ("PAY_PER_REQUEST".equals(d.billingMode())) {
            ObjectNode b = t.putObject("BillingModeSummary");
            b.put("BillingMode", "PAY_PER_REQUEST");
            b.put("LastUpdateToPayPerRequestDateTime", d.createdMillis() / 1000.0);
        }
        ArrayNode gsis = Json.array(), lsis = Json.array();
        for (IndexDefinition i : d.indexes()) {
            ObjectNode n = (i.global() ? gsis : lsis).addObject();
            n.put("IndexName", i.name());
            n.set("KeySchema", keySchema(i.hash(), i.range()));
            ObjectNode p = n.putObject("Projection");
            p.put("ProjectionType", i.projectionType());
            if (i.nonKeyAttributes() != null && !i.nonKeyAttributes().isEmpty()) {
                ArrayNode nk = p.putArray("NonKeyAttributes");
                i.nonKeyAttributes().forEach(nk::add);
            }
            if (i.global()) {
                n.put("IndexStatus", "ACTIVE");
                n.set("ProvisionedThroughput", throughput(i.readCapacity(), i.writeCapacity()));
            }
            OrderedItems items = table.index(i.name());
            n.put("IndexSizeBytes", items == null ? 0 : items.bytes());
            n.put("ItemCount", items == null ? 0 : items.count());
            n.put("IndexArn", i.arn());
        }
        if (!gsis.isEmpty()) t.set("GlobalSecondaryIndexes", gsis);
        if (!lsis.isEmpty()) t.set("LocalSecondaryIndexes", lsis);
        if (d.stream() != null && d.stream().enabled()) {
            ObjectNode s = t.putObject("StreamSpecification");
            s.put("StreamEnabled", true);
            s.put("StreamViewType", d.stream().viewType());
        }
        if (d.stream() != null) {
            t.put("LatestStreamLabel", d.stream().label());
            t.put("LatestStreamArn", d.streamArn(d.stream().label()));
        }
        return t;
    }

    static ArrayNode keySchema(KeyAttribute hash, KeyAttribute range) {
        ArrayNode k = Json.array();
        k.addObject().put("AttributeName", hash.name()).put("KeyType", "HASH");
        if (range != null) k.addObject().put("AttributeName", range.name()).put("KeyType", "RANGE");
        return k;
    }

    private static ObjectNode throughput(long read, long write) {
        ObjectNode p = Json.object();
        p.put("NumberOfDecreasesToday", 0);
        p.put("ReadCapacityUnits", read);
        p.put("WriteCapacityUnits", write);
        return p;
    }
}
