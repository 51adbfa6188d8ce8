package dev.cruddur.admin.engine;

import dev.cruddur.admin.testsupport.DynamoClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints figures, asserts nothing: the cost of PartiQL over the request it stands for, on the embedded engine
 * through the AWS SDK. A SELECT pinning a partition against the same Query (100 items a page); a full-key
 * UPDATE against the same UpdateItem; a filtered SELECT without a key against the same Scan.
 *
 * <pre>mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.engine.PartiqlBenchmark</pre>
 */
public final class PartiqlBenchmark {
    private static final String TABLE = "bench-partiql";
    private static final int ROUNDS = 400, PARTITIONS = 20, ITEMS = 100;

    private PartiqlBenchmark() {}

    public static void main(String[] args) {
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.inMemory());
             DynamoDbClient c = DynamoClients.dynamo(engine.endpoint())) {
            c.createTable(t -> t.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(DiffData.attr("pk", "S"), DiffData.attr("sk", "S"))
                    .keySchema(DiffData.key("pk", KeyType.HASH), DiffData.key("sk", KeyType.RANGE)));
            for (int p = 0; p < PARTITIONS; p++) {
                List<WriteRequest> batch = new ArrayList<>();
                for (int i = 0; i < ITEMS; i++) {
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", AttributeValue.fromS("p" + p),
                            "sk", AttributeValue.fromS(String.format("2024-%04d", i)), "n", AttributeValue.fromN(Integer.toString(i)),
                            "message", AttributeValue.fromS("message number " + i))).build()).build());
                    if (batch.size() == 25) {
                        List<WriteRequest> b = batch;
                        c.batchWriteItem(w -> w.requestItems(Map.of(TABLE, b)));
                        batch = new ArrayList<>();
                    }
                }
            }
            for (int warm = 0; warm < 2; warm++) {
                double select = time(() -> c.executeStatement(e -> e.statement("SELECT * FROM \"" + TABLE + "\" WHERE pk = ? AND begins_with(sk, '2024')")
                        .parameters(AttributeValue.fromS("p3"))));
                double query = time(() -> c.query(q -> q.tableName(TABLE).keyConditionExpression("pk = :p AND begins_with(sk, :y)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p3"), ":y", AttributeValue.fromS("2024")))));
                double update = time(() -> c.executeStatement(e -> e.statement("UPDATE \"" + TABLE + "\" SET n = n + 1 WHERE pk = 'p1' AND sk = '2024-0001'")));
                double updateItem = time(() -> c.updateItem(u -> u.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("p1"), "sk", AttributeValue.fromS("2024-0002")))
                        .updateExpression("SET n = n + :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))));
                double filtered = time(() -> c.executeStatement(e -> e.statement("SELECT * FROM \"" + TABLE + "\" WHERE n = 7")));
                double scan = time(() -> c.scan(s -> s.tableName(TABLE).filterExpression("n = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("7")))));
                if (warm == 0) continue;
                System.out.printf(Locale.ROOT, "SELECT by partition (100 items): %.3f ms, Query %.3f ms, ratio %.2f%n", select, query, select / query);
                System.out.printf(Locale.ROOT, "UPDATE by key: %.3f ms, UpdateItem %.3f ms, ratio %.2f%n", update, updateItem, update / updateItem);
                System.out.printf(Locale.ROOT, "SELECT with a filter (2,000 items scanned): %.3f ms, Scan %.3f ms, ratio %.2f%n", filtered, scan, filtered / scan);
            }
        }
    }

    /** Milliseconds a call, over ROUNDS calls. */
    private static double time(Runnable call) {
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) call.run();
        return (System.nanoTime() - start) / 1e6 / ROUNDS;
    }
}
