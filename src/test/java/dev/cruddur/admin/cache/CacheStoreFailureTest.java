package dev.cruddur.admin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real SDK against servers that fail: every failure comes back as a plain message and counts as an error. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CacheStoreFailureTest {
    private static final String SECRET = "cruddur-test-secret-0123456789abcdefghij";

    private MisbehavingCacheServer misbehaving;
    private CacheStore store;
    /** Only the deadline test waits on a 1 s timeout: under a loaded machine's scheduling the others would time out first. */
    private CacheStore hasty;

    @BeforeAll
    void start() throws Exception {
        misbehaving = new MisbehavingCacheServer();
        store = CacheStore.open(CacheSettings.embedded()
                .withConnection(new CacheConnection.Local("127.0.0.1", misbehaving.port(), Optional.of(ApiKey.of(SECRET))))
                .withTimeout(Duration.ofSeconds(10)));
        hasty = CacheStore.open(CacheSettings.embedded()
                .withConnection(new CacheConnection.Local("127.0.0.1", misbehaving.port(), Optional.of(ApiKey.of(SECRET))))
                .withTimeout(Duration.ofSeconds(1)));
    }

    @AfterAll
    void stop() throws Exception {
        store.close();
        hasty.close();
        misbehaving.close();
    }

    private static CacheFailure failure(CacheRead<?> read) {
        assertThat(read).isInstanceOf(CacheRead.Failed.class);
        return ((CacheRead.Failed<?>) read).failure();
    }

    @Test
    void unavailableServerIsReportedPlainlyAndCounted() {
        long errorsBefore = store.statistics().snapshot().errors();
        CacheFailure failure = failure(store.getText("unavailable"));
        assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.UNAVAILABLE);
        assertThat(failure.message()).isEqualTo("The cache at 127.0.0.1:" + misbehaving.port() + " is unavailable");
        assertThat(store.statistics().snapshot().errors()).isEqualTo(errorsBefore + 1);
    }

    @Test
    void slowServerTimesOutAtTheDeadlineNotLater() {
        long errorsBefore = hasty.statistics().snapshot().errors();
        CacheRead<String> read = hasty.getText("slow");
        CacheFailure failure = failure(read);
        assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.TIMEOUT);
        assertThat(failure.message()).isEqualTo("The cache did not answer within 1 s");
        assertThat(read.took()).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofMillis(2000));
        assertThat(hasty.statistics().snapshot().errors()).isEqualTo(errorsBefore + 1);
    }

    @Test
    void refusedKeyIsReportedWithoutEverShowingTheKey() throws Exception {
        CacheFailure failure = failure(store.getText("unauthenticated"));
        assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.AUTHENTICATION);
        assertThat(failure.message()).isEqualTo("The Momento API key was refused");
        // the server quoted the key back; the detail shows it masked only
        assertThat(failure.detail()).doesNotContain(SECRET).contains(ApiKey.of(SECRET).masked());
        assertThat(failure.toString()).doesNotContain(SECRET);
        assertThat(store.toString()).doesNotContain(SECRET);
    }

    @Test
    void internalErrorIsReportedPlainly() {
        assertThat(failure(store.getText("internal")).message())
                .isEqualTo("The cache at 127.0.0.1:" + misbehaving.port() + " failed internally");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "permission | PERMISSION        | The Momento API key is not allowed to do this in cache 'cruddur'",
            "unknown    | UNKNOWN           | The cache at {where} failed in an unexpected way",
            "cancelled  | CANCELLED         | The cache request was cancelled",
            "rate       | LIMIT_EXCEEDED    | The cache is receiving more requests than the account allows; try again shortly",
    })
    void everyOtherServerErrorHasAPlainMessage(String key, CacheFailure.Kind kind, String message) {
        CacheFailure failure = failure(store.getText(key));
        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.message()).isEqualTo(message.replace("{where}", "127.0.0.1:" + misbehaving.port()));
    }

    @Test
    void answerThatIsNeitherHitNorMissIsAFailure() {
        CacheFailure failure = failure(store.getText("garbage"));
        assertThat(failure.message()).isNotBlank();
    }

    @Test
    void batchReadFailsAsItsFailingKeyWouldAndCountsOneError() {
        long errorsBefore = store.statistics().snapshot().errors();
        CacheOutcome<?> read = store.getTextBatch(java.util.List.of("groups/fine", "unavailable"));
        assertThat(read).isInstanceOf(CacheOutcome.Failed.class);
        CacheFailure failure = ((CacheOutcome.Failed<?>) read).failure();
        assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.UNAVAILABLE);
        assertThat(failure.message()).isEqualTo("The cache at 127.0.0.1:" + misbehaving.port() + " is unavailable");
        assertThat(store.statistics().snapshot().errors()).isEqualTo(errorsBefore + 1);

        CacheOutcome<?> garbage = store.getTextBatch(java.util.List.of("groups/fine", "garbage"));
        assertThat(garbage).isInstanceOf(CacheOutcome.Failed.class);
        assertThat(((CacheOutcome.Failed<?>) garbage).message()).isNotBlank();
    }

    @Test
    void failedWriteIsAFailureNotAnException() {
        CacheOutcome<Void> set = store.set("k", "v");
        assertThat(set).isInstanceOf(CacheOutcome.Failed.class);
        assertThat(((CacheOutcome.Failed<Void>) set).message()).contains("is unavailable");
    }

    @Test
    void unimplementedOperationIsABadRequest() {
        CacheOutcome<Long> increment = store.increment("msgs/andrewbrown", 1);
        assertThat(((CacheOutcome.Failed<Long>) increment).failure().kind()).isEqualTo(CacheFailure.Kind.BAD_REQUEST);
    }

    @Test
    void nobodyListeningIsReportedPlainlyAndQuickly() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (CacheStore nowhere = CacheStore.open(CacheSettings.embedded()
                .withConnection(new CacheConnection.Local("127.0.0.1", port)).withTimeout(Duration.ofSeconds(1)))) {
            CacheRead<String> read = nowhere.getText("groups/x");
            CacheFailure failure = failure(read);
            assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.UNAVAILABLE);
            assertThat(failure.message()).isEqualTo("The cache at 127.0.0.1:" + port + " is unavailable");
            assertThat(read.took()).isLessThan(Duration.ofMillis(1500));
            assertThat(nowhere.statistics().snapshot().errors()).isEqualTo(1);
        }
    }

    @Test
    void wrongKeyForATokenProtectedEmbeddedServerIsRefused() throws Exception {
        try (EmbeddedCacheServer guarded = EmbeddedCacheServer.startWithToken(0, SECRET);
             CacheStore right = CacheStore.open(CacheSettings.embedded().withConnection(
                     new CacheConnection.Local("127.0.0.1", guarded.port(), Optional.of(ApiKey.of(SECRET)))));
             CacheStore wrong = CacheStore.open(CacheSettings.embedded().withConnection(
                     new CacheConnection.Local("127.0.0.1", guarded.port(), Optional.of(ApiKey.of("not-the-key-at-all-000000000")))));
             CacheStore none = CacheStore.open(CacheSettings.embedded().withConnection(
                     new CacheConnection.Local("127.0.0.1", guarded.port())))) {
            assertThat(right.ensureCache().ok()).isTrue();
            assertThat(right.set("groups/a", "[]").ok()).isTrue();

            CacheFailure refused = failure(wrong.getText("groups/a"));
            assertThat(refused.kind()).isEqualTo(CacheFailure.Kind.AUTHENTICATION);
            assertThat(refused.message()).isEqualTo("The Momento API key was refused");
            assertThat(((CacheOutcome.Failed<?>) wrong.listCaches()).message()).isEqualTo("The Momento API key was refused");
            assertThat(((CacheOutcome.Failed<?>) wrong.keysExist(java.util.List.of("groups/a"))).message())
                    .isEqualTo("The Momento API key was refused");
            assertThat(failure(none.getText("groups/a")).kind()).isEqualTo(CacheFailure.Kind.AUTHENTICATION);
            assertThat(((CacheOutcome.Failed<?>) wrong.getTextBatch(java.util.List.of("groups/a", "generation/groups/a")))
                    .message()).isEqualTo("The Momento API key was refused");
            assertThat(((CacheOutcome.Failed<?>) none.getTextBatch(java.util.List.of("groups/a"))).failure().kind())
                    .isEqualTo(CacheFailure.Kind.AUTHENTICATION);
            assertThat(((CacheOutcome.Ok<java.util.List<Optional<String>>>) right.getTextBatch(
                    java.util.List.of("groups/a", "groups/b"))).value()).containsExactly(Optional.of("[]"), Optional.empty());
        }
    }

    @Test
    void embeddedConnectionWithAKeyServesOnlyThatKey() throws Exception {
        try (CacheStore guarded = CacheStore.open(CacheSettings.embedded()
                .withConnection(new CacheConnection.Embedded(0, Optional.of(ApiKey.of(SECRET)))))) {
            assertThat(guarded.set("groups/a", "[]").ok()).isTrue();
            int port = guarded.embeddedPort().orElseThrow();
            try (CacheStore intruder = CacheStore.open(CacheSettings.embedded()
                    .withConnection(new CacheConnection.Local("127.0.0.1", port)))) {
                assertThat(failure(intruder.getText("groups/a")).kind()).isEqualTo(CacheFailure.Kind.AUTHENTICATION);
            }
        }
    }

    @Test
    void embeddedCacheOnABusyPortIsRefusedPlainly() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CacheStore.open(CacheSettings.embedded()
                            .withConnection(new CacheConnection.Embedded(port, Optional.empty()))))
                    .isInstanceOf(CacheSettingsException.class)
                    .hasMessageStartingWith("The embedded cache could not start on port " + port + ": ");
        }
    }

    @Test
    void embeddedCacheIsCreatedUnderTheConfiguredName() throws Exception {
        try (CacheStore store = CacheStore.open(CacheSettings.embedded().withCacheName("cruddur-dev"))) {
            assertThat(((CacheOutcome.Ok<java.util.List<String>>) store.listCaches()).value()).containsExactly("cruddur-dev");
            assertThat(store.cacheName()).isEqualTo("cruddur-dev");
            assertThat(store.set("groups/a", "[]").ok()).isTrue();
        }
    }

    @Test
    void nothingPrintedOrLoggedEverContainsTheKey() throws Exception {
        java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level level = root.getLevel();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record.getLoggerName() + ": " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        root.addHandler(capture);
        root.setLevel(java.util.logging.Level.ALL);
        System.setOut(new java.io.PrintStream(printed, true));
        System.setErr(new java.io.PrintStream(printed, true));
        try (EmbeddedCacheServer guarded = EmbeddedCacheServer.startWithToken(0, "another-" + SECRET);
             CacheStore wrong = CacheStore.open(CacheSettings.embedded().withConnection(
                     new CacheConnection.Local("127.0.0.1", guarded.port(), Optional.of(ApiKey.of(SECRET)))))) {
            java.util.List<Object> outcomes = java.util.List.of(wrong.getText("groups/a"), wrong.set("k", "v"),
                    wrong.listCaches(), wrong.itemType("k"), store.getText("unauthenticated"));
            assertThat(outcomes.toString()).doesNotContain(SECRET);
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(capture);
            root.setLevel(level);
        }
        assertThat(printed.toString()).doesNotContain(SECRET);
        assertThat(String.join("\n", logged)).doesNotContain(SECRET);
    }
}
