package dev.cruddur.admin.engine;

import dev.cruddur.admin.engine.storage.Durability;
import dev.cruddur.admin.testsupport.DynamoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.cruddur.admin.engine.DifferentialTest.map;
import static dev.cruddur.admin.engine.DifferentialTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A disk that fills up, on a small tmpfs (needs root, as CI runs; skipped with a message elsewhere): a write
 * that does not fit is refused with DynamoDB's 500 and leaves no trace; once space is freed the next writes
 * and a restart work with nothing lost; a compaction at start-up that does not fit keeps the old log.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiskFullTest {
    private static final String TABLE = "disk-full";

    /** Runs a command; null when it succeeded, else the command and its output. */
    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        return p.exitValue() == 0 ? null : String.join(" ", command) + ": " + out.strip();
    }

    /** Writes zeros until the file system is full; returns the filler, to delete when space is wanted back. */
    private static Path fill(Path mount) throws IOException {
        Path filler = mount.resolve("filler");
        byte[] chunk = new byte[16 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (int i = 0; i < 1_000_000; i++) out.write(chunk);
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) throw full;
        }
        // the kernel may still accept some bytes into partly used pages: top up with single bytes
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 1_000_000; i++) { out.write(0); out.flush(); }
        } catch (IOException full) {
            // full
        }
        return filler;
    }

    private static Map<String, AttributeValue> message(String sk, int bytes) {
        return map("pk", s("MSG#g"), "sk", s(sk), "message_group_uuid", s("g"), "message", s("x".repeat(bytes)));
    }

    private static void assertRefusedAsFull(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("The data directory is full");
        });
    }

    private static int count(DynamoDbClient c) {
        return c.query(q -> q.tableName(TABLE).keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("MSG#g")))).count();
    }

    private static int indexCount(DynamoDbClient c) {
        return c.query(q -> q.tableName(TABLE).indexName("message-group-sk-index").keyConditionExpression("message_group_uuid = :g")
                .expressionAttributeValues(map(":g", s("g")))).count();
    }

    private static boolean present(DynamoDbClient c, String sk) {
        return c.getItem(g -> g.tableName(TABLE).key(map("pk", s("MSG#g"), "sk", s(sk)))).hasItem();
    }

    /** The stream's records as "sequence event sk" (GetRecords pages of up to 1,000 until the shard's end). */
    private static List<String> streamRecords(EmbeddedDynamo e, DynamoDbClient c) {
        try (var streams = DynamoClients.streams(e.endpoint())) {
            String arn = c.describeTable(d -> d.tableName(TABLE)).table().latestStreamArn();
            String shard = streams.describeStream(d -> d.streamArn(arn)).streamDescription().shards().get(0).shardId();
            String it = streams.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            List<String> out = new ArrayList<>();
            while (it != null) {
                String from = it;
                GetRecordsResponse page = streams.getRecords(g -> g.shardIterator(from));
                page.records().forEach(r -> out.add(r.dynamodb().sequenceNumber() + " " + r.eventName() + " " + r.dynamodb().keys().get("sk").s()));
                if (page.records().isEmpty()) break;
                it = page.nextShardIterator();
            }
            return out;
        }
    }

    @Test
    void aFullDiskRefusesWritesWithoutTraceAndLosesNothingOnceSpaceIsBack(@TempDir Path tmp) throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("small-disk"));
        String failure = run("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mount.toString());
        assumeTrue(failure == null, "a full disk needs a small file system: mounting a 6 MB tmpfs failed (run as root, as CI does, to include this test): " + failure);
        try {
            Path data = mount.resolve("data");
            EngineConfig config = EngineConfig.persistent(data).withDurability(Durability.ALWAYS);
            List<String> acknowledged = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            Path filler;
            try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
                PersistenceTest.createMessages(c, TABLE);
                for (int i = 0; i < 50; i++) {
                    String sk = String.format("a%03d", i);
                    c.putItem(p -> p.tableName(TABLE).item(message(sk, 100)));
                    acknowledged.add(sk);
                }
                filler = fill(mount);
                List<String> streamBefore = streamRecords(e, c);

                assertRefusedAsFull(() -> c.putItem(p -> p.tableName(TABLE).item(message("big", 300_000))));
                refused.add("big");
                assertRefusedAsFull(() -> c.transactWriteItems(t -> t.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(message("tx1", 150_000))).build(),
                        TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(message("tx2", 150_000))).build(),
                        TransactWriteItem.builder().delete(d -> d.tableName(TABLE).key(map("pk", s("MSG#g"), "sk", s("a000")))).build())));
                refused.add("tx1");
                refused.add("tx2");
                List<WriteRequest> batch = new ArrayList<>();
                for (int i = 0; i < 20; i++)
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(message("batch" + i, 20_000)).build()).build());
                assertRefusedAsFull(() -> c.batchWriteItem(b -> b.requestItems(Map.of(TABLE, batch))));
                for (int i = 0; i < 20; i++) refused.add("batch" + i);
                // whatever small writes still fit are acknowledged, until one is refused
                boolean small = false;
                for (int i = 0; i < 5000 && !small; i++) {
                    String sk = String.format("s%04d", i);
                    try {
                        c.putItem(p -> p.tableName(TABLE).item(message(sk, 1000)));
                        acknowledged.add(sk);
                    } catch (DynamoDbException ex) {
                        assertThat(ex.statusCode()).isEqualTo(500);
                        refused.add(sk);
                        small = true;
                    }
                }
                assertThat(small).as("a small write was refused at last").isTrue();

                for (String sk : refused) assertThat(present(c, sk)).as("refused %s is not visible", sk).isFalse();
                assertThat(present(c, "a000")).as("the refused transaction's delete did not happen").isTrue();
                assertThat(count(c)).isEqualTo(acknowledged.size());
                assertThat(indexCount(c)).isEqualTo(acknowledged.size());
                List<String> streamAfter = streamRecords(e, c);
                assertThat(streamAfter).as("the stream has only the acknowledged writes")
                        .startsWith(streamBefore.toArray(String[]::new)).hasSize(streamBefore.size() + acknowledged.size() - 50);

                Files.delete(filler);
                for (int i = 0; i < 20; i++) {
                    String sk = String.format("z%03d", i);
                    c.putItem(p -> p.tableName(TABLE).item(message(sk, 100)));
                    acknowledged.add(sk);
                }
                c.putItem(p -> p.tableName(TABLE).item(message("big", 300_000)));
                acknowledged.add("big");
                refused.remove("big");
            }
            try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
                assertThat(e.openWarnings()).as("nothing partial was left in the log").isEmpty();
                assertThat(count(c)).isEqualTo(acknowledged.size());
                assertThat(indexCount(c)).isEqualTo(acknowledged.size());
                for (String sk : acknowledged) assertThat(present(c, sk)).as("acknowledged %s", sk).isTrue();
                for (String sk : refused) assertThat(present(c, sk)).as("refused %s", sk).isFalse();
                // enough rewrites that the next start wants to compact the log
                for (int round = 0; round < 50; round++) {
                    List<WriteRequest> rewrites = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        String sk = String.format("a%03d", i);
                        rewrites.add(WriteRequest.builder().putRequest(PutRequest.builder().item(message(sk, 10 + round)).build()).build());
                    }
                    c.batchWriteItem(b -> b.requestItems(Map.of(TABLE, rewrites)));
                }
            }
            long logSize = Files.size(data.resolve("engine.log"));
            filler = fill(mount);
            try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
                assertThat(e.openWarnings()).singleElement().asString().contains("Could not rewrite").contains("kept as it is");
                assertThat(Files.size(data.resolve("engine.log"))).isEqualTo(logSize);
                assertThat(Files.exists(data.resolve("engine.log.tmp"))).isFalse();
                assertThat(count(c)).isEqualTo(acknowledged.size());
            }
            Files.delete(filler);
            try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
                assertThat(e.openWarnings()).isEmpty();
                byte[] head = new byte[18];
                try (var in = Files.newInputStream(data.resolve("engine.log"))) {
                    assertThat(in.readNBytes(head, 0, head.length)).isEqualTo(head.length);
                }
                // a compacted log starts with the snapshot's counter line (streams keep 24 hours of images, so it need not be smaller)
                assertThat(new String(head, 16, 2, StandardCharsets.US_ASCII)).as("compacted now").isEqualTo("C\t");
                assertThat(count(c)).isEqualTo(acknowledged.size());
                Map<String, AttributeValue> rewritten = c.getItem(g -> g.tableName(TABLE).key(map("pk", s("MSG#g"), "sk", s("a003")))).item();
                assertThat(rewritten.get("message").s()).hasSize(59);
            }
        } finally {
            String unmount = run("umount", mount.toString());
            assertThat(unmount).as("unmounted").isNull();
        }
    }

    @Test
    void anOldLogThatCannotBeRewrittenOnAFullDiskStaysUsableAndIsRewrittenLater(@TempDir Path tmp) throws Exception {
        // an old-format log: the lines of a session, without frames
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(scratch)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            PersistenceTest.createMessages(c, TABLE);
            for (int i = 0; i < 30; i++) {
                String sk = String.format("old%03d", i);
                c.putItem(p -> p.tableName(TABLE).item(message(sk, 100)));
            }
        }
        byte[] framed = Files.readAllBytes(scratch.resolve("engine.log"));
        java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
        for (int pos = 0; pos < framed.length; ) {
            int length = java.nio.ByteBuffer.wrap(framed, pos + 4, 4).getInt();
            old.write(framed, pos + 16, length);
            pos += 16 + length;
        }

        Path mount = Files.createDirectories(tmp.resolve("small-disk"));
        String failure = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString());
        assumeTrue(failure == null, "a full disk needs a small file system: mounting a 2 MB tmpfs failed (run as root, as CI does, to include this test): " + failure);
        try {
            Path data = Files.createDirectories(mount.resolve("data"));
            Files.write(data.resolve("engine.log"), old.toByteArray());
            Path filler = fill(mount);
            EngineConfig config = EngineConfig.persistent(data);
            try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
                assertThat(e.openWarnings()).singleElement().asString().contains("Could not rewrite");
                assertThat(count(c)).isEqualTo(30);
                Files.delete(filler);
                c.putItem(p -> p.tableName(TABLE).item(message("new", 100))); // a checked record after the old lines
            }
            try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
                assertThat(e.openWarnings()).singleElement().asString().contains("previous release's format");
                assertThat(count(c)).isEqualTo(31);
            }
            try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
                assertThat(e.openWarnings()).isEmpty();
                assertThat(count(c)).isEqualTo(31);
                assertThat(present(c, "new")).isTrue();
            }
        } finally {
            assertThat(run("umount", mount.toString())).as("unmounted").isNull();
        }
    }
}
