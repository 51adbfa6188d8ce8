package dev.cruddur.admin.engine;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.cruddur.admin.engine.DifferentialTest.*;

/** The tables and items both endpoints start with. */
final class DiffData {
    private DiffData() {}

    static final String MAIN = "diff_main";
    static final String NUM = "diff_num";
    static final String BIN = "diff_bin";
    static final String HASHN = "diff_hash_n";
    static final String TEXT = "diff_text";
    static final String BIG = "diff_big";

    static final String[] STRINGS = {"apple", "banana", "cherry", "Apple", "\u00e0pple", "zeta", "m", "b", "ba", "\uD83D\uDE00smile"};
    static final String[] NUMBERS = {"-3", "-1.5", "0", "1.5", "3", "4.5", "6", "7.5", "9", "100"};

    static void create(DynamoDbClient c) {
        c.createTable(r -> r.tableName(MAIN)
                .attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("g", "S"), attr("n", "N"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi_g")
                        .keySchema(key("g", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("lsi_n")
                        .keySchema(key("pk", KeyType.HASH), key("n", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));
        awaitActive(c, MAIN);
        for (int p = 1; p <= 4; p++) {
            for (int i = 0; i < 10; i++) {
                Map<String, AttributeValue> item = map("pk", s("p" + p), "sk", s("s" + i));
                if ((i + p) % 7 != 0) item.put("n", n(NUMBERS[(i + p) % 10]));
                if ((i + p) % 5 != 1) item.put("s", s(STRINGS[(i * 3 + p) % 10]));
                if (i % 3 == 0) item.put("b", b(i, p, 255 - i));
                if (i % 2 == 0) item.put("ss", ss("x", "y" + (i % 3)));
                if (i % 4 == 1) item.put("ns", ns("1", Integer.toString(i + 10), "2.5"));
                if (i % 3 == 2) item.put("bs", bs(b(1), b(i, p)));
                if (i % 2 == 1) item.put("l", l(s("a" + (i % 3)), n(Integer.toString(i % 4)), m("x", n(Integer.toString(p)))));
                if (i % 3 != 1) item.put("m", m("a", n(Integer.toString(i)), "inner", m("deep", s("d" + (i % 2)))));
                if (i % 4 == 3) item.put("bool", bool(i % 8 == 3));
                if (i == 5) item.put("nul", nul());
                if (i % 2 == 0) item.put("g", s("G" + (i % 3)));
                c.putItem(r -> r.tableName(MAIN).item(item));
            }
        }
        c.createTable(r -> r.tableName(NUM).attributeDefinitions(attr("pk", "S"), attr("rk", "N"))
                .keySchema(key("pk", KeyType.HASH), key("rk", KeyType.RANGE)).billingMode(BillingMode.PAY_PER_REQUEST));
        awaitActive(c, NUM);
        for (String v : List.of("-1e10", "-100", "-5.5", "-1", "-0.001", "0", "0.001", "1", "1.5", "2", "10", "99.99", "100", "1e20", "123456789012345678901234567890"))
            c.putItem(r -> r.tableName(NUM).item(map("pk", s("nums"), "rk", n(v))));
        c.createTable(r -> r.tableName(BIN).attributeDefinitions(attr("pk", "S"), attr("rk", "B"))
                .keySchema(key("pk", KeyType.HASH), key("rk", KeyType.RANGE)).billingMode(BillingMode.PAY_PER_REQUEST));
        awaitActive(c, BIN);
        for (int[] v : new int[][]{{0}, {1}, {127}, {128}, {255}, {1, 0}, {0, 255}, {255, 255}, {128, 1}})
            c.putItem(r -> r.tableName(BIN).item(map("pk", s("bins"), "rk", b(v))));
        c.createTable(r -> r.tableName(HASHN).attributeDefinitions(attr("id", "N"))
                .keySchema(key("id", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST));
        awaitActive(c, HASHN);
        for (String v : List.of("-12.5", "-1", "0", "1", "2", "3", "7", "10", "11", "99", "100", "1000", "0.5", "123.456", "1e30", "-1e-5", "42", "64", "65", "314159"))
            c.putItem(r -> r.tableName(HASHN).item(map("id", n(v), "v", s("x" + v))));
        c.createTable(r -> r.tableName(TEXT).attributeDefinitions(attr("pk", "S"), attr("rk", "S"))
                .keySchema(key("pk", KeyType.HASH), key("rk", KeyType.RANGE)).billingMode(BillingMode.PAY_PER_REQUEST));
        awaitActive(c, TEXT);
        for (String v : List.of("a", "B", "b", "aa", "Z", "\u00e9", "\uFFFD", "\uD83D\uDE00", "\uE000", "0", " ", "a b", "2026-01-01T00:00:00.000000+00:00", "2025-12-31T23:59:59.999999"))
            c.putItem(r -> r.tableName(TEXT).item(map("pk", s("texts"), "rk", s(v))));
        for (int h = 0; h < 12; h++) {
            int hh = h;
            c.putItem(r -> r.tableName(TEXT).item(map("pk", s("h" + hh), "rk", s("r"))));
        }
        c.createTable(r -> r.tableName(BIG).attributeDefinitions(attr("pk", "S"), attr("rk", "N"))
                .keySchema(key("pk", KeyType.HASH), key("rk", KeyType.RANGE)).billingMode(BillingMode.PAY_PER_REQUEST));
        awaitActive(c, BIG);
        String blob = "x".repeat(100_000);
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(map("pk", s(i < 16 ? "big" : "big" + i), "rk", n(Integer.toString(i)), "blob", s(blob))).build()).build());
            if (batch.size() == 4) {
                List<WriteRequest> send = List.copyOf(batch);
                c.batchWriteItem(r -> r.requestItems(Map.of(BIG, send)));
                batch.clear();
            }
        }
    }

    /** dynalite makes a table ACTIVE asynchronously even with --createTableMs 0: wait before writing to it. */
    static void awaitActive(DynamoDbClient c, String table) {
        for (int i = 0; i < 200; i++) {
            if (c.describeTable(d -> d.tableName(table)).table().tableStatus() == TableStatus.ACTIVE) return;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(table + " did not become ACTIVE");
    }

    static AttributeDefinition attr(String name, String type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
