package dev.cruddur.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.SendMode;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The seed's Lambda done right, against the embedded engine's stream (dynalite has none). */
class StreamUpdaterTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static EmbeddedDynamo engine;
    private DirectMessages dm;
    private String table;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEngine() {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void seed() {
        table = "stream" + TABLES.incrementAndGet();
        dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(engine.endpoint(), table)), Clock.systemUTC());
        dm.schema().create();
        dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
        dm.setSendMode(SendMode.STREAM);
    }

    @AfterEach
    void drop() {
        dm.schema().drop(table);
        dm.close();
    }

    private List<Map<String, AttributeValue>> rows(String group) {
        return new MessageTableReader(dm.connection()).groupRows(group);
    }

    private Message newest(String group) {
        List<Message> all = dm.allMessages(group);
        return all.get(all.size() - 1);
    }

    @Test
    void aStreamSendWritesTheMessageOnlyAndTheUpdaterMovesBothRows() {
        StreamUpdater updater = new StreamUpdater(dm.connection(), StreamCheckpoints.inMemory());
        updater.pollOnce(); // the seeding's own records: nothing to move
        String before = rows(DemoFixture.MAIN_GROUP).get(0).get("sk").s();
        SendResult.Sent sent = (SendResult.Sent) dm.send(dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BAYKO, "via the stream"));
        assertThat(sent.writeMode()).isEqualTo(MessageWriter.MESSAGE_ONLY);
        assertThat(rows(DemoFixture.MAIN_GROUP)).allSatisfy(r -> assertThat(r.get("sk").s()).isEqualTo(before));

        StreamUpdater.Poll poll = updater.pollOnce();
        assertThat(poll.messages()).isEqualTo(1);
        assertThat(poll.rowsMoved()).isEqualTo(4); // two puts, two deletes
        assertThat(rows(DemoFixture.MAIN_GROUP)).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("sk").s()).isEqualTo(sent.message().createdAt().raw());
            assertThat(r.get("message").s()).isEqualTo("via the stream");
        });
    }

    @Test
    void everyRecordOfABatchIsHandledNotOnlyTheFirst() {
        StreamUpdater updater = new StreamUpdater(dm.connection(), StreamCheckpoints.inMemory());
        updater.pollOnce();
        for (int i = 0; i < 5; i++) {
            dm.send(dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BROWN, "main " + i));
            dm.send(dm.prepare(DemoFixture.LONDO_GROUP, DemoFixture.LONDO, "londo " + i));
        }
        StreamUpdater.Poll poll = updater.pollOnce();
        // the records of the ten messages, then those of the updater's own row moves, read in the same poll
        assertThat(poll.messages()).isEqualTo(10);
        assertThat(poll.records()).isGreaterThan(10);
        for (String group : List.of(DemoFixture.MAIN_GROUP, DemoFixture.LONDO_GROUP)) {
            Message newest = newest(group);
            assertThat(rows(group)).hasSize(2).allSatisfy(r -> assertThat(r.get("sk").s()).isEqualTo(newest.createdAt().raw()));
        }
        assertThat(newest(DemoFixture.LONDO_GROUP).text()).isEqualTo("londo 4");
    }

    @Test
    void anOlderRecordNeverMovesARowBackwards() {
        StreamUpdater updater = new StreamUpdater(dm.connection(), StreamCheckpoints.inMemory());
        Message newest = newest(DemoFixture.MAIN_GROUP);
        OutgoingMessage late = new OutgoingMessage(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BROWN, "written late",
                "late-1", newest.createdAt().instant().orElseThrow().minusSeconds(90));
        dm.send(late);
        updater.pollOnce();
        assertThat(rows(DemoFixture.MAIN_GROUP)).hasSize(2).allSatisfy(r -> assertThat(r.get("sk").s()).isEqualTo(newest.createdAt().raw()));
    }

    @Test
    void aRestartResumesAfterItsCheckpointNeitherSkippingNorReapplying() throws Exception {
        Path checkpoint = dir.resolve("checkpoints.properties");
        StreamUpdater first = new StreamUpdater(dm.connection(), StreamCheckpoints.inFile(checkpoint));
        int seeded = first.pollOnce().records();
        assertThat(seeded).isEqualTo(107);
        dm.send(dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BROWN, "after the restart 1"));
        dm.send(dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BAYKO, "after the restart 2"));

        StreamUpdater restarted = new StreamUpdater(dm.connection(), StreamCheckpoints.inFile(checkpoint));
        StreamUpdater.Poll poll = restarted.pollOnce();
        assertThat(poll.messages()).isEqualTo(2);
        assertThat(rows(DemoFixture.MAIN_GROUP)).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("message").s()).isEqualTo("after the restart 2"));
        // a third start finds nothing new: its predecessor's own row writes were read and checkpointed too
        assertThat(new StreamUpdater(dm.connection(), StreamCheckpoints.inFile(checkpoint)).pollOnce().records()).isZero();
    }

    @Test
    void thePreviewShowsTheRecordAndTheChangesAndWritesNothing() {
        Message newest = newest(DemoFixture.MAIN_GROUP);
        OutgoingMessage outgoing = dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BAYKO, "what if");
        StreamUpdater.Preview preview = new StreamUpdater(dm.connection(), StreamCheckpoints.inMemory()).preview(outgoing);
        assertThat(preview.streamRecordJson()).contains("\"eventName\":\"INSERT\"").contains("\"NewImage\":{")
                .contains("{\"S\":\"what if\"}").contains(outgoing.sortKey());
        assertThat(preview.writes()).extracting(StreamUpdater.PlannedWrite::action).containsExactlyInAnyOrder("PUT", "PUT", "DELETE", "DELETE");
        assertThat(preview.writes()).filteredOn(w -> w.action().equals("DELETE"))
                .allSatisfy(w -> assertThat(w.sk()).isEqualTo(newest.createdAt().raw()));
        assertThat(preview.writes()).filteredOn(w -> w.action().equals("PUT"))
                .allSatisfy(w -> assertThat(w.sk()).isEqualTo(outgoing.sortKey()));
        assertThat(rows(DemoFixture.MAIN_GROUP)).allSatisfy(r -> assertThat(r.get("sk").s()).isEqualTo(newest.createdAt().raw()));
        assertThat(dm.allMessages(DemoFixture.MAIN_GROUP)).noneMatch(m -> m.text().equals("what if"));
    }
}
