package dev.cruddur.admin.engine;

import dev.cruddur.admin.testsupport.DynamoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.List;

import static dev.cruddur.admin.engine.DifferentialTest.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where dynalite departs from DynamoDB's documented behaviour, the engine follows the documentation;
 * these are the cases left out of the differential test, stated as DynamoDB documents them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentedBehaviourTest {
    private EmbeddedDynamo engine;
    private DynamoDbClient c;

    @BeforeAll
    void start() {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        c = DynamoClients.dynamo(engine.endpoint());
        c.createTable(t -> t.tableName("docs").attributeDefinitions(DiffData.attr("pk", "S")).keySchema(DiffData.key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        c.putItem(p -> p.tableName("docs").item(map("pk", s("a"), "l", l(s("x"), n("1"), m("k", n("2"))), "t", bool(true), "f", bool(false), "ss", ss("p", "q"))));
    }

    @AfterAll
    void stop() {
        c.close();
        engine.close();
    }

    private int count(String filter, java.util.Map<String, AttributeValue> values) {
        return c.scan(r -> {
            r.tableName("docs").filterExpression(filter);
            if (values != null) r.expressionAttributeValues(values);
        }).count();
    }

    @Test
    void listsAndMapsCompareForEquality() {
        assertThat(count("l = :v", map(":v", l(s("x"), n("1"), m("k", n("2")))))).isEqualTo(1);
        assertThat(count("l = :v", map(":v", l(s("x"), n("1"))))).isZero();
        assertThat(count("l[2] = :v", map(":v", m("k", n("2"))))).isEqualTo(1);
        assertThat(count("contains(l, :v)", map(":v", m("k", n("2"))))).isEqualTo(1);
        assertThat(count("l IN (:a, :b)", map(":a", l(), ":b", l(s("x"), n("1"), m("k", n("2")))))).isEqualTo(1);
    }

    @Test
    void setsAreEqualWhateverTheirOrder() {
        assertThat(count("ss = :v", map(":v", ss("q", "p")))).isEqualTo(1);
    }

    @Test
    void orderingAppliesToNumbersStringsAndBinariesOnly() {
        assertThat(count("t > :v", map(":v", bool(false)))).isZero();
        assertThat(count("ss < :v", map(":v", ss("z")))).isZero();
        assertThat(count("attribute_type(f, :t)", map(":t", s("BOOL")))).isEqualTo(1);
    }

    @Test
    void removingSeveralListElementsUsesTheOriginalIndexes() {
        c.putItem(p -> p.tableName("docs").item(map("pk", s("r"), "l", l(s("a"), s("b"), s("c"), s("d")))));
        UpdateItemResponse r = c.updateItem(u -> u.tableName("docs").key(map("pk", s("r"))).updateExpression("REMOVE l[0], l[2]").returnValues(ReturnValue.ALL_NEW));
        assertThat(r.attributes().get("l").l()).containsExactly(s("b"), s("d"));
    }

    @Test
    void arithmeticBeyondThirtyEightDigitsIsRefused() {
        c.putItem(p -> p.tableName("docs").item(map("pk", s("big"), "n", n("9.9999999999999999999999999999999999999E+125"))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.updateItem(u -> u.tableName("docs").key(map("pk", s("big")))
                .updateExpression("SET n = n + :v").expressionAttributeValues(map(":v", n("1e125"))))).isInstanceOf(DynamoDbException.class);
        assertThat(c.getItem(g -> g.tableName("docs").key(map("pk", s("big")))).item().get("n").n()).startsWith("99999");
    }

    @Test
    void consumedCapacityIsReported() {
        GetItemResponse g = c.getItem(r -> r.tableName("docs").key(map("pk", s("a"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(g.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        PutItemResponse p = c.putItem(r -> r.tableName("docs").item(map("pk", s("cc"))).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertThat(p.consumedCapacity().capacityUnits()).isEqualTo(1.0);
        assertThat(p.consumedCapacity().table().capacityUnits()).isEqualTo(1.0);
        QueryResponse q = c.query(r -> r.tableName("docs").keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("a")))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertThat(q.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void conditionFailureCanReturnTheItem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.putItem(r -> r.tableName("docs").item(map("pk", s("a")))
                        .conditionExpression("attribute_not_exists(pk)").returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> assertThat(e.item()).containsKey("l"));
    }

    @Test
    void describeTableCountsItemsAndDescribesIndexes() {
        c.createTable(t -> t.tableName("docs_gsi").attributeDefinitions(DiffData.attr("pk", "S"), DiffData.attr("g", "S"))
                .keySchema(DiffData.key("pk", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by_g").keySchema(DiffData.key("g", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        c.putItem(p -> p.tableName("docs_gsi").item(map("pk", s("1"), "g", s("x"), "extra", s("o"))));
        c.putItem(p -> p.tableName("docs_gsi").item(map("pk", s("2"))));
        TableDescription t = c.describeTable(d -> d.tableName("docs_gsi")).table();
        assertThat(t.itemCount()).isEqualTo(2);
        assertThat(t.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(t.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(1);
        assertThat(c.query(q -> q.tableName("docs_gsi").indexName("by_g").keyConditionExpression("g = :g").expressionAttributeValues(map(":g", s("x")))).items())
                .containsExactly(map("pk", s("1"), "g", s("x")));
        c.updateTable(u -> u.tableName("docs_gsi").attributeDefinitions(DiffData.attr("extra", "S")).globalSecondaryIndexUpdates(
                GlobalSecondaryIndexUpdate.builder().create(cr -> cr.indexName("by_extra").keySchema(DiffData.key("extra", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))).build()));
        assertThat(c.query(q -> q.tableName("docs_gsi").indexName("by_extra").keyConditionExpression("extra = :o").expressionAttributeValues(map(":o", s("o")))).count())
                .isEqualTo(1);
        c.updateTable(u -> u.tableName("docs_gsi").globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("by_g")).build()));
        assertThat(c.describeTable(d -> d.tableName("docs_gsi")).table().globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactly("by_extra");
        c.deleteTable(d -> d.tableName("docs_gsi"));
        assertThat(c.listTables().tableNames()).doesNotContain("docs_gsi");
    }

    @Test
    void gsiPagesCarryIndexAndTableKeys() {
        c.createTable(t -> t.tableName("docs_page").attributeDefinitions(DiffData.attr("pk", "S"), DiffData.attr("sk", "S"), DiffData.attr("g", "S"))
                .keySchema(DiffData.key("pk", KeyType.HASH), DiffData.key("sk", KeyType.RANGE)).billingMode(BillingMode.PAY_PER_REQUEST)
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by_g").keySchema(DiffData.key("g", KeyType.HASH), DiffData.key("sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        for (String pk : List.of("GRP#1", "GRP#2", "GRP#3"))
            c.putItem(p -> p.tableName("docs_page").item(map("pk", s(pk), "sk", s("2026"), "g", s("conv"))));
        QueryResponse first = c.query(q -> q.tableName("docs_page").indexName("by_g").keyConditionExpression("g = :g").expressionAttributeValues(map(":g", s("conv"))).limit(2));
        assertThat(first.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "g");
        QueryResponse rest = c.query(q -> q.tableName("docs_page").indexName("by_g").keyConditionExpression("g = :g").expressionAttributeValues(map(":g", s("conv")))
                .exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(first.count() + rest.count()).isEqualTo(3);
    }

    /** ConditionalOperator OR: any one condition suffices (dynalite gives up at the first that fails). */
    @Test
    void legacyConditionalOperatorOrNeedsAnyOneCondition() {
        java.util.Map<String, Condition> filter = new java.util.LinkedHashMap<>();
        filter.put("missing", DiffLegacyCases.cond(ComparisonOperator.NOT_NULL));
        filter.put("ss", DiffLegacyCases.cond(ComparisonOperator.CONTAINS, s("p")));
        assertThat(c.scan(r -> r.tableName("docs").scanFilter(filter).conditionalOperator(ConditionalOperator.OR)).count()).isEqualTo(1);
        assertThat(c.scan(r -> r.tableName("docs").scanFilter(filter)).count()).isZero();
    }

    /** Expected with Exists=true and a Value holds only when the attribute has that value (dynalite checks existence only). */
    @Test
    void legacyExpectedExistsWithValueComparesTheValue() {
        c.putItem(p -> p.tableName("docs").item(map("pk", s("exp"), "v", n("1"))));
        ExpectedAttributeValue two = ExpectedAttributeValue.builder().exists(true).value(n("2")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.putItem(p -> p.tableName("docs").item(map("pk", s("exp"), "v", n("3")))
                .expected(java.util.Map.of("v", two)))).isInstanceOf(ConditionalCheckFailedException.class);
        ExpectedAttributeValue one = ExpectedAttributeValue.builder().exists(true).value(n("1")).build();
        c.putItem(p -> p.tableName("docs").item(map("pk", s("exp"), "v", n("3"))).expected(java.util.Map.of("v", one)));
        assertThat(c.getItem(g -> g.tableName("docs").key(map("pk", s("exp")))).item().get("v")).isEqualTo(n("3"));
    }

    /** An empty attribute name is refused, whatever the expression (DynamoDB's message, as its clients quote it). */
    @Test
    void emptyAttributeNamesAreRefused() {
        String expected = "ExpressionAttributeNames contains invalid value: Empty attribute name for key #x";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.getItem(g -> g.tableName("docs").key(map("pk", s("a")))
                .projectionExpression("#x").expressionAttributeNames(names("#x", ""))))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith(expected);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.updateItem(u -> u.tableName("docs").key(map("pk", s("a")))
                .updateExpression("SET #x = :v").expressionAttributeNames(names("#x", "")).expressionAttributeValues(map(":v", n("1")))))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith(expected);
        assertThat(c.getItem(g -> g.tableName("docs").key(map("pk", s("a")))).item()).doesNotContainKey("");
    }

    /**
     * An item or key holding an attribute named "" is refused wherever items come in (dynalite stores it; the
     * message is ours, in DynamoDB's "One or more parameter values were invalid" family), and nothing is written.
     */
    @Test
    void itemsAndKeysWithAnEmptyAttributeNameAreRefused() {
        String expected = dev.cruddur.admin.engine.api.Values.EMPTY_ATTRIBUTE_NAME;
        java.util.Map<String, AttributeValue> item = map("pk", s("empty-name"), "", s("x"));
        java.util.Map<String, AttributeValue> key = map("pk", s("empty-name"), "", s("x"));
        List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = List.of(
                () -> c.putItem(p -> p.tableName("docs").item(item)),
                () -> c.getItem(g -> g.tableName("docs").key(key)),
                () -> c.deleteItem(d -> d.tableName("docs").key(key)),
                () -> c.updateItem(u -> u.tableName("docs").key(key).updateExpression("SET v = :v").expressionAttributeValues(map(":v", n("1")))),
                () -> c.batchWriteItem(b -> b.requestItems(java.util.Map.of("docs", List.of(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build()).build())))),
                () -> c.batchWriteItem(b -> b.requestItems(java.util.Map.of("docs", List.of(WriteRequest.builder()
                        .deleteRequest(DeleteRequest.builder().key(key).build()).build())))),
                () -> c.batchGetItem(b -> b.requestItems(java.util.Map.of("docs", KeysAndAttributes.builder().keys(key).build()))),
                () -> c.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder().put(Put.builder().tableName("docs").item(item).build()).build())),
                () -> c.transactGetItems(t -> t.transactItems(TransactGetItem.builder().get(Get.builder().tableName("docs").key(key).build()).build())));
        for (var call : calls)
            org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOf(DynamoDbException.class).hasMessageStartingWith(expected);
        assertThat(c.getItem(g -> g.tableName("docs").key(map("pk", s("empty-name")))).item()).isEmpty();
    }

    /**
     * BatchWriteItem counts each write as the single write would (by the larger of the old and the new item) per
     * table, and gives ItemCollectionMetrics per table for one with a local index, one entry per collection written.
     */
    @Test
    void batchWritesReportCapacityPerTableAndItemCollectionMetrics() {
        c.createTable(t -> t.tableName("docs_batch_lsi").attributeDefinitions(DiffData.attr("pk", "S"), DiffData.attr("sk", "S"), DiffData.attr("n", "N"))
                .keySchema(DiffData.key("pk", KeyType.HASH), DiffData.key("sk", KeyType.RANGE)).billingMode(BillingMode.PAY_PER_REQUEST)
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by_n").keySchema(DiffData.key("pk", KeyType.HASH), DiffData.key("n", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        String big = "x".repeat(1500);
        c.putItem(p -> p.tableName("docs").item(map("pk", s("batch-big"), "v", s(big))));
        BatchWriteItemResponse r = c.batchWriteItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)
                .requestItems(java.util.Map.of(
                        // replacing a 1.5 KB item with a small one costs 2 units, as PutItem's would; a new small item 1
                        "docs", List.of(put(map("pk", s("batch-big"))), put(map("pk", s("batch-new")))),
                        "docs_batch_lsi", List.of(put(map("pk", s("c1"), "sk", s("1"), "n", n("1"))), put(map("pk", s("c1"), "sk", s("2"))),
                                put(map("pk", s("c2"), "sk", s("1")))))));
        java.util.Map<String, Double> units = new java.util.HashMap<>();
        r.consumedCapacity().forEach(cc -> units.put(cc.tableName(), cc.capacityUnits()));
        assertThat(units).containsEntry("docs", 3.0).containsEntry("docs_batch_lsi", 3.0);
        assertThat(r.itemCollectionMetrics()).containsOnlyKeys("docs_batch_lsi");
        assertThat(r.itemCollectionMetrics().get("docs_batch_lsi")).extracting(ItemCollectionMetrics::itemCollectionKey)
                .containsExactly(map("pk", s("c1")), map("pk", s("c2")));
        assertThat(r.itemCollectionMetrics().get("docs_batch_lsi").get(0).sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
    }

    /**
     * DynamoDB's documented 2 MB limit on what an expression substitutes (ExpressionAttributeNames and Values
     * together); dynalite has none. The message is ours (RequestSupport says why).
     */
    @Test
    void substitutionsOverTwoMegabytesAreRefused() {
        String half = "v".repeat(1024 * 1024), over = "v".repeat(2 * 1024 * 1024);
        c.putItem(p -> p.tableName("docs").item(map("pk", s("subst"))).conditionExpression("a <> :v").expressionAttributeValues(map(":v", s(half))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.putItem(p -> p.tableName("docs").item(map("pk", s("subst-over")))
                        .conditionExpression("a <> :v AND #b <> :w").expressionAttributeNames(names("#b", "b"))
                        .expressionAttributeValues(map(":v", s(over.substring(10)), ":w", s("0123456789")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("ExpressionAttributeNames and ExpressionAttributeValues size has exceeded the maximum allowed size of 2 MB");
        assertThat(c.getItem(g -> g.tableName("docs").key(map("pk", s("subst-over")))).item()).isEmpty();
    }

    private static WriteRequest put(java.util.Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    /** The read-only descriptions tools ask any endpoint for, in DynamoDB's shapes (dynalite has neither). */
    @Test
    void endpointsAreTheAddressTheClientReachedWithADaysCachePeriod() {
        DescribeEndpointsResponse direct = c.describeEndpoints(r -> {});
        assertThat(direct.endpoints()).singleElement().satisfies(e -> {
            assertThat(e.address()).isEqualTo("127.0.0.1:" + engine.port());
            assertThat(e.cachePeriodInMinutes()).isEqualTo(1440L);
        });
        try (DynamoDbClient byName = DynamoClients.dynamo(java.net.URI.create("http://localhost:" + engine.port()))) {
            assertThat(byName.describeEndpoints(r -> {}).endpoints()).singleElement()
                    .satisfies(e -> assertThat(e.address()).isEqualTo("localhost:" + engine.port()));
        }
    }

    @Test
    void limitsAndContinuousBackupsAreDescribed() {
        DescribeLimitsResponse limits = c.describeLimits(r -> {});
        assertThat(limits.accountMaxReadCapacityUnits()).isEqualTo(80000L);
        assertThat(limits.tableMaxWriteCapacityUnits()).isEqualTo(40000L);
        ContinuousBackupsDescription backups = c.describeContinuousBackups(r -> r.tableName("docs")).continuousBackupsDescription();
        assertThat(backups.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
        assertThat(backups.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.describeContinuousBackups(r -> r.tableName("nowhere")))
                .isInstanceOf(TableNotFoundException.class).hasMessageStartingWith("Table not found: nowhere");
    }

    /** CreateTable answers CREATING, as DynamoDB does; DescribeTable says ACTIVE once the configured delay (0 by default) has passed. */
    @Test
    void newTablesAreCreatingUntilTheConfiguredDelayHasPassed() {
        CreateTableResponse created = c.createTable(t -> t.tableName("docs_new").attributeDefinitions(DiffData.attr("pk", "S"))
                .keySchema(DiffData.key("pk", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST));
        assertThat(created.tableDescription().tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(c.describeTable(d -> d.tableName("docs_new")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);

        TokenAcrossRestartTest.MovableClock clock = new TokenAcrossRestartTest.MovableClock();
        try (EmbeddedDynamo slow = EmbeddedDynamo.start(EngineConfig.inMemory().withClock(clock).withCreateTableDelay(java.time.Duration.ofSeconds(5)));
             DynamoDbClient s = dev.cruddur.admin.testsupport.DynamoClients.dynamo(slow.endpoint())) {
            s.createTable(t -> t.tableName("slow").attributeDefinitions(DiffData.attr("pk", "S"))
                    .keySchema(DiffData.key("pk", KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST));
            assertThat(s.describeTable(d -> d.tableName("slow")).table().tableStatus()).isEqualTo(TableStatus.CREATING);
            // reads and writes of a CREATING table are refused as if it did not exist yet (dynalite's cases are in CreatingTableDifferentialTest);
            // transactions, which dynalite lacks, are refused the same way
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder()
                            .put(Put.builder().tableName("slow").item(map("pk", s("t"))).build()).build())))
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.transactGetItems(t -> t.transactItems(TransactGetItem.builder()
                            .get(Get.builder().tableName("slow").key(map("pk", s("t"))).build()).build())))
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeStatement(e -> e.statement("SELECT * FROM slow WHERE pk = 't'")))
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found");
            clock.advance(java.time.Duration.ofSeconds(5));
            assertThat(s.describeTable(d -> d.tableName("slow")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
            s.putItem(p -> p.tableName("slow").item(map("pk", s("t"))));
            assertThat(s.getItem(g -> g.tableName("slow").key(map("pk", s("t")))).item()).isEqualTo(map("pk", s("t")));
        }
    }

    /** ReturnItemCollectionMetrics=SIZE: the collection's key and size range on a table with an LSI, nothing without one (dynalite has neither). */
    @Test
    void itemCollectionMetricsOnTablesWithALocalIndex() {
        c.createTable(t -> t.tableName("docs_lsi").attributeDefinitions(DiffData.attr("pk", "S"), DiffData.attr("sk", "S"), DiffData.attr("n", "N"))
                .keySchema(DiffData.key("pk", KeyType.HASH), DiffData.key("sk", KeyType.RANGE)).billingMode(BillingMode.PAY_PER_REQUEST)
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by_n").keySchema(DiffData.key("pk", KeyType.HASH), DiffData.key("n", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        ItemCollectionMetrics m = c.putItem(p -> p.tableName("docs_lsi").item(map("pk", s("c"), "sk", s("1"), "n", n("1")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics();
        assertThat(m.itemCollectionKey()).isEqualTo(map("pk", s("c")));
        assertThat(m.sizeEstimateRangeGB()).containsExactly(0.0, 1.0);
        assertThat(c.deleteItem(d -> d.tableName("docs_lsi").key(map("pk", s("c"), "sk", s("1")))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics().itemCollectionKey()).isEqualTo(map("pk", s("c")));
        assertThat(c.putItem(p -> p.tableName("docs").item(map("pk", s("icm"))).returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE))
                .itemCollectionMetrics()).isNull();
    }
}
