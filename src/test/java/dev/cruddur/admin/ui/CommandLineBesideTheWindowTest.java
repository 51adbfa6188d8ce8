package dev.cruddur.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.Launcher;
import dev.cruddur.admin.app.EmbeddedServices;
import dev.cruddur.admin.app.PublishedCache;
import dev.cruddur.admin.app.connect.ConnectionOpener;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.messages.TranscriptEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes, as a user runs them: this JVM holds the window's services (the embedded DynamoDB
 * and cache owning the data directory) and the window's view models; a child JVM runs the command
 * line's send, import, check --repair and time migrate. After each, the window's next read of the
 * affected pane shows the change, read from the table and read through the cache.
 */
@Timeout(240)
class CommandLineBesideTheWindowTest {
    private static final String TABLE = TableKeys.DEFAULT_TABLE;
    private static final String MAIN = DemoFixture.MAIN_GROUP;

    @TempDir
    Path xdg;

    private MainViewModel window;

    @Test
    void theWindowSeesEveryWriteOfTheCommandLineInBothReadModes() throws Exception {
        Path data = xdg.resolve("cruddur-admin");
        try (EmbeddedServices services = EmbeddedServices.persistent(data, 0, 0)) {
            services.seedDemoOnFirstStart(TABLE);
            assertThat(PublishedCache.readFrom(data)).contains(services.publishedCache());
            assertThat(EmbeddedServices.cacheRunningIn(data)).contains(services.publishedCache());

            window = new MainViewModel(BackgroundTasks.inline(), new ConnectionOpener(dir -> services.dynamoEndpoint()),
                    data, Clock.systemUTC(), ZoneOffset.UTC, Optional.of("andrewbrown"));
            window.connect(ConnectionProfile.embedded("Embedded", data.toString(), TABLE));
            assertThat(window.cache().stateProperty().get()).as("the window opened its services' cache").isEqualTo(
                    dev.cruddur.admin.ui.cache.CacheSession.State.OPEN);
            window.conversations().selectedProperty().set(mainConversation());
            // both panes through the cache: Cruddur's pages are now cached (and would be served stale without invalidation)
            readThroughTheCache(true);
            window.refresh();
            assertThat(window.conversations().cacheMarkProperty().get()).startsWith("Cached page");
            assertThat(window.transcript().cacheMarkProperty().get()).startsWith("Cached page");

            // a send
            Result send = cli("send", "--from", "andrewbrown", "--group", MAIN, "--text", "Sent from the command line");
            assertThat(send.err()).doesNotContain("Note:");
            assertBothModesShow("Sent from the command line", "Sent from the command line", true, true);

            // an import of a newer message: the transcript shows it; the list waits for the repair
            String naive = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS")
                    .format(Instant.now().plus(1, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
            Path file = xdg.resolve("items.jsonl");
            Files.writeString(file, "{\"pk\":{\"S\":\"MSG#" + MAIN + "\"},\"sk\":{\"S\":\"" + naive + "\"},"
                    + "\"message_group_uuid\":{\"S\":\"" + MAIN + "\"},\"message_uuid\":{\"S\":\"0f0f0f0f-0000-4000-8000-000000000001\"},"
                    + "\"message\":{\"S\":\"Imported from a file\"},\"user_uuid\":{\"S\":\"" + DemoFixture.ANDREW_BAYKO.uuid() + "\"},"
                    + "\"user_handle\":{\"S\":\"bayko\"},\"user_display_name\":{\"S\":\"Andrew Bayko\"}}\n", StandardCharsets.UTF_8);
            cli("import", file.toString());
            assertBothModesShow("Sent from the command line", "Imported from a file", false, true);

            // a repair moves both group rows to the imported message
            cli("check", "--repair", "--confirm", TABLE);
            assertBothModesShow("Imported from a file", "Imported from a file", true, false);
            assertThat(newestMessage().createdAt().raw()).isEqualTo(naive);

            // the migration moves the naive sort keys (the message and both group rows) to the canonical form
            cli("time", "migrate", "--confirm", TABLE);
            for (boolean throughCache : List.of(true, false)) {
                readThroughTheCache(throughCache);
                window.refresh();
                assertThat(newestMessage().createdAt().raw()).as("through the cache: " + throughCache).endsWith("+00:00");
                assertThat(mainConversation().lastMessageAt().raw()).endsWith("+00:00");
            }
            // the cache commands look at the owner's cache too, not a throwaway one
            readThroughTheCache(true);
            window.refresh();
            Result get = cli("cache", "get", "messages/" + MAIN);
            assertThat(get.err()).doesNotContain("Note:");
            assertThat(get.out()).contains(MAIN).contains("Imported from a file");
            window.shutdown();
        }
    }

    @Test
    void aCommandThatWritesWithNoCacheToReachSaysSoOnceAndStillWrites() throws Exception {
        // no window owns the data, but the command is pointed at an endpoint: no cache is named anywhere
        try (EmbeddedServices services = EmbeddedServices.inMemory(0, 0)) {
            services.seedDemoOnFirstStart(TABLE);
            Result sent = cli("--endpoint", services.dynamoEndpoint().toString(), "send", "--from", "andrewbrown", "--group", MAIN,
                    "--text", "Nobody caches this");
            assertThat(sent.err().lines().filter(l -> l.startsWith("Note:")).toList()).singleElement()
                    .satisfies(l -> assertThat(l).contains("no cache is reachable"));
            Result read = cli("--endpoint", services.dynamoEndpoint().toString(), "get-conversation", "--group", MAIN, "--limit", "1");
            assertThat(read.out()).contains("Nobody caches this");
            assertThat(read.err()).doesNotContain("Note:");
        }
    }

    private void readThroughTheCache(boolean on) {
        window.conversations().throughCacheProperty().set(on);
        window.transcript().throughCacheProperty().set(on);
    }

    /**
     * F5 in each read mode: the list's conversation and the transcript's newest message. Through
     * the cache, a page the command made stale is read from the table again (never served), and a
     * page it left alone is still served from the cache, agreeing with the table.
     */
    private void assertBothModesShow(String listText, String newestText, boolean listStale, boolean transcriptStale) {
        for (boolean throughCache : List.of(true, false)) {
            readThroughTheCache(throughCache);
            window.refresh();
            assertThat(mainConversation().lastMessage()).as("list, through the cache: " + throughCache).isEqualTo(listText);
            assertThat(newestMessage().text()).as("transcript, through the cache: " + throughCache).isEqualTo(newestText);
            if (throughCache) {
                assertThat(window.conversations().cacheMarkProperty().get().startsWith("Cached page")).isEqualTo(!listStale);
                assertThat(window.transcript().cacheMarkProperty().get().startsWith("Cached page")).isEqualTo(!transcriptStale);
                assertThat(window.conversations().disagreementProperty().get()).isNull();
                assertThat(window.transcript().disagreementProperty().get()).isNull();
            }
        }
        readThroughTheCache(true);
        window.refresh();
        assertThat(window.conversations().cacheMarkProperty().get()).as("cached again after the read").startsWith("Cached page");
        assertThat(window.conversations().disagreementProperty().get()).isNull();
    }

    private Conversation mainConversation() {
        return window.conversations().shown().stream().filter(c -> c.groupUuid().equals(MAIN)).findFirst().orElseThrow();
    }

    private Message newestMessage() {
        List<TranscriptEntry> entries = window.transcript().entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i) instanceof TranscriptEntry.Bubble b) return b.message();
        }
        throw new AssertionError("no message shown");
    }

    private record Result(int exit, String out, String err) {}

    /** The jar's entry point in a child JVM, with this test's data directory. */
    private Result cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("XDG_DATA_HOME", xdg.toString());
        builder.environment().keySet().removeIf(k -> k.startsWith("MOMENTO_") || k.startsWith("AWS_ENDPOINT"));
        Path out = Files.createTempFile(xdg, "out", ".txt");
        Path err = Files.createTempFile(xdg, "err", ".txt");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not finish: " + String.join(" ", args));
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }
}
