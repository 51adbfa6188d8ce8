package dev.cruddur.admin.ui;

import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.domain.Conversation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ListCell;

/**
 * One cold start, run in its own JVM by {@link UiBenchmark}: from JVM start to the first
 * conversation cell laid out with demo data. Prints {@code COLD_START_MS=n}.
 */
public final class ColdStart {
    private ColdStart() {}

    private static void mark(String what) {
        if (Boolean.getBoolean("cruddur.timeline")) {
            System.out.println("  " + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms " + what);
        }
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        mark("main");
        Thread preload = new Thread(dev.cruddur.admin.app.DirectMessages::preload, "cruddur-preload");
        preload.setDaemon(true);
        preload.start(); // as DesktopApp.launchWindow does
        FxHarness.startHeadless();
        mark("toolkit started");
        java.util.concurrent.CompletableFuture<Long> drawn = new java.util.concurrent.CompletableFuture<>();
        var config = Files.createTempDirectory("cruddur-cold");
        FxHarness.runFx(() -> {
            var stage = new javafx.stage.Stage();
            var app = DesktopApp.assemble(stage, new DesktopApp.Settings(config,
                    Optional.of(ConnectionProfile.local("Bench", endpoint, "cruddur-messages")), Optional.empty(),
                    Clock.systemUTC(), ZoneId.systemDefault(), false, 1200, 760));
            var scene = app.window().scene();
            mark("window shown");
            app.main().stateProperty().addListener((o, a, st) -> mark("state " + st));
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                for (Node n : scene.getRoot().lookupAll(".conversation-cell")) {
                    if (n instanceof ListCell<?> cell && cell.getItem() instanceof Conversation && n.isVisible()) {
                        scene.removePostLayoutPulseListener(check[0]);
                        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
                        System.out.println("COLD_START_CPU_MS=" + cpu / 1_000_000);
                        drawn.complete(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
                        return;
                    }
                }
            };
            scene.addPostLayoutPulseListener(check[0]);
        });
        long ms = drawn.get(60, java.util.concurrent.TimeUnit.SECONDS);
        System.out.println("COLD_START_MS=" + ms);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
