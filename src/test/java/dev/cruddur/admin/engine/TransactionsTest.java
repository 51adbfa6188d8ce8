package dev.cruddur.admin.engine;

import dev.cruddur.admin.testsupport.DynamoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.cruddur.admin.engine.DifferentialTest.map;
import static dev.cruddur.admin.engine.DifferentialTest.n;
import static dev.cruddur.admin.engine.DifferentialTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transactions as AWS documents them (dynalite has none): all or nothing, reasons per action, idempotent tokens. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionsTest {
    private EmbeddedDynamo engine;
    private DynamoDbClient client;

    @BeforeAll
    void start() {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        client = DynamoClients.dynamo(engine.endpoint());
        client.createTable(r -> r.tableName("txn").attributeDefinitions(DiffData.attr("pk", "S"), DiffData.attr("sk", "S"))
                .keySchema(DiffData.key("pk", KeyType.HASH), DiffData.key("sk", KeyType.RANGE)).billingMode(BillingMode.PAY_PER_REQUEST));
    }

    @AfterAll
    void stop() {
        client.close();
        engine.close();
    }

    private static TransactWriteItem put(String sk, int v) {
        return TransactWriteItem.builder().put(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s(sk), "v", n(Integer.toString(v))))).build();
    }

    private Map<String, AttributeValue> get(String sk) {
        GetItemResponse r = client.getItem(g -> g.tableName("txn").key(map("pk", s("t"), "sk", s(sk))));
        return r.hasItem() ? r.item() : null;
    }

    @Test
    void allActionsApplyTogether() {
        client.putItem(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s("del"), "v", n("1"))));
        client.putItem(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s("upd"), "v", n("1"))));
        client.putItem(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s("check"), "v", n("1"))));
        client.transactWriteItems(t -> t.transactItems(
                put("new", 1),
                TransactWriteItem.builder().update(u -> u.tableName("txn").key(map("pk", s("t"), "sk", s("upd"))).updateExpression("SET v = v + :one")
                        .conditionExpression("v = :one").expressionAttributeValues(map(":one", n("1")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("txn").key(map("pk", s("t"), "sk", s("del")))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("txn").key(map("pk", s("t"), "sk", s("check"))).conditionExpression("attribute_exists(v)")).build()));
        assertThat(get("new")).containsEntry("v", n("1"));
        assertThat(get("upd")).containsEntry("v", n("2"));
        assertThat(get("del")).isNull();
    }

    @Test
    void failedConditionCancelsEverythingWithReasons() {
        client.putItem(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s("guard"), "v", n("5"))));
        assertThatThrownBy(() -> client.transactWriteItems(t -> t.transactItems(
                put("never", 1),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("txn").key(map("pk", s("t"), "sk", s("guard")))
                        .conditionExpression("v = :x").expressionAttributeValues(map(":x", n("6")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed");
                    assertThat(e.cancellationReasons().get(1).item()).containsEntry("v", n("5"));
                    assertThat(e.getMessage()).contains("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
                });
        assertThat(get("never")).isNull();
    }

    @Test
    void runtimeErrorInOneActionCancelsAll() {
        client.putItem(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s("text"), "v", s("not a number"))));
        assertThatThrownBy(() -> client.transactWriteItems(t -> t.transactItems(put("never2", 1),
                TransactWriteItem.builder().update(u -> u.tableName("txn").key(map("pk", s("t"), "sk", s("text"))).updateExpression("SET v = v + :one")
                        .expressionAttributeValues(map(":one", n("1")))).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e ->
                        assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("None", "ValidationError"));
        assertThat(get("never2")).isNull();
    }

    @Test
    void twoActionsOnOneItemAreRefused() {
        assertThatThrownBy(() -> client.transactWriteItems(t -> t.transactItems(put("same", 1), put("same", 2))))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void atMostOneHundredActions() {
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = 0; i < 101; i++) items.add(put("many" + i, i));
        assertThatThrownBy(() -> client.transactWriteItems(t -> t.transactItems(items))).isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("transactItems");
        client.transactWriteItems(t -> t.transactItems(items.subList(0, 100)));
        assertThat(get("many99")).isNotNull();
    }

    @Test
    void sameTokenAndRequestIsAppliedOnce() {
        client.putItem(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s("counter"), "v", n("0"))));
        TransactWriteItem increment = TransactWriteItem.builder().update(u -> u.tableName("txn").key(map("pk", s("t"), "sk", s("counter")))
                .updateExpression("ADD v :one").expressionAttributeValues(map(":one", n("1")))).build();
        client.transactWriteItems(t -> t.clientRequestToken("token-1").transactItems(increment));
        client.transactWriteItems(t -> t.clientRequestToken("token-1").transactItems(increment));
        assertThat(get("counter")).containsEntry("v", n("1"));
        assertThatThrownBy(() -> client.transactWriteItems(t -> t.clientRequestToken("token-1").transactItems(put("other", 1))))
                .isInstanceOf(IdempotentParameterMismatchException.class);
        client.transactWriteItems(t -> t.clientRequestToken("token-2").transactItems(increment));
        assertThat(get("counter")).containsEntry("v", n("2"));
    }

    @Test
    void transactGetReadsSeveralItems() {
        client.putItem(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s("g1"), "v", n("1"), "w", s("x"))));
        TransactGetItemsResponse r = client.transactGetItems(t -> t.transactItems(
                TransactGetItem.builder().get(g -> g.tableName("txn").key(map("pk", s("t"), "sk", s("g1"))).projectionExpression("v")).build(),
                TransactGetItem.builder().get(g -> g.tableName("txn").key(map("pk", s("t"), "sk", s("missing")))).build()));
        assertThat(r.responses().get(0).item()).isEqualTo(map("v", n("1")));
        assertThat(r.responses().get(1).hasItem()).isFalse();
    }

    @Test
    void readersNeverSeeHalfATransaction() throws Exception {
        // two items always moved together: a reader must see both old or both new, never a mix
        client.putItem(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s("a"), "v", n("0"))));
        client.putItem(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s("b"), "v", n("0"))));
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (DynamoDbClient reader = DynamoClients.dynamo(engine.endpoint()); DynamoDbClient writer = DynamoClients.dynamo(engine.endpoint())) {
            Future<?> writes = pool.submit(() -> {
                for (int i = 1; i <= 200; i++) {
                    String v = Integer.toString(i);
                    writer.transactWriteItems(t -> t.transactItems(
                            TransactWriteItem.builder().put(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s("a"), "v", n(v)))).build(),
                            TransactWriteItem.builder().put(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s("b"), "v", n(v)))).build()));
                }
                done.set(true);
            });
            List<String> mismatches = new ArrayList<>();
            Future<?> reads = pool.submit(() -> {
                while (!done.get()) {
                    TransactGetItemsResponse r = reader.transactGetItems(t -> t.transactItems(
                            TransactGetItem.builder().get(g -> g.tableName("txn").key(map("pk", s("t"), "sk", s("a")))).build(),
                            TransactGetItem.builder().get(g -> g.tableName("txn").key(map("pk", s("t"), "sk", s("b")))).build()));
                    if (!r.responses().get(0).item().get("v").equals(r.responses().get(1).item().get("v"))) mismatches.add(r.toString());
                }
            });
            writes.get(60, TimeUnit.SECONDS);
            reads.get(60, TimeUnit.SECONDS);
            assertThat(mismatches).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentIncrementsAreNotLost() throws Exception {
        client.putItem(p -> p.tableName("txn").item(map("pk", s("t"), "sk", s("hits"), "v", n("0"))));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    try (DynamoDbClient c = DynamoClients.dynamo(engine.endpoint())) {
                        for (int i = 0; i < 100; i++)
                            c.updateItem(u -> u.tableName("txn").key(map("pk", s("t"), "sk", s("hits"))).updateExpression("SET v = v + :one")
                                    .expressionAttributeValues(map(":one", n("1"))));
                    }
                }));
            }
            for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(get("hits")).containsEntry("v", n("400"));
    }
}
