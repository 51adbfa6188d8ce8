package dev.cruddur.admin.bench;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.cache.WriteInvalidation;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Prints the data layer's cost over the raw SDK doing the same requests (patterns A, B and a
 * send), and seeding throughput against a bare BatchWriteItem loop, measured in one run.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.bench.DataLayerBenchmark [-Dexec.args="--messages 100000"]</pre>
 */
public final class DataLayerBenchmark {
    private static final int ROUNDS = 400;

    public static void main(String[] args) throws Exception {
        int seedMessages = 100_000;
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals("--messages")) seedMessages = Integer.parseInt(args[i + 1]);
        try (DynaliteServer dynalite = DynaliteServer.start()) {
            run("dynalite 4.0.0 (no transactions: ordered writes)", dynalite.endpoint(), seedMessages);
        }
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.inMemory())) {
            run("embedded engine (transactions)", engine.endpoint(), seedMessages);
        }
        System.exit(0);
    }

    static void run(String name, URI endpoint, int seedMessages) throws Exception {
        System.out.println("== " + name + " at " + endpoint);
        try (DirectMessages dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(endpoint, "bench")), Clock.systemUTC())) {
            dm.schema().create();
            dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
            DynamoDbClient raw = dm.connection().client();
            String user = DemoFixture.ANDREW_BROWN.uuid();
            String group = DemoFixture.MAIN_GROUP;

            compare("A  first page of 20 messages", ROUNDS,
                    () -> dm.messages(group, java.util.Optional.empty(), 20),
                    () -> query(raw, TableKeys.messagePk(group)));
            compare("B  first page of 20 conversations", ROUNDS,
                    () -> dm.conversations(DemoFixture.ANDREW_BROWN, java.util.Optional.empty(), 20),
                    () -> query(raw, TableKeys.groupPk(user)));
            boolean transactions = dm.capabilities().transactions();
            compare("C+D send (" + (transactions ? "transaction" : "ordered writes") + ")", ROUNDS / 2,
                    () -> {
                        SendResult r = dm.send(dm.prepare(group, DemoFixture.ANDREW_BROWN, "benchmark message"));
                        if (!(r instanceof SendResult.Sent)) throw new IllegalStateException(String.valueOf(r));
                    },
                    () -> rawSend(raw, group, transactions));

            seeding(dm, raw, seedMessages);
            dm.schema().drop("bench");
        }
    }

    private static QueryResponse query(DynamoDbClient raw, String pk) {
        return raw.query(QueryRequest.builder().tableName("bench").keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", "pk"))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).scanIndexForward(false).consistentRead(true).limit(21).build());
    }

    /** What a hand-written send does with the SDK: read the group rows, then the same writes the layer makes. */
    private static void rawSend(DynamoDbClient raw, String group, boolean transactions) {
        QueryResponse rows = raw.query(QueryRequest.builder().tableName("bench").indexName(TableKeys.GROUP_INDEX)
                .keyConditionExpression("#g = :g").expressionAttributeNames(Map.of("#g", "message_group_uuid"))
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(group))).scanIndexForward(false).build());
        OutgoingMessage m = OutgoingMessage.prepare(group, DemoFixture.ANDREW_BROWN, "benchmark message", Clock.systemUTC());
        Map<String, AttributeValue> message = new HashMap<>(Map.of("pk", AttributeValue.fromS("MSG#" + group),
                "sk", AttributeValue.fromS(m.sortKey()), "message_uuid", AttributeValue.fromS(m.messageUuid()),
                "message", AttributeValue.fromS(m.text()), "user_uuid", AttributeValue.fromS(m.sender().uuid()),
                "user_handle", AttributeValue.fromS(m.sender().handle()), "user_display_name", AttributeValue.fromS(m.sender().displayName())));
        List<Map<String, AttributeValue>> puts = new ArrayList<>();
        List<Map<String, AttributeValue>> deletes = new ArrayList<>();
        for (Map<String, AttributeValue> row : rows.items()) {
            Map<String, AttributeValue> moved = new HashMap<>(row);
            moved.put("sk", AttributeValue.fromS(m.sortKey()));
            moved.put("message", AttributeValue.fromS(m.text()));
            puts.add(moved);
            deletes.add(Map.of("pk", row.get("pk"), "sk", row.get("sk")));
        }
        if (transactions) {
            List<TransactWriteItem> actions = new ArrayList<>();
            actions.add(TransactWriteItem.builder().put(Put.builder().tableName("bench").item(message)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
            puts.forEach(p -> actions.add(TransactWriteItem.builder().put(Put.builder().tableName("bench").item(p).build()).build()));
            deletes.forEach(d -> actions.add(TransactWriteItem.builder().delete(Delete.builder().tableName("bench").key(d)
                    .conditionExpression("attribute_exists(pk)").build()).build()));
            raw.transactWriteItems(r -> r.transactItems(actions).clientRequestToken(m.messageUuid()));
        } else {
            raw.putItem(r -> r.tableName("bench").item(message).conditionExpression("attribute_not_exists(pk)"));
            puts.forEach(p -> raw.putItem(r -> r.tableName("bench").item(p)));
            deletes.forEach(d -> raw.deleteItem(r -> r.tableName("bench").key(d)));
        }
    }

    private static void compare(String label, int rounds, Runnable layer, Runnable raw) {
        for (int i = 0; i < rounds / 4; i++) {
            layer.run();
            raw.run();
        }
        long[] layerNanos = new long[rounds];
        long[] rawNanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            // alternate which goes first, so drift on a shared machine falls on both alike
            if (i % 2 == 0) {
                layerNanos[i] = time(layer);
                rawNanos[i] = time(raw);
            } else {
                rawNanos[i] = time(raw);
                layerNanos[i] = time(layer);
            }
        }
        double l = median(layerNanos) / 1e6;
        double r = median(rawNanos) / 1e6;
        System.out.printf("%-38s data layer %6.2f ms   raw SDK %6.2f ms   ratio %.2f  (median of %d)%n", label, l, r, l / r, rounds);
    }

    /**
     * The seeder against a bare BatchWriteItem loop writing the very same items, in alternating
     * rounds into tables of the same schema, so machine drift falls on all alike. Also the seeder
     * keeping an embedded cache honest: as the app seeds (one invalidation when the seeding ends,
     * {@link WriteInvalidation#bulk}) and invalidating after each batch (how it ran before).
     */
    private static void seeding(DirectMessages dm, DynamoDbClient raw, int messages) throws Exception {
        int rounds = 4;
        int conversationsPerRound = Math.max(1, messages / 100 / rounds);
        URI endpoint = dm.connection().target().endpoint().orElseThrow();
        try (DirectMessages seeded = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(endpoint, "bench-seeder")), Clock.systemUTC());
             DirectMessages bare = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(endpoint, "bench-bare")), Clock.systemUTC());
             DirectMessages bulk = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(endpoint, "bench-bulk")), Clock.systemUTC());
             DirectMessages perWrite = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(endpoint, "bench-per-write")), Clock.systemUTC());
             CacheStore cache = CacheStore.open(CacheSettings.embedded());
             WriteInvalidation bulkInvalidation = WriteInvalidation.attach(bulk.connection(), cache);
             WriteInvalidation perWriteInvalidation = WriteInvalidation.attach(perWrite.connection(), cache)) {
            seeded.schema().create();
            bare.schema().create();
            bulk.schema().create();
            perWrite.schema().create();
            long seederNanos = 0;
            long bareNanos = 0;
            long bulkNanos = 0;
            long perWriteNanos = 0;
            long items = 0;
            Instant now = Instant.now();
            for (int round = 0; round < rounds; round++) {
                int r = round;
                long t = System.nanoTime();
                items += seeded.seeder().generate(200, conversationsPerRound, 100, round, now, Seeder.Progress.NONE).items();
                seederNanos += System.nanoTime() - t;

                t = System.nanoTime();
                List<WriteRequest> batch = new ArrayList<>(25);
                Seeder.generatedItems(200, conversationsPerRound, 100, round, now, item -> {
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                    if (batch.size() == 25) {
                        bareBatch(raw, batch);
                        batch.clear();
                    }
                });
                if (!batch.isEmpty()) bareBatch(raw, batch);
                bareNanos += System.nanoTime() - t;

                t = System.nanoTime();
                WriteInvalidation.bulk(() -> bulk.seeder().generate(200, conversationsPerRound, 100, r, now, Seeder.Progress.NONE));
                bulkNanos += System.nanoTime() - t;

                t = System.nanoTime();
                perWrite.seeder().generate(200, conversationsPerRound, 100, round, now, Seeder.Progress.NONE);
                perWriteNanos += System.nanoTime() - t;
            }
            double seederRate = items / (seederNanos / 1e9);
            double bareRate = items / (bareNanos / 1e9);
            double bulkRate = items / (bulkNanos / 1e9);
            double perWriteRate = items / (perWriteNanos / 1e9);
            System.out.printf("seeding %,d messages (%,d items, %d alternating rounds): seeder %,.0f items/s   bare BatchWriteItem loop %,.0f items/s   ratio %.2f%n",
                    (long) rounds * conversationsPerRound * 100, items, rounds, seederRate, bareRate, seederRate / bareRate);
            System.out.printf("  keeping an embedded cache honest: one invalidation at the end %,.0f items/s (ratio %.2f)   per batch %,.0f items/s (ratio %.2f)%n",
                    bulkRate, bulkRate / bareRate, perWriteRate, perWriteRate / bareRate);
            seeded.schema().drop("bench-seeder");
            bare.schema().drop("bench-bare");
            bulk.schema().drop("bench-bulk");
            perWrite.schema().drop("bench-per-write");
        }
    }

    private static void bareBatch(DynamoDbClient raw, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = new HashMap<>(Map.of("bench-bare", List.copyOf(batch)));
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = raw.batchWriteItem(r -> r.requestItems(request));
            pending = response.hasUnprocessedItems() ? new HashMap<>(response.unprocessedItems()) : new HashMap<>();
            pending.values().removeIf(List::isEmpty);
        }
    }

    private static long time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return System.nanoTime() - t;
    }

    private static double median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
