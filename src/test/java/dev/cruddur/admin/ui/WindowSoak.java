package dev.cruddur.admin.ui;

import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.ui.browser.BrowserPane;
import dev.cruddur.admin.ui.browser.ItemBrowserViewModel;
import dev.cruddur.admin.ui.cache.CachePane;
import dev.cruddur.admin.ui.shell.WindowSession;
import dev.cruddur.admin.ui.time.TimePane;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The window under scripted use, for its memory curve: the real app in a real window (GTK glass,
 * so run it under Xvfb), its four panes used in turn for {@code -Dsoak.minutes} (default 30)
 * through their view models on the FX thread, as their buttons would. Every 30 s it prints one
 * line: resident memory (VmRSS) beside the heap, metaspace, code cache, direct buffers, threads
 * and what each list of the window holds, so what grows shows in the log. Run it with the
 * README's options and its own config/data directories:
 * <pre>
 * XDG_CONFIG_HOME=$(mktemp -d) XDG_DATA_HOME=$(mktemp -d) DISPLAY=:99 \
 *   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m \
 *   -cp target/test-classes:target/classes:'target/lib/*' dev.cruddur.admin.ui.WindowSoak
 * </pre>
 * A cycle: open a conversation, send a message, scroll it to the top and load older pages, read
 * through the cache and back; the Cache pane's keys, a key's detail, its stale check and chart;
 * the Time pane's conversions and the sort-key lint; the Browser's scan, query, PartiQL and check.
 */
public final class WindowSoak {
    private WindowSoak() {}

    public static void main(String[] args) throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "30"));
        long t0 = System.nanoTime();
        DesktopApp.fewerNettyArenas(); // as DesktopApp.launchWindow does
        DesktopApp.softwarePipelineWithoutGpu();
        DesktopApp.dropClasspathWarning();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        DesktopApp.Settings settings = DesktopApp.Settings.fromEnvironment();
        Stage stage = onFx(Stage::new);
        DesktopApp.Assembled app = onFx(() -> DesktopApp.assemble(stage, settings));
        MainViewModel main = app.main();
        Scene scene = app.window().scene();
        waitFor("connected with conversations", 120, () -> main.stateProperty().get() == WindowSession.State.READY
                && !main.conversations().shown().isEmpty());
        System.out.printf(Locale.ROOT, "window ready after %.1f s; soak for %.0f min%n", (System.nanoTime() - t0) / 1e9, minutes);

        Thread sampler = new Thread(() -> sample(app, t0), "soak-sampler");
        sampler.setDaemon(true);
        sampler.start();

        long end = System.nanoTime() + (long) (minutes * 60e9);
        int cycle = 0;
        while (System.nanoTime() < end) {
            cycle++;
            conversations(app, scene, cycle);
            cache(app, scene, cycle);
            time(app, scene, cycle);
            browser(app, scene, cycle);
        }
        System.out.printf(Locale.ROOT, "done: %d cycles in %.1f min%n", cycle, (System.nanoTime() - t0) / 60e9);
        System.out.println("SOAK_DONE");
        System.out.flush();
        // a last sample for whoever collects a histogram or NMT summary after the end
        Thread.sleep(Long.getLong("soak.linger.ms", 0L));
        runFx(stage::close);
        System.exit(0);
    }

    private static void conversations(DesktopApp.Assembled app, Scene scene, int cycle) throws Exception {
        MainViewModel main = app.main();
        pane(scene, KeyCode.DIGIT1);
        List<Conversation> shown = onFx(() -> List.copyOf(main.conversations().shown()));
        Conversation c = shown.get(cycle % shown.size());
        runFx(() -> {
            main.conversations().selectedProperty().set(null);
            main.conversations().selectedProperty().set(c);
        });
        waitFor("transcript", 30, () -> !main.transcript().loadingProperty().get() && !main.transcript().entries().isEmpty());
        pause(400);
        runFx(() -> main.transcript().textProperty().set("Soak message " + cycle + " at " + Instant.now()));
        runFx(() -> main.transcript().send());
        waitFor("sent", 30, () -> !main.transcript().sendingProperty().get());
        pause(400);
        // scroll to the top as a user would, which asks for older pages while there are some
        for (int i = 0; i < 3; i++) {
            runFx(() -> scene.getRoot().lookupAll(".list-view").forEach(n -> {
                if (n instanceof ListView<?> list && list.getItems().size() > 0) list.scrollTo(0);
            }));
            runFx(() -> {
                if (main.transcript().hasOlderProperty().get()) main.transcript().loadOlder();
            });
            waitFor("older", 30, () -> !main.transcript().loadingOlderProperty().get());
            pause(200);
        }
        runFx(() -> main.transcript().throughCacheProperty().set(cycle % 2 == 0));
        runFx(() -> main.conversations().throughCacheProperty().set(cycle % 3 == 0));
        pause(600);
        if (cycle % 5 == 0) {
            runFx(main::refresh); // F5
            pause(600);
        }
    }

    private static void cache(DesktopApp.Assembled app, Scene scene, int cycle) throws Exception {
        pane(scene, KeyCode.DIGIT2);
        CachePane pane = onFx(() -> (CachePane) app.window().pane("cache"));
        var vm = pane.viewModel();
        runFx(vm::loadKeys);
        waitFor("cache keys", 30, () -> !vm.keysLoadingProperty().get());
        pause(300);
        String key = onFx(() -> vm.keyGroups().isEmpty() || vm.keyGroups().get(0).keys().isEmpty() ? "soak/key"
                : vm.keyGroups().get(cycle % vm.keyGroups().size()).keys().get(0).key());
        runFx(() -> vm.lookUp(key));
        waitFor("cache look-up", 30, () -> !vm.busyProperty().get());
        pause(300);
        runFx(() -> vm.lookUp("soak/counter"));
        pause(200);
        runFx(() -> vm.increment(1));
        waitFor("increment", 30, () -> !vm.busyProperty().get());
        runFx(vm::staleCheck);
        pause(300);
        runFx(vm::refreshStatistics);
        runFx(vm::refreshCaches);
        pause(500);
    }

    private static final List<String> TIMESTAMPS = List.of("2023-03-25T12:34:56.789012+00:00", "1679747696",
            "2023-03-25 12:34:56", "now", "1679747696789", "Sat, 25 Mar 2023 12:34:56 GMT", "2026-12-06T09:00:00Z");

    private static void time(DesktopApp.Assembled app, Scene scene, int cycle) throws Exception {
        pane(scene, KeyCode.DIGIT3);
        TimePane pane = onFx(() -> (TimePane) app.window().pane("time"));
        runFx(pane::showConversion);
        for (int i = 0; i < 3; i++) {
            String value = TIMESTAMPS.get((cycle * 3 + i) % TIMESTAMPS.size());
            runFx(() -> pane.conversion().inputProperty().set(value));
            pause(300);
        }
        if (cycle % 2 == 0) {
            runFx(pane::showLint);
            runFx(() -> pane.lint().lint());
            pause(1200);
        }
    }

    private static void browser(DesktopApp.Assembled app, Scene scene, int cycle) throws Exception {
        pane(scene, KeyCode.DIGIT4);
        BrowserPane pane = onFx(() -> (BrowserPane) app.window().pane("browser"));
        var items = pane.viewModel().items();
        runFx(() -> pane.tabs().getSelectionModel().select(0));
        runFx(() -> {
            items.modeProperty().set(ItemBrowserViewModel.Mode.SCAN);
            items.run();
        });
        waitFor("scan", 30, () -> !items.loadingProperty().get());
        pause(300);
        if (onFx(() -> items.hasMoreProperty().get())) {
            runFx(items::loadMore);
            waitFor("scan more", 30, () -> !items.loadingProperty().get());
        }
        String group = onFx(() -> app.main().conversations().shown().get(0).groupUuid());
        runFx(() -> {
            items.modeProperty().set(ItemBrowserViewModel.Mode.QUERY);
            items.indexProperty().set("");
            items.partitionValueProperty().set(dev.cruddur.admin.domain.TableKeys.MESSAGE_PREFIX + group);
            items.sortOperatorProperty().set(dev.cruddur.admin.app.browse.SortKeyOperator.BEGINS_WITH);
            items.sortValueProperty().set("20");
            items.run();
        });
        waitFor("query", 30, () -> !items.loadingProperty().get());
        pause(300);
        var partiql = pane.viewModel().partiql();
        runFx(() -> pane.tabs().getSelectionModel().select(1));
        runFx(() -> {
            partiql.statementProperty().set(cycle % 2 == 0
                    ? "SELECT * FROM \"cruddur-messages\" WHERE pk = 'MSG#" + group + "'"
                    : "SELECT pk, sk, message FROM \"cruddur-messages\"");
            partiql.run();
        });
        waitFor("partiql", 30, () -> !partiql.loadingProperty().get());
        pause(300);
        if (cycle % 3 == 0) {
            var check = pane.viewModel().check();
            runFx(() -> pane.tabs().getSelectionModel().select(2));
            runFx(check::check);
            pause(1500);
        }
    }

    /** Selects a pane by its shortcut (Ctrl+1…4), as the keyboard would. */
    private static void pane(Scene scene, KeyCode digit) throws Exception {
        runFx(() -> scene.getAccelerators().get(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN)).run());
        pause(300);
    }

    private static void sample(DesktopApp.Assembled app, long t0) {
        System.out.println("SAMPLE min rss_mb heap_used_mb heap_committed_mb metaspace_mb codecache_mb direct_mb mapped_mb threads classes"
                + " | entries conversations items partiqlRows partiqlHistory users");
        var memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        List<BufferPoolMXBean> buffers = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
        while (true) {
            try {
                long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                        .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
                double meta = pools.stream().filter(p -> p.getName().equals("Metaspace")).mapToLong(p -> p.getUsage().getUsed()).sum() / 1048576.0;
                double code = pools.stream().filter(p -> p.getName().startsWith("CodeHeap") || p.getName().equals("CodeCache"))
                        .mapToLong(p -> p.getUsage().getUsed()).sum() / 1048576.0;
                double direct = buffers.stream().filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum() / 1048576.0;
                double mapped = buffers.stream().filter(b -> b.getName().equals("mapped")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum() / 1048576.0;
                var heap = memory.getHeapMemoryUsage();
                String lists = onFx(() -> {
                    MainViewModel m = app.main();
                    BrowserPane b = (BrowserPane) app.window().pane("browser");
                    return m.transcript().entries().size() + " " + m.conversations().loaded().size() + " "
                            + (b == null ? "-" : b.viewModel().items().rows().size() + " " + b.viewModel().partiql().rows().size()
                            + " " + b.viewModel().partiql().history().size()) + " " + m.users().size();
                });
                System.out.printf(Locale.ROOT, "SAMPLE %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %d %d | %s%n",
                        (System.nanoTime() - t0) / 60e9, rssKb / 1024.0, heap.getUsed() / 1048576.0, heap.getCommitted() / 1048576.0,
                        meta, code, direct, mapped, Thread.activeCount(),
                        ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(), lists);
                System.out.flush();
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.out.println("SAMPLE failed: " + e);
            }
        }
    }

    private static void pause(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    private static void runFx(Runnable r) throws Exception {
        onFx(() -> {
            r.run();
            return null;
        });
    }

    private static void waitFor(String what, double seconds, Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (!Boolean.TRUE.equals(onFx(condition::get))) {
            if (System.nanoTime() > deadline) {
                System.out.println("soak: gave up waiting for " + what + " after " + seconds + " s; going on");
                return;
            }
            Thread.sleep(20);
        }
    }
}
