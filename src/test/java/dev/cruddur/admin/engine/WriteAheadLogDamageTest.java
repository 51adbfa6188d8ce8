package dev.cruddur.admin.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.engine.storage.Database;
import dev.cruddur.admin.engine.storage.Durability;
import dev.cruddur.admin.engine.storage.Table;
import dev.cruddur.admin.testsupport.DynamoClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.cruddur.admin.engine.DifferentialTest.map;
import static dev.cruddur.admin.engine.DifferentialTest.n;
import static dev.cruddur.admin.engine.DifferentialTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A damaged log: cut at every byte of its last record, a byte flipped at every position, an old-format log with
 * a torn or broken line. Each case must recover exactly the valid prefix and say so (file, byte offset, where
 * the damaged copy went), or refuse with a message; no read may ever see non-JSON or an item never written.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WriteAheadLogDamageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAGIC = 0xCD57414C;

    /** The log a short session wrote, and where each of its records starts. */
    private static byte[] log;
    private static List<Integer> starts;
    /** The items (table → stored JSON texts) after the first k records, from clean cuts at record boundaries. */
    private static List<Map<String, TreeSet<String>>> stateAfter;

    @BeforeAll
    static void writeALog(@TempDir Path dir) throws IOException {
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            PersistenceTest.createMessages(c, "wal");
            for (int i = 0; i < 3; i++) {
                int k = i;
                c.putItem(p -> p.tableName("wal").item(map("pk", s("MSG#g"), "sk", s("2026-01-0" + k), "message", s("hello " + k), "n", n("1"))));
            }
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(map("pk", s("MSG#b"), "sk", s("b" + i), "message", s("batch " + i))).build()).build());
            }
            c.batchWriteItem(b -> b.requestItems(Map.of("wal", batch)));
            c.transactWriteItems(t -> t.clientRequestToken("damage-token").transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("wal").item(map("pk", s("GRP#a"), "sk", s("x"), "message_group_uuid", s("g")))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName("wal").item(map("pk", s("GRP#b"), "sk", s("y"), "message_group_uuid", s("g")))).build(),
                    TransactWriteItem.builder().delete(d -> d.tableName("wal").key(map("pk", s("MSG#g"), "sk", s("2026-01-00")))).build()));
            c.updateItem(u -> u.tableName("wal").key(map("pk", s("MSG#g"), "sk", s("2026-01-01"))).updateExpression("ADD n :one")
                    .expressionAttributeValues(map(":one", n("1"))));
            c.deleteItem(d -> d.tableName("wal").key(map("pk", s("MSG#b"), "sk", s("b1"))));
        }
        log = Files.readAllBytes(dir.resolve("engine.log"));
        starts = recordStarts(log);
        assertThat(starts).hasSize(8);
        stateAfter = new ArrayList<>();
        for (int k = 0; k <= starts.size(); k++) {
            int end = k == starts.size() ? log.length : starts.get(k);
            Path d = Files.createTempDirectory(dir, "prefix");
            Files.write(d.resolve("engine.log"), Arrays.copyOf(log, end));
            Opened o = open(d);
            assertThat(o.warnings).as("a clean cut after %d records", k).isEmpty();
            stateAfter.add(o.items);
        }
        assertThat(stateAfter.get(starts.size()).get("wal")).hasSize(6);
    }

    static List<Integer> recordStarts(byte[] b) {
        List<Integer> out = new ArrayList<>();
        int pos = 0;
        while (pos < b.length) {
            assertThat(intAt(b, pos)).as("record mark at %d", pos).isEqualTo(MAGIC);
            out.add(pos);
            pos += 16 + intAt(b, pos + 4);
        }
        assertThat(pos).isEqualTo(b.length);
        return out;
    }

    private static int intAt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    record Opened(Map<String, TreeSet<String>> items, List<String> warnings) {}

    /** Opens the data as the engine does and reads every item back, checking each is a JSON object. */
    static Opened open(Path dir) {
        try (Database db = Database.open(Optional.of(dir), Durability.PROCESS, 1000, Clock.systemUTC())) {
            Map<String, TreeSet<String>> items = new TreeMap<>();
            for (Table t : db.tables()) {
                TreeSet<String> texts = new TreeSet<>();
                t.items().scan(null, null, e -> {
                    String json = e.getValue().json();
                    try {
                        JsonNode node = JSON.readTree(json);
                        assertThat(node.isObject()).as("stored item %s", json).isTrue();
                        e.getValue().parse();
                    } catch (IOException | RuntimeException ex) {
                        fail("a stored item is not a valid item: " + json, ex);
                    }
                    texts.add(json);
                    return true;
                });
                items.put(t.definition().name(), texts);
            }
            return new Opened(items, db.openWarnings());
        }
    }

    private static void resetDir(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            for (Path f : files.toList()) Files.delete(f);
        }
    }

    private static int recordOf(int offset) {
        int j = 0;
        while (j + 1 < starts.size() && starts.get(j + 1) <= offset) j++;
        return j;
    }

    @Test
    void cutAtEveryByteOfTheLastRecordKeepsTheRecordsBeforeIt(@TempDir Path dir) throws IOException {
        int last = starts.get(starts.size() - 1);
        for (int cut = last + 1; cut < log.length; cut++) {
            resetDir(dir);
            Files.write(dir.resolve("engine.log"), Arrays.copyOf(log, cut));
            Opened o = open(dir);
            assertThat(o.items).as("cut at %d", cut).isEqualTo(stateAfter.get(starts.size() - 1));
            assertThat(o.warnings).as("cut at %d", cut).singleElement().asString()
                    .contains("engine.log").contains("from byte " + last).contains("cut off");
            assertThat(Files.size(dir.resolve("engine.log"))).isEqualTo((long) last);
        }
    }

    @Test
    void aByteFlippedAnywhereRecoversThePrefixBeforeItsRecordAndSaysWhere(@TempDir Path dir) throws IOException {
        int middle = 0, tail = 0;
        for (int at = 0; at < log.length; at++) {
            // every byte of every header, every fifth of the payloads (each case syncs files: every byte takes long)
            if (at - starts.get(recordOf(at)) >= 16 && at % 5 != 0) continue;
            byte[] damaged = log.clone();
            damaged[at] ^= (byte) (1 << (at % 8));
            resetDir(dir);
            Files.write(dir.resolve("engine.log"), damaged);
            int j = recordOf(at);
            Opened o;
            try {
                o = open(dir);
            } catch (UncheckedIOException | IllegalStateException refused) {
                // refusing is allowed, with a message naming the file
                assertThat(refused.getMessage()).as("flip at %d", at).contains("engine.log");
                continue;
            }
            assertThat(o.items).as("flip at %d (record %d)", at, j).isEqualTo(stateAfter.get(j));
            assertThat(o.warnings).as("flip at %d", at).singleElement().asString().contains("engine.log").contains("byte " + starts.get(j));
            List<Path> aside;
            try (Stream<Path> files = Files.list(dir)) {
                aside = files.filter(f -> f.getFileName().toString().startsWith("engine.log.damaged-")).toList();
            }
            assertThat(aside).as("flip at %d: the damaged copy", at).hasSize(1);
            assertThat(Files.readAllBytes(aside.get(0))).isEqualTo(damaged);
            assertThat(o.warnings.get(0)).contains(aside.get(0).toString());
            assertThat(Files.size(dir.resolve("engine.log"))).isEqualTo((long) starts.get(j));
            if (j < starts.size() - 1) {
                middle++;
                assertThat(o.warnings.get(0)).contains("dropped that record and " + (starts.size() - 1 - j) + " later records");
            } else {
                tail++;
            }
            // what was recovered opens cleanly next time
            assertThat(open(dir).warnings).isEmpty();
        }
        assertThat(middle).isGreaterThan(300);
        assertThat(tail).isGreaterThan(20);
    }

    @Test
    void afterRecoveringDamageTheEngineServesThePrefixAndTakesNewWrites(@TempDir Path dir) throws IOException {
        byte[] damaged = log.clone();
        int j = 4;
        damaged[starts.get(j) + 20] ^= 0x10; // inside the batch's payload
        Files.write(dir.resolve("engine.log"), damaged);
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            assertThat(e.openWarnings()).singleElement().asString().contains("damaged at byte " + starts.get(j)).contains("Recovered the 4 records");
            assertThat(c.scan(r -> r.tableName("wal")).items()).hasSize(3);
            c.putItem(p -> p.tableName("wal").item(map("pk", s("after"), "sk", s("damage"))));
        }
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            assertThat(e.openWarnings()).isEmpty();
            assertThat(c.scan(r -> r.tableName("wal")).items()).hasSize(4);
        }
    }

    /** The previous release wrote the same lines without frames: the payloads, one after another. */
    private static byte[] oldFormat() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int start : starts) out.write(log, start + 16, intAt(log, start + 4));
        return out.toByteArray();
    }

    @Test
    void anOldFormatLogOpensAndIsRewrittenInTheCheckedFormat(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("engine.log"), oldFormat());
        Opened first = open(dir);
        assertThat(first.items).isEqualTo(stateAfter.get(starts.size()));
        assertThat(first.warnings).singleElement().asString().contains("previous release's format");
        byte[] rewritten = Files.readAllBytes(dir.resolve("engine.log"));
        assertThat(intAt(rewritten, 0)).isEqualTo(MAGIC);
        recordStarts(rewritten);
        Opened second = open(dir);
        assertThat(second.items).isEqualTo(first.items);
        assertThat(second.warnings).isEmpty();
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.persistent(dir)); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
            assertThat(c.scan(r -> r.tableName("wal")).items()).hasSize(6);
        }
    }

    @Test
    void anOldFormatLogWithATornLastLineKeepsTheLinesBeforeIt(@TempDir Path dir) throws IOException {
        byte[] old = oldFormat();
        byte[] torn = "P\twal\t1\t100\t100\t{\"pk\":{\"S\":\"half".getBytes(StandardCharsets.US_ASCII);
        byte[] both = Arrays.copyOf(old, old.length + torn.length);
        System.arraycopy(torn, 0, both, old.length, torn.length);
        Files.write(dir.resolve("engine.log"), both);
        Opened o = open(dir);
        assertThat(o.items).isEqualTo(stateAfter.get(starts.size()));
        assertThat(o.warnings).hasSize(2);
        assertThat(o.warnings.get(0)).contains("from byte " + old.length).contains("incomplete line");
    }

    @Test
    void anOldFormatLineThatIsNotJsonIsDamageNeverServed(@TempDir Path dir) throws IOException {
        String old = new String(oldFormat(), StandardCharsets.ISO_8859_1);
        // break the first stored item's JSON (the third put's line), leaving the lines after it intact
        int line = old.indexOf("\"hello 2\"");
        assertThat(line).isPositive();
        String broken = old.substring(0, line) + "\"hello 2\"" + old.substring(line + 9).replaceFirst("\\}\\}\n", "}\n");
        Files.write(dir.resolve("engine.log"), broken.getBytes(StandardCharsets.ISO_8859_1));
        Opened o = open(dir);
        int lineStart = old.lastIndexOf('\n', line) + 1;
        assertThat(o.warnings.get(0)).contains("damaged at byte " + lineStart).contains("set aside as");
        assertThat(o.items.get("wal")).hasSize(2).noneMatch(j -> j.contains("hello 2"));
    }

    @Test
    void anOldFormatLineWithAnUnknownTypeIsDamageNeverServed(@TempDir Path dir) throws IOException {
        String old = new String(oldFormat(), StandardCharsets.ISO_8859_1);
        int at = old.indexOf("{\"S\":\"hello 2\"}");
        assertThat(at).isPositive();
        String broken = old.substring(0, at) + "{\"R\":\"hello 2\"}" + old.substring(at + "{\"S\":\"hello 2\"}".length());
        Files.write(dir.resolve("engine.log"), broken.getBytes(StandardCharsets.ISO_8859_1));
        Opened o = open(dir);
        assertThat(o.warnings.get(0)).contains("damaged at byte " + (old.lastIndexOf('\n', at) + 1));
        assertThat(o.items.get("wal")).hasSize(2).noneMatch(j -> j.contains("hello 2"));
    }
}
