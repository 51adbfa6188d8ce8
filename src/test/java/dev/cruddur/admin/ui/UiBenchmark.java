package dev.cruddur.admin.ui;

import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.store.BenchData;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.ui.messages.TranscriptEntry;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;

/**
 * The window's figures with demo data and with big data, headless:
 * {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.ui.UiBenchmark}.
 * Cold start runs in child JVMs (from their JVM start to the conversation list laid out); the
 * rest runs in this JVM after a warm-up.
 */
public final class UiBenchmark {
    private UiBenchmark() {}

    public static void main(String[] args) {
        try {
            if (args.length == 0 || !args[0].equals("--child")) {
                // measured in a JVM of its own: exec:java would count Maven's memory as ours
                System.exit(child());
            }
            run();
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        if (System.getProperty("dynalite.dir") == null) System.setProperty("dynalite.dir", "src/test/node");
        try (DynaliteServer dynalite = DynaliteServer.start()) {
            DynamoTarget demoTarget = DynamoTarget.endpoint(dynalite.endpoint(), "cruddur-messages");
            try (DirectMessages dm = DirectMessages.open(demoTarget)) {
                dm.schema().create();
                dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
            }

            // 1. cold start, each in a fresh JVM
            List<Long> cold = new ArrayList<>();
            List<Long> coldCpu = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long[] r = coldStart(dynalite.endpoint().toString());
                cold.add(r[0]);
                coldCpu.add(r[1]);
            }
            System.out.printf(Locale.ROOT, "cold start, JVM start to conversation list drawn (demo data): %s ms, median %d ms;"
                    + " CPU time used by then (all threads) %s ms%n", cold, median(cold), coldCpu);

            // 2. open a conversation: click to first page drawn
            FxHarness.startHeadless();
            Path config = Files.createTempDirectory("cruddur-bench");
            Stage stage = FxHarness.onFx(Stage::new);
            DesktopApp.Assembled app = FxHarness.onFx(() -> DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                    Optional.of(ConnectionProfile.local("Bench", dynalite.endpoint().toString(), "cruddur-messages")),
                    Optional.of("andrewbrown"), Clock.systemUTC(), ZoneId.systemDefault(), false, 1200, 760)));
            MainViewModel main = app.main();
            Scene scene = app.window().scene();
            FxHarness.waitFor("demo conversations", 30, () -> main.conversations().shown().size() == 2);
            List<Conversation> demo = FxHarness.onFx(() -> List.copyOf(main.conversations().shown()));
            for (int i = 0; i < 20; i++) openAndMeasure(main, scene, demo.get(i % 2)); // warm-up
            List<Long> opens = new ArrayList<>();
            long fxId = FxHarness.onFx(() -> Thread.currentThread().getId());
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long fxCpu0 = threads.getThreadCpuTime(fxId);
            for (int i = 0; i < 60; i++) opens.add(openAndMeasure(main, scene, demo.get(i % 2)));
            long fxCpu = (threads.getThreadCpuTime(fxId) - fxCpu0) / 60;
            System.out.printf(Locale.ROOT, "open conversation, click to first page drawn (demo, %d opens): median %.1f ms, p95 %.1f ms;"
                    + " FX-thread CPU per open %.1f ms%n", opens.size(), median(opens) / 1e6, p95(opens) / 1e6, fxCpu / 1e6);
            System.gc();
            System.out.printf(Locale.ROOT, "resident memory with the demo data open (VmRSS): %s%n", rss());

            // 3. big data: a user with 10,000 conversations, a conversation with 10,000 messages
            long seedStart = System.nanoTime();
            User inbox = BenchData.user("inbox");
            User thread = BenchData.user("longthread");
            DynamoTarget bigTarget = DynamoTarget.endpoint(dynalite.endpoint(), "cruddur-big");
            try (DirectMessages dm = DirectMessages.open(bigTarget)) {
                dm.schema().create();
                BenchData.inbox(dm.connection(), inbox, 10_000, Instant.now());
                BenchData.thread(dm.connection(), thread, BenchData.user("partner"), 10_000, Instant.now());
            }
            System.out.printf(Locale.ROOT, "generated 10,000 conversations + 10,000 messages (%.1f s)%n", (System.nanoTime() - seedStart) / 1e9);

            long t0 = System.nanoTime();
            FxHarness.runFx(() -> main.connect(ConnectionProfile.local("Big", dynalite.endpoint().toString(), "cruddur-big")));
            FxHarness.waitFor("big connected", 120, () -> main.stateProperty().get() == WindowSession.State.READY);
            System.out.printf(Locale.ROOT, "connect to the big table (open + describe; list shown for the demo viewer): %.0f ms%n",
                    (System.nanoTime() - t0) / 1e6);
            FxHarness.waitFor("directory", 120, () -> main.users().size() > 10_000);
            System.out.printf(Locale.ROOT, "  user directory loaded beside it (GSI scan of 20,002 group rows, 10,004 users): %.0f ms after connect started%n",
                    (System.nanoTime() - t0) / 1e6);
            t0 = System.nanoTime();
            FxHarness.runFx(() -> main.selectViewer(inbox));
            waitPulse(scene, () -> !main.conversations().shown().isEmpty() && cellShown(scene, ".conversation-cell"));
            System.out.printf(Locale.ROOT, "10,000-conversation inbox: first page drawn in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            List<Long> pages = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int before = FxHarness.onFx(() -> main.conversations().loaded().size());
                long p0 = System.nanoTime();
                FxHarness.runFx(() -> main.conversations().loadMore());
                FxHarness.waitFor("next page", 30, () -> main.conversations().loaded().size() > before && !main.conversations().loadingProperty().get());
                pages.add(System.nanoTime() - p0);
            }
            int loaded = FxHarness.onFx(() -> main.conversations().loaded().size());
            System.out.printf(Locale.ROOT, "  next pages (%d): median %.1f ms, p95 %.1f ms; loaded %d of 10,000 (paged)%n",
                    pages.size(), median(pages) / 1e6, p95(pages) / 1e6, loaded);
            List<Long> bigOpens = new ArrayList<>();
            List<Conversation> some = FxHarness.onFx(() -> List.copyOf(main.conversations().shown().subList(0, 10)));
            for (int i = 0; i < 30; i++) bigOpens.add(openAndMeasure(main, scene, some.get(i % some.size())));
            System.out.printf(Locale.ROOT, "  open a conversation from it: median %.1f ms, p95 %.1f ms%n", median(bigOpens) / 1e6, p95(bigOpens) / 1e6);

            FxHarness.runFx(() -> main.selectViewer(thread));
            FxHarness.waitFor("thread viewer", 30, () -> main.conversations().shown().size() == 1);
            Conversation big = FxHarness.onFx(() -> main.conversations().shown().get(0));
            List<Long> threadOpens = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                FxHarness.runFx(() -> main.conversations().selectedProperty().set(null));
                threadOpens.add(openAndMeasure(main, scene, big));
            }
            System.out.printf(Locale.ROOT, "10,000-message conversation: open to first page drawn median %.1f ms, p95 %.1f ms%n",
                    median(threadOpens) / 1e6, p95(threadOpens) / 1e6);
            List<Long> older = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int before = FxHarness.onFx(() -> main.transcript().entries().size());
                long p0 = System.nanoTime();
                FxHarness.runFx(() -> main.transcript().loadOlder());
                FxHarness.waitFor("older page", 30, () -> main.transcript().entries().size() > before && !main.transcript().loadingOlderProperty().get());
                older.add(System.nanoTime() - p0);
            }
            long rows = FxHarness.onFx(() -> main.transcript().entries().stream().filter(e -> e instanceof TranscriptEntry.Bubble).count());
            System.out.printf(Locale.ROOT, "  older pages (%d): median %.1f ms, p95 %.1f ms; %d of 10,000 messages in memory (paged)%n",
                    older.size(), median(older) / 1e6, p95(older) / 1e6, rows);
            System.gc();
            System.out.println("load average now " + Files.readString(Path.of("/proc/loadavg")).strip());
            System.out.printf(Locale.ROOT, "resident memory (VmRSS, window + both big lists): %s%n", rss());
            FxHarness.runFx(stage::close);
        }
    }

    private static long openAndMeasure(MainViewModel main, Scene scene, Conversation c) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        FxHarness.runFx(() -> {
            if (main.conversations().selectedProperty().get() != null
                    && main.conversations().selectedProperty().get().groupUuid().equals(c.groupUuid())) {
                main.conversations().selectedProperty().set(null);
            }
            Runnable[] check = new Runnable[1];
            long t0 = System.nanoTime();
            check[0] = () -> {
                if (transcriptDrawn(scene, c)) {
                    scene.removePostLayoutPulseListener(check[0]);
                    done.complete(System.nanoTime() - t0);
                }
            };
            scene.addPostLayoutPulseListener(check[0]);
            main.conversations().selectedProperty().set(c);
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    private static boolean transcriptDrawn(Scene scene, Conversation c) {
        for (Node n : scene.getRoot().lookupAll(".message-cell")) {
            if (n instanceof ListCell<?> cell && cell.getItem() instanceof TranscriptEntry.Bubble b
                    && b.message().groupUuid().equals(c.groupUuid()) && cell.isVisible()) return true;
        }
        return false;
    }

    private static boolean cellShown(Scene scene, String selector) {
        for (Node n : scene.getRoot().lookupAll(selector)) {
            if (n instanceof ListCell<?> cell && cell.getItem() != null) return true;
        }
        return false;
    }

    private static void waitPulse(Scene scene, BooleanSupplier drawn) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        FxHarness.runFx(() -> {
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                if (drawn.getAsBoolean()) {
                    scene.removePostLayoutPulseListener(check[0]);
                    done.complete(null);
                }
            };
            scene.addPostLayoutPulseListener(check[0]);
        });
        done.get(60, TimeUnit.SECONDS);
    }

    private static int child() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), "-Ddynalite.dir=" + System.getProperty("dynalite.dir", "src/test/node"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true", "-Dbench.jvm=" + System.getProperty("bench.jvm", "")));
        command.addAll(jvmOptions());
        command.addAll(List.of(UiBenchmark.class.getName(), "--child"));
        System.out.println("child JVM options: " + (jvmOptions().isEmpty() ? "(defaults)" : String.join(" ", jvmOptions())));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static long[] coldStart(String endpoint) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Djava.awt.headless=true"));
        command.addAll(jvmOptions());
        command.addAll(List.of(ColdStart.class.getName(), endpoint));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long ms = -1;
        long cpu = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("COLD_START_MS=")) ms = Long.parseLong(line.substring("COLD_START_MS=".length()));
                if (line.startsWith("COLD_START_CPU_MS=")) cpu = Long.parseLong(line.substring("COLD_START_CPU_MS=".length()));
            }
        }
        p.waitFor(60, TimeUnit.SECONDS);
        if (ms < 0) throw new IllegalStateException("cold start run printed no figure");
        return new long[] {ms, cpu};
    }

    /** Extra options for the measured JVMs, e.g. {@code -Dbench.jvm="-Xmx256m -XX:+UseSerialGC"}. */
    private static List<String> jvmOptions() {
        String opts = System.getProperty("bench.jvm", "").strip();
        return opts.isEmpty() ? List.of() : List.of(opts.split("\\s+"));
    }

    /** The test classpath, from exec:java's class loader or the JVM's own. */
    private static String classpath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> parts = new ArrayList<>();
            for (URL u : urls.getURLs()) {
                try {
                    parts.add(new File(u.toURI()).getPath());
                } catch (Exception e) {
                    parts.add(u.getPath());
                }
            }
            return String.join(File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }

    private static String rss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replace("VmRSS:", "").strip()).findFirst().orElse("?");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long p95(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
    }

    static String unused() {
        return Arrays.toString(new int[0]);
    }
}
