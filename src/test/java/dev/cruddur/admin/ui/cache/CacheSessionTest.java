package dev.cruddur.admin.ui.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.EmbeddedServices;
import dev.cruddur.admin.app.cache.CacheKeys;
import dev.cruddur.admin.app.connect.ConnectionOpener;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.app.connect.EmbeddedEndpoint;
import dev.cruddur.admin.cache.CacheRead;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStatistics;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.ui.MainViewModel;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which cache the session opens, and the window's wiring: conversation reads through it, trouble as a quiet notice. */
class CacheSessionTest {
    private final List<String> problems = new ArrayList<>();
    private final CacheSession session = new CacheSession(BackgroundTasks.inline(), Path.of("/tmp"), problems::add);

    @Test
    void withNothingConfiguredStartUpOpensNothingAndThePaneStartsAnEmbeddedCache() {
        session.openConfigured(Map.of());
        assertThat(session.stateProperty().get()).isEqualTo(CacheSession.State.CLOSED);
        session.openOnDemand(Map.of(), ConnectionProfile.local("l", "http://127.0.0.1:8000", "t"));
        try {
            assertThat(session.stateProperty().get()).isEqualTo(CacheSession.State.OPEN);
            assertThat(session.kindProperty().get()).isEqualTo("Embedded");
            assertThat(session.whereProperty().get()).startsWith("embedded cache 127.0.0.1:").endsWith("cache 'cruddur'");
            // the cache it starts serves only a token made for the run, shown masked, copied whole
            String token = session.keyForCopy().orElseThrow();
            assertThat(session.maskedKeyProperty().get()).isNotEmpty().doesNotContain(token);
            assertThat(session.storeProperty().get().set("k", "v").ok()).isTrue();
        } finally {
            session.close();
        }
    }

    @Test
    void anEmbeddedConnectionUsesTheCacheOfTheEmbeddedServicesInItsDataDirectory() throws Exception {
        Path dir = Files.createTempDirectory("cache-session-embedded");
        try (EmbeddedServices services = EmbeddedServices.persistent(dir, 0, 0)) {
            session.openOnDemand(Map.of(), ConnectionProfile.embedded("e", dir.toString(), "t"));
            assertThat(session.stateProperty().get()).isEqualTo(CacheSession.State.OPEN);
            assertThat(session.kindProperty().get()).isEqualTo("Embedded");
            assertThat(session.whereProperty().get()).startsWith("127.0.0.1:" + services.cachePort());
            // the services' cache serves only the data directory's token, which the session read and presents
            assertThat(session.keyForCopy()).isEqualTo(services.cacheToken());
            assertThat(session.storeProperty().get().set("k", "v").ok()).isTrue();
            session.close();
        }
    }

    @Test
    void aLocalEndpointInTheEnvironmentIsOpenedAtStartUp() throws Exception {
        try (CacheStore server = CacheStore.open(CacheSettings.embedded(), new CacheStatistics())) {
            session.openConfigured(Map.of("MOMENTO_LOCAL_ENDPOINT", "127.0.0.1:" + server.embeddedPort().orElseThrow()));
            assertThat(session.stateProperty().get()).isEqualTo(CacheSession.State.OPEN);
            assertThat(session.kindProperty().get()).isEqualTo("Local");
            session.close();
        }
    }

    @Test
    void aKeyThatIsNotAMomentoKeyFailsInPlainWordsWithoutShowingIt() {
        String secret = "not-a-momento-key-but-a-long-secret-0123456789";
        session.openConfigured(Map.of("MOMENTO_API_KEY", secret));
        assertThat(session.stateProperty().get()).isEqualTo(CacheSession.State.FAILED);
        assertThat(session.errorProperty().get()).contains("is not in a form Momento issues").doesNotContain(secret);
        session.openConfigured(Map.of("MOMENTO_TTL_SECONDS", "soon"));
        assertThat(session.errorProperty().get()).contains("MOMENTO_TTL_SECONDS");
    }

    @Test
    void theWindowsConversationReadsGoThroughTheCacheAndItsTroubleIsAQuietNotice() throws Exception {
        try (DynaliteServer dynalite = DynaliteServer.start();
             CacheStore cache = CacheStore.open(CacheSettings.embedded(), new CacheStatistics())) {
            try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), "wiring"))) {
                dm.schema().create();
                dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
            }
            MainViewModel main = new MainViewModel(BackgroundTasks.inline(), new ConnectionOpener(EmbeddedEndpoint.UNAVAILABLE),
                    Path.of("/tmp"), Clock.systemUTC(), ZoneOffset.UTC, Optional.empty());
            main.cache().use(cache);
            main.connect(ConnectionProfile.local("t", dynalite.endpoint().toString(), "wiring"));
            assertThat(main.conversations().shown()).hasSize(2);
            // the table by default: nothing read through the cache, nothing marked
            assertThat(cache.inspectText(CacheKeys.conversations(DemoFixture.ANDREW_BROWN.uuid()))).isInstanceOf(CacheRead.Miss.class);
            assertThat(main.conversations().cacheMarkProperty().get()).isEmpty();
            // each pane's switch: through the cache, as Cruddur's API reads it, and marked so
            main.conversations().throughCacheProperty().set(true);
            assertThat(cache.inspectText(CacheKeys.conversations(DemoFixture.ANDREW_BROWN.uuid()))).isInstanceOf(CacheRead.Hit.class);
            assertThat(main.conversations().cacheMarkProperty().get()).startsWith("Not in the cache: read from the table and cached now");
            main.conversations().refresh();
            assertThat(main.conversations().cacheMarkProperty().get()).startsWith("Cached page · read from the table ")
                    .contains(" ago · expires in ");
            assertThat(main.conversations().disagreementProperty().get()).isNull();
            main.conversations().selectedProperty().set(main.conversations().shown().get(0));
            assertThat(main.transcript().entries()).isNotEmpty();
            assertThat(cache.inspectText(CacheKeys.messages(DemoFixture.MAIN_GROUP))).isInstanceOf(CacheRead.Miss.class);
            main.transcript().throughCacheProperty().set(true);
            assertThat(cache.inspectText(CacheKeys.messages(DemoFixture.MAIN_GROUP))).isInstanceOf(CacheRead.Hit.class);
            assertThat(main.noticeProperty().get()).isNull();

            // the cache goes away: the list still loads, from DynamoDB, and a notice says why
            CacheStore gone = CacheStore.open(CacheSettings.embedded(), new CacheStatistics());
            main.cache().use(gone);
            gone.close();
            main.refresh();
            assertThat(main.conversations().shown()).hasSize(2);
            assertThat(main.noticeProperty().get()).startsWith("Cache: ").endsWith("Reads fall back to DynamoDB meanwhile.");
            main.shutdown();
        }
    }
}
