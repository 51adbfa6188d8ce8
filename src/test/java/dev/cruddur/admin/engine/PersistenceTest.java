package dev.cruddur.admin.engine;

import dev.cruddur.admin.testsupport.DynamoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.cruddur.admin.engine.DifferentialTest.map;
import static dev.cruddur.admin.engine.DifferentialTest.n;
import static dev.cruddur.admin.engine.DifferentialTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Data in a directory survives a restart, a kill -9 of the process, and a torn last write. */
class PersistenceTest {

    static void createMessages(DynamoDbClient c, String table) {
        c.createTable(t -> t.tableName(table)
                .attributeDefinitions(DiffData.attr("pk", "S"), DiffData.attr("sk", "S"), DiffData.attr("message_group_uuid", "S"))
                .keySchema(DiffData.key("pk", KeyType.HASH), DiffData.key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("message-group-sk-index")
                        .keySchema(DiffData.key("message_group_uuid", KeyType.HASH), DiffData.key("sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    }

    @Test
    void restartKeepsTablesItemsIndexesAndSettings(@TempDir Path dir) {
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            createMessages(c, "cruddur-messages");
            for (int i = 0; i < 300; i++) {
                int k = i;
                c.putItem(p -> p.tableName("cruddur-messages").item(map("pk", s("MSG#g" + (k % 3)), "sk", s(String.format("2026-01-01T00:%02d:%02d", k / 60, k % 60)), "message", s("m" + k))));
            }
            c.putItem(p -> p.tableName("cruddur-messages").item(map("pk", s("GRP#u1"), "sk", s("2026"), "message_group_uuid", s("g0"))));
            c.deleteItem(d -> d.tableName("cruddur-messages").key(map("pk", s("MSG#g0"), "sk", s("2026-01-01T00:00:00"))));
            c.updateItem(u -> u.tableName("cruddur-messages").key(map("pk", s("MSG#g1"), "sk", s("2026-01-01T00:00:01"))).updateExpression("SET edited = :t")
                    .expressionAttributeValues(map(":t", AttributeValue.fromBool(true))));
            c.updateTimeToLive(t -> t.tableName("cruddur-messages").timeToLiveSpecification(s -> s.attributeName("expires").enabled(true)));
        }
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            TableDescription t = c.describeTable(d -> d.tableName("cruddur-messages")).table();
            assertThat(t.itemCount()).isEqualTo(300L);
            assertThat(t.latestStreamArn()).isNotNull();
            assertThat(c.describeTimeToLive(d -> d.tableName("cruddur-messages")).timeToLiveDescription().attributeName()).isEqualTo("expires");
            assertThat(c.query(q -> q.tableName("cruddur-messages").keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("MSG#g0")))).count()).isEqualTo(99);
            assertThat(c.getItem(g -> g.tableName("cruddur-messages").key(map("pk", s("MSG#g1"), "sk", s("2026-01-01T00:00:01")))).item()).containsKey("edited");
            assertThat(c.query(q -> q.tableName("cruddur-messages").indexName("message-group-sk-index").keyConditionExpression("message_group_uuid = :g")
                    .expressionAttributeValues(map(":g", s("g0")))).count()).isEqualTo(1);
        }
    }

    @Test
    void streamRecordsAndTheirOrderSurviveARestart(@TempDir Path dir) {
        String arn;
        List<String> before;
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint());
             var streams = DynamoClients.streams(e.endpoint())) {
            createMessages(c, "streamed");
            for (int i = 0; i < 5; i++) {
                int k = i;
                c.putItem(p -> p.tableName("streamed").item(map("pk", s("MSG#g"), "sk", s("t" + k))));
            }
            c.deleteItem(d -> d.tableName("streamed").key(map("pk", s("MSG#g"), "sk", s("t0"))));
            arn = c.describeTable(d -> d.tableName("streamed")).table().latestStreamArn();
            before = records(streams, arn);
        }
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint());
             var streams = DynamoClients.streams(e.endpoint())) {
            assertThat(records(streams, arn)).isEqualTo(before).hasSize(6);
            c.putItem(p -> p.tableName("streamed").item(map("pk", s("MSG#g"), "sk", s("t9"))));
            List<String> after = records(streams, arn);
            assertThat(after).hasSize(7).startsWith(before.toArray(String[]::new));
        }
    }

    @Test
    void compactionKeepsRecentStreamRecords(@TempDir Path dir) {
        String arn;
        List<String> before;
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint());
             var streams = DynamoClients.streams(e.endpoint())) {
            createMessages(c, "compacted");
            for (int i = 0; i < 1200; i++) {
                int k = i;
                c.putItem(p -> p.tableName("compacted").item(map("pk", s("MSG#g"), "sk", s("same"), "v", n(Integer.toString(k)))));
            }
            c.updateTable(u -> u.tableName("compacted").streamSpecification(s -> s.streamEnabled(false)));
            c.updateTable(u -> u.tableName("compacted").streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
            c.putItem(p -> p.tableName("compacted").item(map("pk", s("MSG#g"), "sk", s("new"))));
            arn = streams.listStreams(l -> l.tableName("compacted")).streams().get(0).streamArn();
            before = records(streams, arn);
        }
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint());
             var streams = DynamoClients.streams(e.endpoint())) {
            assertThat(records(streams, arn)).isEqualTo(before).hasSize(1000);
            assertThat(streams.listStreams(l -> l.tableName("compacted")).streams()).hasSize(2);
            c.putItem(p -> p.tableName("compacted").item(map("pk", s("MSG#g"), "sk", s("newer"))));
            String current = c.describeTable(d -> d.tableName("compacted")).table().latestStreamArn();
            assertThat(records(streams, current)).extracting(r -> r.substring(r.lastIndexOf(' ') + 1)).containsExactly("new", "newer");
        }
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); var streams = DynamoClients.streams(e.endpoint())) {
            assertThat(records(streams, arn)).isEqualTo(before);
        }
    }

    private static List<String> records(software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient streams, String arn) {
        String shard = streams.describeStream(d -> d.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String it = streams.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<String> out = new ArrayList<>();
        for (software.amazon.awssdk.services.dynamodb.model.Record r : streams.getRecords(g -> g.shardIterator(it)).records())
            out.add(r.dynamodb().sequenceNumber() + " " + r.eventName() + " " + r.dynamodb().keys().get("sk").s());
        return out;
    }

    /** Tags are part of the table's definition: logged with it, kept through a restart and the compaction that follows. */
    @Test
    void tagsSurviveRestartsAndCompaction(@TempDir Path dir) {
        String arn;
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            arn = c.createTable(t -> t.tableName("tagged").attributeDefinitions(DiffData.attr("pk", "S")).keySchema(DiffData.key("pk", KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST).tags(Tag.builder().key("owner").value("cruddur").build())).tableDescription().tableArn();
            c.tagResource(t -> t.resourceArn(arn).tags(Tag.builder().key("env").value("dev").build(), Tag.builder().key("tmp").value("x").build()));
            c.untagResource(t -> t.resourceArn(arn).tagKeys("tmp"));
        }
        for (int restart = 0; restart < 2; restart++) {
            try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
                assertThat(c.listTagsOfResource(l -> l.resourceArn(arn)).tags()).extracting(t -> t.key() + "=" + t.value())
                        .containsExactly("env=dev", "owner=cruddur");
            }
        }
    }

    @Test
    void manyOverwritesAreCompactedOnReopen(@TempDir Path dir) throws Exception {
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            c.createTable(t -> t.tableName("counter").attributeDefinitions(DiffData.attr("pk", "S")).keySchema(DiffData.key("pk", KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            for (int i = 0; i < 1500; i++) {
                int v = i;
                c.putItem(p -> p.tableName("counter").item(map("pk", s("one"), "v", n(Integer.toString(v)))));
            }
        }
        long before = Files.size(dir.resolve("engine.log"));
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            assertThat(c.getItem(g -> g.tableName("counter").key(map("pk", s("one")))).item()).containsEntry("v", n("1499"));
            c.putItem(p -> p.tableName("counter").item(map("pk", s("two"))));
        }
        assertThat(Files.size(dir.resolve("engine.log"))).isLessThan(before / 10);
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            assertThat(c.scan(r -> r.tableName("counter")).count()).isEqualTo(2);
        }
    }

    @Test
    void tornLastLineIsIgnored(@TempDir Path dir) throws Exception {
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            c.createTable(t -> t.tableName("torn").attributeDefinitions(DiffData.attr("pk", "S")).keySchema(DiffData.key("pk", KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            c.putItem(p -> p.tableName("torn").item(map("pk", s("kept"))));
        }
        Files.writeString(dir.resolve("engine.log"), "P\ttorn\t1\t{\"pk\":{\"S\":\"half", StandardOpenOption.APPEND);
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            assertThat(c.scan(r -> r.tableName("torn")).items()).containsExactly(map("pk", s("kept")));
            c.putItem(p -> p.tableName("torn").item(map("pk", s("after"))));
        }
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            assertThat(c.scan(r -> r.tableName("torn")).count()).isEqualTo(2);
        }
    }

    @Test
    void oneDirectoryServesOneEngineAtATime(@TempDir Path dir) {
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir))) {
            assertThatThrownBy(() -> EmbeddedDynamo.start(EngineConfig.persistent(dir))).hasMessageContaining("in use");
        }
    }

    /** A child JVM running EngineMain, so that it can be killed like a crashed process. */
    static final class ChildEngine implements AutoCloseable {
        final Process process;
        final java.net.URI endpoint;

        ChildEngine(Path dir) throws Exception {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"), EngineMain.class.getName(), "--port", "0", "--data", dir.toString())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            java.net.URI found = null;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("listening on ")) {
                    found = java.net.URI.create(line.substring("listening on ".length()).trim());
                    break;
                }
            }
            if (found == null) throw new IllegalStateException("engine did not start");
            endpoint = found;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        @Override public void close() throws InterruptedException { kill(); }
    }

    @Test
    void acknowledgedWritesSurviveKillDashNine(@TempDir Path dir) throws Exception {
        List<String> written = new ArrayList<>();
        try (ChildEngine child = new ChildEngine(dir); DynamoDbClient c = DynamoClients.dynamo(child.endpoint)) {
            createMessages(c, "crash");
            for (int i = 0; i < 500; i++) {
                String sk = String.format("2026-11-25T08:%02d:%02d.000000+00:00", i / 60, i % 60);
                c.putItem(p -> p.tableName("crash").item(map("pk", s("MSG#g"), "sk", s(sk), "message", s("text " + sk))));
                written.add(sk);
            }
            c.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("crash").item(map("pk", s("GRP#a"), "sk", s("x"), "message_group_uuid", s("g")))).build(),
                    TransactWriteItem.builder().delete(d -> d.tableName("crash").key(map("pk", s("MSG#g"), "sk", s(written.get(0))))).build()));
            child.kill();
        }
        try (ChildEngine child = new ChildEngine(dir); DynamoDbClient c = DynamoClients.dynamo(child.endpoint)) {
            QueryResponse r = c.query(q -> q.tableName("crash").keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("MSG#g"))));
            assertThat(r.items()).extracting(i -> i.get("sk").s()).containsExactlyElementsOf(written.subList(1, written.size()));
            assertThat(c.getItem(g -> g.tableName("crash").key(map("pk", s("GRP#a"), "sk", s("x")))).hasItem()).isTrue();
            c.putItem(p -> p.tableName("crash").item(map("pk", s("MSG#g"), "sk", s("after-restart"))));
            child.kill();
        }
        try (ChildEngine child = new ChildEngine(dir); DynamoDbClient c = DynamoClients.dynamo(child.endpoint)) {
            assertThat(c.describeTable(d -> d.tableName("crash")).table().itemCount()).isEqualTo(501L);
            Map<String, AttributeValue> last = c.getItem(g -> g.tableName("crash").key(map("pk", s("MSG#g"), "sk", s("after-restart")))).item();
            assertThat(last).isNotEmpty();
        }
    }
}
