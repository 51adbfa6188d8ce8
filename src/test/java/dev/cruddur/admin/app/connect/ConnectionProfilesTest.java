package dev.cruddur.admin.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionProfilesTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void firstStartOffersTheEmbeddedDefault(@TempDir Path dir) {
        ConnectionProfiles.Loaded loaded = new ConnectionProfiles(dir, clock).load();
        assertThat(loaded.profiles()).containsExactly(ConnectionProfile.defaultProfile());
        assertThat(loaded.selected().kind()).isEqualTo(ConnectionProfile.Kind.EMBEDDED);
        assertThat(loaded.notice()).isEmpty();
    }

    @Test
    void savedProfilesAreReloadedWithTheSelection(@TempDir Path dir) {
        ConnectionProfiles store = new ConnectionProfiles(dir, clock);
        ConnectionProfile local = ConnectionProfile.local("Dynalite", "http://127.0.0.1:4567", "t1");
        ConnectionProfile aws = ConnectionProfile.aws("Prod", "cruddur", "ca-central-1", "cruddur-messages");
        ConnectionProfile embedded = ConnectionProfile.embedded("Embedded", null, "cruddur-messages");
        store.save(List.of(local, aws, embedded), aws);

        ConnectionProfiles.Loaded loaded = new ConnectionProfiles(dir, clock).load();
        assertThat(loaded.profiles()).containsExactly(local, aws, embedded);
        assertThat(loaded.selected()).isEqualTo(aws);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("connections.json");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The launch's early engine start and the window's list share one read of the file at start. */
    @Test
    void theStartReadsTheFileOnce(@TempDir Path dir) throws Exception {
        ConnectionProfiles store = new ConnectionProfiles(dir, clock);
        ConnectionProfile local = ConnectionProfile.local("Dynalite", "http://127.0.0.1:4567", "t1");
        store.save(List.of(local), local);
        ConnectionProfiles.Loaded first = store.loadOnce();
        Files.delete(dir.resolve("connections.json")); // read again, this would be the first start's default
        assertThat(store.loadOnce()).isSameAs(first);
        assertThat(store.loadOnce().profiles()).containsExactly(local);
        assertThat(store.load().profiles()).containsExactly(ConnectionProfile.defaultProfile());
    }

    @Test
    void aCorruptFileIsSetAsideWithANotice(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("connections.json"), "{ not json", StandardCharsets.UTF_8);
        ConnectionProfiles.Loaded loaded = new ConnectionProfiles(dir, clock).load();
        assertThat(loaded.profiles()).containsExactly(ConnectionProfile.defaultProfile());
        assertThat(loaded.notice()).get().asString().contains("set aside").contains("connections.json.corrupt-20261125-090000");
        assertThat(dir.resolve("connections.json.corrupt-20261125-090000")).exists();
        assertThat(dir.resolve("connections.json")).doesNotExist();
    }

    /**
     * The window loads the profiles twice as it starts, on two threads (which connection to open early,
     * then the Connections list that shows the notice): the second load must still say what the first
     * found, not "could not be set aside" nor nothing.
     */
    @Test
    void aSecondLoadStillSaysTheFileWasSetAside(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("connections.json"), "{ not json", StandardCharsets.UTF_8);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = two.submit(() -> new ConnectionProfiles(dir, clock).load());
            var b = two.submit(() -> new ConnectionProfiles(dir, clock).load());
            for (ConnectionProfiles.Loaded loaded : List.of(a.get(), b.get())) {
                assertThat(loaded.notice()).get().asString().contains("set aside as connections.json.corrupt-20261125-090000");
            }
        } finally {
            two.shutdown();
        }
        ConnectionProfiles.Loaded later = new ConnectionProfiles(dir, clock).load();
        assertThat(later.notice()).get().asString().contains("set aside as connections.json.corrupt-20261125-090000");
        // once saved, the notice is history
        new ConnectionProfiles(dir, clock).save(later.profiles(), later.selected());
        assertThat(new ConnectionProfiles(dir, clock).load().notice()).isEmpty();
    }

    @Test
    void configDirFollowsOverrideThenXdgThenHome() {
        Properties none = new Properties();
        assertThat(ConnectionProfiles.configDir(Map.of("CRUDDUR_CONFIG_HOME", "/tmp/c", "XDG_CONFIG_HOME", "/x"), none)).isEqualTo(Path.of("/tmp/c"));
        assertThat(ConnectionProfiles.configDir(Map.of("XDG_CONFIG_HOME", "/x"), none)).isEqualTo(Path.of("/x/cruddur-admin"));
        assertThat(ConnectionProfiles.configDir(Map.of(), none)).isEqualTo(Path.of(System.getProperty("user.home"), ".config", "cruddur-admin"));
    }

    @Test
    void awsProfileNamesComeFromTheConfigFile(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "[default]\nregion = us-east-1\n\n[profile cruddur]\nregion=ca-central-1\n[sso-session x]\n[profile  prod ]\n");
        assertThat(AwsConfigProfiles.names(config)).containsExactly("default", "cruddur", "prod");
        assertThat(AwsConfigProfiles.names(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void profilesSayWhatIsWrong() {
        assertThat(ConnectionProfile.local("x", "not a url", null).problem()).contains("not an endpoint URL");
        assertThat(ConnectionProfile.local("x", "http://127.0.0.1:99999", null).problem()).contains("port 99999").contains("between 1 and 65535");
        assertThat(ConnectionProfile.local("x", "http://127.0.0.1:0", null).problem()).contains("port 0");
        assertThat(ConnectionProfile.local("x", "http://127.0.0.1:65535", null).problem()).isNull();
        assertThat(ConnectionProfile.local("x", "http://localhost", null).problem()).isNull();
        assertThat(ConnectionProfile.local("x", "http://127.0.0.1:8000", null).problem()).isNull();
        assertThat(ConnectionProfile.aws("x", null, "Moon", null).problem()).contains("not an AWS region");
        assertThat(ConnectionProfile.aws("x", null, "eu-west-2", null).target().isAws()).isTrue();
    }

    @Test
    void theEmbeddedKindStartsTheEngineWithTheDemoDataAndASecondOpenReusesIt(@TempDir Path dir) {
        ConnectionOpener opener = new ConnectionOpener(EmbeddedEndpoint.installed());
        ConnectionProfile embedded = ConnectionProfile.embedded("E", null, null);
        var target = opener.targetOf(embedded, dir);
        assertThat(target.isLoopback()).isTrue();
        try (var dm = opener.open(embedded, dir)) {
            assertThat(dm.capabilities().transactions()).isTrue();
            assertThat(dm.allConversations(dev.cruddur.admin.domain.DemoFixture.ANDREW_BROWN)).hasSize(2);
        }
        assertThat(opener.targetOf(embedded, dir).endpoint()).isEqualTo(target.endpoint());
        assertThat(java.nio.file.Files.exists(dir.resolve("dynamodb"))).isTrue();
    }

    @Test
    void startupOverrideComesFromSystemProperties() {
        Properties props = new Properties();
        props.setProperty("cruddur.endpoint", "http://127.0.0.1:9999");
        props.setProperty("cruddur.table", "t");
        assertThat(StartupConnection.override(Map.of(), props)).get()
                .satisfies(p -> assertThat(p.endpoint()).isEqualTo("http://127.0.0.1:9999"))
                .satisfies(p -> assertThat(p.table()).isEqualTo("t"));
        assertThat(StartupConnection.override(Map.of(), new Properties())).isEmpty();
    }
}
