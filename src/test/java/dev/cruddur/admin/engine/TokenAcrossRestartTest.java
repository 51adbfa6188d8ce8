package dev.cruddur.admin.engine;

import dev.cruddur.admin.testsupport.DynamoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.cruddur.admin.engine.DifferentialTest.map;
import static dev.cruddur.admin.engine.DifferentialTest.n;
import static dev.cruddur.admin.engine.DifferentialTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ClientRequestToken is honoured for 10 minutes, across restarts and log compaction; then it expires. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TokenAcrossRestartTest {

    /** A clock the test moves forward, instead of waiting 10 minutes. */
    static final class MovableClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-07T01:00:00Z").toEpochMilli());

        void advance(Duration d) { millis.addAndGet(d.toMillis()); }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis.get()); }
        @Override public long millis() { return millis.get(); }
    }

    private static void addHundred(DynamoDbClient c, String token) {
        c.transactWriteItems(t -> t.clientRequestToken(token).transactItems(
                TransactWriteItem.builder().update(u -> u.tableName("tokens").key(map("pk", s("counter")))
                        .updateExpression("ADD n :hundred").expressionAttributeValues(map(":hundred", n("100")))).build()));
    }

    private static String counter(DynamoDbClient c) {
        return c.getItem(g -> g.tableName("tokens").key(map("pk", s("counter"))).consistentRead(true)).item().get("n").n();
    }

    @Test
    void aRetryAfterARestartIsAppliedOnceUntilItsTokenExpires(@TempDir Path dir) throws Exception {
        MovableClock clock = new MovableClock();
        EngineConfig config = EngineConfig.persistent(dir).withClock(clock);
        try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            c.createTable(t -> t.tableName("tokens").attributeDefinitions(DiffData.attr("pk", "S")).keySchema(DiffData.key("pk", KeyType.HASH))
                    .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST));
            addHundred(c, "retry-me");
            assertThat(counter(c)).isEqualTo("100");
        }
        clock.advance(Duration.ofMinutes(4));
        try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            addHundred(c, "retry-me"); // the client did not see the first answer and retries
            assertThat(counter(c)).isEqualTo("100");
            assertThatThrownBy(() -> c.transactWriteItems(t -> t.clientRequestToken("retry-me").transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName("tokens").key(map("pk", s("counter")))
                            .updateExpression("ADD n :one").expressionAttributeValues(map(":one", n("1")))).build())))
                    .isInstanceOf(IdempotentParameterMismatchException.class);
            // enough rewrites of one item that the next start compacts the log: the token must outlive that
            for (int round = 0; round < 48; round++) {
                java.util.List<WriteRequest> batch = new java.util.ArrayList<>();
                for (int i = 0; i < 25; i++)
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(map("pk", s("churn" + i), "v", n(Integer.toString(round)))).build()).build());
                c.batchWriteItem(b -> b.requestItems(java.util.Map.of("tokens", batch)));
            }
        }
        long before = Files.size(dir.resolve("engine.log"));
        clock.advance(Duration.ofMinutes(5));
        try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            assertThat(Files.size(dir.resolve("engine.log"))).as("compacted").isLessThan(before / 10);
            addHundred(c, "retry-me");
            assertThat(counter(c)).isEqualTo("100");
        }
        clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // 10 minutes and a second after the first request
        try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            addHundred(c, "retry-me"); // DynamoDB treats it as a new request now
            assertThat(counter(c)).isEqualTo("200");
        }
    }

    @Test
    void aTokenExpiresInARunningEngineToo(@TempDir Path dir) {
        MovableClock clock = new MovableClock();
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir).withClock(clock)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            c.createTable(t -> t.tableName("tokens").attributeDefinitions(DiffData.attr("pk", "S")).keySchema(DiffData.key("pk", KeyType.HASH))
                    .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST));
            addHundred(c, "t1");
            clock.advance(Duration.ofMinutes(9));
            addHundred(c, "t1");
            assertThat(counter(c)).isEqualTo("100");
            clock.advance(Duration.ofMinutes(2));
            addHundred(c, "t1");
            assertThat(counter(c)).isEqualTo("200");
        }
    }
}
