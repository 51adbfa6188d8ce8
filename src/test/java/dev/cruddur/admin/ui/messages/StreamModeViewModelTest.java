package dev.cruddur.admin.ui.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.SendMode;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.store.StreamUpdater;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The send mode and the stream updater behind it, on the embedded engine, without the toolkit. */
class StreamModeViewModelTest {
    @TempDir
    Path dir;

    @Test
    void streamModeSendsTheMessageOnlyAndTheFollowerMovesTheGroupRows() throws Exception {
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.inMemory());
             DirectMessages dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(engine.endpoint(), "stream-mode")), Clock.systemUTC())) {
            dm.schema().create();
            dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
            StreamModeViewModel vm = new StreamModeViewModel(BackgroundTasks.inline(), dir);
            vm.useSession(dm);
            assertThat(vm.modeProperty().get()).isEqualTo(SendMode.DIRECT);

            Conversation main = dm.conversations(DemoFixture.ANDREW_BROWN, Optional.empty(), 5).items().get(0);
            vm.dryRun(main, DemoFixture.ANDREW_BROWN, "a dry run");
            StreamUpdater.Preview preview = vm.previewProperty().get();
            assertThat(preview.streamRecordJson()).contains("a dry run");
            assertThat(preview.writes()).hasSize(4);
            assertThat(dm.allMessages(main.groupUuid())).noneMatch(m -> m.text().equals("a dry run"));

            vm.setMode(SendMode.STREAM);
            assertThat(vm.followerStatusProperty().get()).startsWith("Stream updater");
            var sent = (SendResult.Sent) dm.send(dm.prepare(main.groupUuid(), DemoFixture.ANDREW_BROWN, "through the stream"));
            assertThat(sent.writeMode()).contains("message only");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!dm.conversations(DemoFixture.ANDREW_BAYKO, Optional.empty(), 1).items().get(0).lastMessage().equals("through the stream")
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(dm.conversations(DemoFixture.ANDREW_BAYKO, Optional.empty(), 1).items().get(0).lastMessage())
                    .isEqualTo("through the stream");
            assertThat(dir.resolve("stream-checkpoints-stream-mode.properties")).exists();

            vm.setMode(SendMode.DIRECT);
            assertThat(dm.sendMode()).isEqualTo(SendMode.DIRECT);
            assertThat(vm.followerStatusProperty().get()).isEmpty();
            vm.useSession(null);
        }
    }
}
