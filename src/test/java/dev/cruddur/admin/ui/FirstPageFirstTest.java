package dev.cruddur.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.EmbeddedServices;
import dev.cruddur.admin.app.connect.ConnectionOpener;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.ui.cache.CacheSession;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * At start-up the window's first page of conversations has the cores to itself: the embedded
 * cache's client and the capability probes start once it is in (the directory's scan only before
 * it when the viewer comes from it), and then still happen: the cache opens, so writes keep it honest.
 */
@Timeout(120)
class FirstPageFirstTest {
    @TempDir
    Path xdg;

    @Test
    void theCacheTheProbesAndTheDirectoryWaitForTheFirstPageThenAllHappen() {
        Path data = xdg.resolve("cruddur-admin");
        try (EmbeddedServices services = EmbeddedServices.persistent(data, 0, 0)) {
            services.seedDemoOnFirstStart(TableKeys.DEFAULT_TABLE);
            Deque<Runnable> queue = new ArrayDeque<>(); // the I/O threads and the FX thread, stepped by hand
            MainViewModel window = new MainViewModel(BackgroundTasks.on(queue::add, queue::add),
                    new ConnectionOpener(dir -> services.dynamoEndpoint()), data, Clock.systemUTC(), ZoneOffset.UTC, Optional.empty());
            window.connect(ConnectionProfile.embedded("Embedded", data.toString(), TableKeys.DEFAULT_TABLE));
            // step through the I/O work and its deliveries one by one until the first page is shown
            while (window.conversations().loaded().isEmpty()) {
                assertThat(window.cache().stateProperty().get()).as("no cache client before the first page")
                        .isEqualTo(CacheSession.State.CLOSED);
                assertThat(queue).as("work left before the first page").isNotEmpty();
                queue.poll().run();
            }
            assertThat(window.stateProperty().get()).isEqualTo(MainViewModel.State.READY);
            assertThat(window.cache().stateProperty().get()).as("the cache opens once the page is in")
                    .isEqualTo(CacheSession.State.OPENING);
            while (!queue.isEmpty()) queue.poll().run();
            assertThat(window.cache().stateProperty().get()).isEqualTo(CacheSession.State.OPEN);
            assertThat(window.users()).as("the full directory").hasSizeGreaterThanOrEqualTo(3);
            window.shutdown();
        }
    }
}
