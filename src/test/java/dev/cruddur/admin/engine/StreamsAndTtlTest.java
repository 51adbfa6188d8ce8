package dev.cruddur.admin.engine;

import dev.cruddur.admin.testsupport.DynamoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.cruddur.admin.engine.DifferentialTest.map;
import static dev.cruddur.admin.engine.DifferentialTest.n;
import static dev.cruddur.admin.engine.DifferentialTest.s;
import static dev.cruddur.admin.engine.DifferentialTest.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streams and Time to Live as AWS documents them (dynalite has neither). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamsAndTtlTest {
    private EmbeddedDynamo engine;
    private DynamoDbClient client;
    private DynamoDbStreamsClient streams;

    @BeforeAll
    void start() {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        client = DynamoClients.dynamo(engine.endpoint());
        streams = DynamoClients.streams(engine.endpoint());
    }

    @AfterAll
    void stop() {
        client.close();
        streams.close();
        engine.close();
    }

    private String createTable(String name, StreamViewType view) {
        CreateTableResponse r = client.createTable(t -> {
            t.tableName(name).attributeDefinitions(DiffData.attr("pk", "S"), DiffData.attr("sk", "S"))
                    .keySchema(DiffData.key("pk", KeyType.HASH), DiffData.key("sk", KeyType.RANGE)).billingMode(BillingMode.PAY_PER_REQUEST);
            if (view != null) t.streamSpecification(s -> s.streamEnabled(true).streamViewType(view));
        });
        return r.tableDescription().latestStreamArn();
    }

    private List<Record> readAll(String arn, ShardIteratorType type, String sequence) {
        String shard = streams.describeStream(d -> d.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = streams.getShardIterator(g -> {
            g.streamArn(arn).shardId(shard).shardIteratorType(type);
            if (sequence != null) g.sequenceNumber(sequence);
        }).shardIterator();
        List<Record> out = new ArrayList<>();
        for (int i = 0; i < 20 && iterator != null; i++) {
            String it = iterator;
            GetRecordsResponse r = streams.getRecords(g -> g.shardIterator(it).limit(2));
            out.addAll(r.records());
            if (r.records().isEmpty()) break;
            iterator = r.nextShardIterator();
        }
        return out;
    }

    private void writeThree(String table) {
        client.putItem(p -> p.tableName(table).item(map("pk", s("k"), "sk", s("1"), "v", n("1"))));
        client.updateItem(u -> u.tableName(table).key(map("pk", s("k"), "sk", s("1"))).updateExpression("SET v = :v").expressionAttributeValues(map(":v", n("2"))));
        client.deleteItem(d -> d.tableName(table).key(map("pk", s("k"), "sk", s("1"))));
    }

    @Test
    void everyViewTypeCarriesTheRightImages() {
        for (StreamViewType view : List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE, StreamViewType.OLD_IMAGE, StreamViewType.NEW_AND_OLD_IMAGES)) {
            String table = "st_" + view.toString().toLowerCase();
            String arn = createTable(table, view);
            writeThree(table);
            List<Record> records = readAll(arn, ShardIteratorType.TRIM_HORIZON, null);
            assertThat(records).extracting(r -> r.eventName().toString()).containsExactly("INSERT", "MODIFY", "REMOVE");
            for (Record r : records) {
                assertThat(r.dynamodb().keys()).isEqualTo(map("pk", s("k"), "sk", s("1")));
                assertThat(r.dynamodb().streamViewType()).isEqualTo(view);
                assertThat(r.eventSource()).isEqualTo("aws:dynamodb");
            }
            boolean newImages = view == StreamViewType.NEW_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
            boolean oldImages = view == StreamViewType.OLD_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
            assertThat(records.get(0).dynamodb().hasNewImage()).isEqualTo(newImages);
            assertThat(records.get(0).dynamodb().hasOldImage()).isFalse();
            assertThat(records.get(1).dynamodb().hasNewImage()).isEqualTo(newImages);
            assertThat(records.get(1).dynamodb().hasOldImage()).isEqualTo(oldImages);
            assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
            assertThat(records.get(2).dynamodb().hasOldImage()).isEqualTo(oldImages);
            if (newImages) assertThat(records.get(1).dynamodb().newImage()).containsEntry("v", n("2"));
            if (oldImages) assertThat(records.get(1).dynamodb().oldImage()).containsEntry("v", n("1"));
            List<BigInteger> sequences = records.stream().map(r -> new BigInteger(r.dynamodb().sequenceNumber())).toList();
            assertThat(sequences).isSorted().doesNotHaveDuplicates();
        }
    }

    /** DynamoDB writes a stream record only when an item changes: an identical put, or an update to the value it has, writes none. */
    @Test
    void writesThatChangeNothingLeaveNoRecord() {
        String arn = createTable("st_noop", StreamViewType.NEW_AND_OLD_IMAGES);
        Map<String, AttributeValue> item = map("pk", s("k"), "sk", s("1"), "v", n("1"), "ss", ss("a", "b"));
        client.putItem(p -> p.tableName("st_noop").item(item));
        client.putItem(p -> p.tableName("st_noop").item(map("ss", ss("b", "a"), "v", n("1.0"), "sk", s("1"), "pk", s("k"))));
        client.updateItem(u -> u.tableName("st_noop").key(map("pk", s("k"), "sk", s("1"))).updateExpression("SET v = :v").expressionAttributeValues(map(":v", n("1"))));
        client.updateItem(u -> u.tableName("st_noop").key(map("pk", s("k"), "sk", s("1"))).updateExpression("REMOVE absent_attr"));
        client.deleteItem(d -> d.tableName("st_noop").key(map("pk", s("k"), "sk", s("absent"))));
        client.updateItem(u -> u.tableName("st_noop").key(map("pk", s("k"), "sk", s("1"))).updateExpression("SET v = :v").expressionAttributeValues(map(":v", n("2"))));
        assertThat(readAll(arn, ShardIteratorType.TRIM_HORIZON, null)).extracting(r -> r.eventName().toString()).containsExactly("INSERT", "MODIFY");
    }

    @Test
    void iteratorTypesStartWhereAsked() {
        String arn = createTable("st_iter", StreamViewType.NEW_IMAGE);
        writeThree("st_iter");
        List<Record> all = readAll(arn, ShardIteratorType.TRIM_HORIZON, null);
        String second = all.get(1).dynamodb().sequenceNumber();
        assertThat(readAll(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, second)).hasSize(2);
        assertThat(readAll(arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second)).hasSize(1);
        assertThat(readAll(arn, ShardIteratorType.LATEST, null)).isEmpty();
        String shard = streams.describeStream(d -> d.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String latest = streams.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        client.putItem(p -> p.tableName("st_iter").item(map("pk", s("k"), "sk", s("later"))));
        GetRecordsResponse r = streams.getRecords(g -> g.shardIterator(latest));
        assertThat(r.records()).hasSize(1);
        assertThat(r.nextShardIterator()).isNotNull();
    }

    @Test
    void describeAndListStreams() {
        String arn = createTable("st_list", StreamViewType.KEYS_ONLY);
        DescribeTableResponse table = client.describeTable(d -> d.tableName("st_list"));
        assertThat(table.table().latestStreamArn()).isEqualTo(arn);
        assertThat(table.table().streamSpecification().streamViewType()).isEqualTo(StreamViewType.KEYS_ONLY);
        assertThat(streams.listStreams(l -> l.tableName("st_list")).streams()).extracting(Stream::streamArn).containsExactly(arn);
        StreamDescription d = streams.describeStream(r -> r.streamArn(arn)).streamDescription();
        assertThat(d.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(d.tableName()).isEqualTo("st_list");
        assertThat(d.shards()).hasSize(1);
        client.updateTable(u -> u.tableName("st_list").streamSpecification(s -> s.streamEnabled(false)));
        assertThat(streams.describeStream(r -> r.streamArn(arn)).streamDescription().streamStatus()).isEqualTo(StreamStatus.DISABLED);
        client.updateTable(u -> u.tableName("st_list").streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        String second = client.describeTable(r -> r.tableName("st_list")).table().latestStreamArn();
        assertThat(second).isNotEqualTo(arn);
        assertThat(streams.listStreams(l -> l.tableName("st_list")).streams()).hasSize(2);
        assertThatThrownBy(() -> streams.describeStream(r -> r.streamArn(arn + "x"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void streamEnabledLaterOnlySeesLaterWrites() {
        createTable("st_later", null);
        client.putItem(p -> p.tableName("st_later").item(map("pk", s("k"), "sk", s("before"))));
        String arn = client.updateTable(u -> u.tableName("st_later").streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                .tableDescription().latestStreamArn();
        client.putItem(p -> p.tableName("st_later").item(map("pk", s("k"), "sk", s("after"))));
        assertThat(readAll(arn, ShardIteratorType.TRIM_HORIZON, null)).extracting(r -> r.dynamodb().keys().get("sk").s()).containsExactly("after");
    }

    @Test
    void transactionsAndBatchesAppearInOrder() {
        String arn = createTable("st_tx", StreamViewType.NEW_AND_OLD_IMAGES);
        client.transactWriteItems(t -> t.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("st_tx").item(map("pk", s("k"), "sk", s("a")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("st_tx").item(map("pk", s("k"), "sk", s("b")))).build()));
        client.batchWriteItem(b -> b.requestItems(java.util.Map.of("st_tx", List.of(
                WriteRequest.builder().deleteRequest(d -> d.key(map("pk", s("k"), "sk", s("a")))).build()))));
        assertThat(readAll(arn, ShardIteratorType.TRIM_HORIZON, null)).extracting(r -> r.eventName() + " " + r.dynamodb().keys().get("sk").s())
                .containsExactly("INSERT a", "INSERT b", "REMOVE a");
    }

    @Test
    void expiredItemsAreRemovedByTheServiceWithinSeconds() throws InterruptedException {
        String arn = createTable("ttl_t", StreamViewType.NEW_AND_OLD_IMAGES);
        UpdateTimeToLiveResponse u = client.updateTimeToLive(t -> t.tableName("ttl_t").timeToLiveSpecification(s -> s.attributeName("expires").enabled(true)));
        assertThat(u.timeToLiveSpecification().enabled()).isTrue();
        assertThat(client.describeTimeToLive(d -> d.tableName("ttl_t")).timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThatThrownBy(() -> client.updateTimeToLive(t -> t.tableName("ttl_t").timeToLiveSpecification(s -> s.attributeName("expires").enabled(true))))
                .isInstanceOf(DynamoDbException.class);
        long now = System.currentTimeMillis() / 1000;
        client.putItem(p -> p.tableName("ttl_t").item(map("pk", s("k"), "sk", s("old"), "expires", n(Long.toString(now - 10)))));
        client.putItem(p -> p.tableName("ttl_t").item(map("pk", s("k"), "sk", s("future"), "expires", n(Long.toString(now + 3600)))));
        client.putItem(p -> p.tableName("ttl_t").item(map("pk", s("k"), "sk", s("text"), "expires", s("yesterday"))));
        client.putItem(p -> p.tableName("ttl_t").item(map("pk", s("k"), "sk", s("ancient"), "expires", n(Long.toString(now - 6L * 365 * 24 * 3600)))));
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && client.getItem(g -> g.tableName("ttl_t").key(map("pk", s("k"), "sk", s("old")))).hasItem())
            Thread.sleep(100);
        assertThat(client.getItem(g -> g.tableName("ttl_t").key(map("pk", s("k"), "sk", s("old")))).hasItem()).isFalse();
        assertThat(client.scan(r -> r.tableName("ttl_t")).count()).isEqualTo(3);
        List<Record> records = readAll(arn, ShardIteratorType.TRIM_HORIZON, null);
        // The sweeper may run between the puts (it did at load 27), so the removal is found, not assumed last
        List<Record> removals = records.stream().filter(r -> r.eventName() == OperationType.REMOVE).toList();
        assertThat(removals).hasSize(1);
        Record removal = removals.get(0);
        assertThat(records.indexOf(removal)).as("the removal follows the item's insert").isGreaterThan(0);
        assertThat(removal.dynamodb().keys().get("sk").s()).isEqualTo("old");
        assertThat(removal.userIdentity().type()).isEqualTo("Service");
        assertThat(removal.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(records.get(0).userIdentity()).isNull();
        client.updateTimeToLive(t -> t.tableName("ttl_t").timeToLiveSpecification(s -> s.attributeName("expires").enabled(false)));
        assertThat(client.describeTimeToLive(d -> d.tableName("ttl_t")).timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
    }
}
