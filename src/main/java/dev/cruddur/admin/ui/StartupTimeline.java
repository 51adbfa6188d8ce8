package dev.cruddur.admin.ui;

import dev.cruddur.admin.domain.Conversation;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Where start-up time goes, measured from the process's start (so the packaged app's launcher
 * counts too), printed on stderr only when asked for with {@code -Dcruddur.timeline=true}:
 * the jar and the packaged app are timed the same way, to the conversation list drawn.
 * {@code -Dcruddur.training=true} is the class-data-sharing training run of packaging/build.sh:
 * once the conversations are drawn it shows every pane once (so their classes are archived too)
 * and quits, which writes the archive.
 */
final class StartupTimeline {
    static final boolean PRINT = Boolean.getBoolean("cruddur.timeline");
    static final boolean TRAINING = Boolean.getBoolean("cruddur.training");

    private StartupTimeline() {}

    static void mark(String what) {
        if (PRINT) {
            // CPU time beside the wall clock: steadier when other work shares the cores
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            System.err.printf(Locale.ROOT, "startup: %5d ms  %s  (CPU %d ms)%n", sinceProcessStart(), what, cpu);
        }
    }

    /**
     * Which threads the CPU went to until the conversations were drawn, the JVM's own (compiler,
     * collector) included, from /proc/self/task (10 ms ticks; a thread that has ended, such as
     * the preload thread, printed its own when it ended): read once the mark is taken, so the
     * reading itself is not counted.
     */
    private static void printThreadsCpu() {
        java.util.Map<String, Long> byName = new java.util.TreeMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                String stat = java.nio.file.Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                byName.merge(name, cpuTicksOf(stat) * 10, Long::sum);
            }
        } catch (java.io.IOException | RuntimeException notLinux) {
            return;
        }
        byName.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.err.printf(Locale.ROOT, "startup:   thread %-16s %5d ms%n", e.getKey(), e.getValue()));
    }

    /** utime + stime of a /proc stat line, in clock ticks (fields 14 and 15). */
    private static long cpuTicksOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** As {@link #mark}, with the calling thread's own CPU time (for a thread about to end). */
    static void markThreadEnd(String what) {
        if (!PRINT) return;
        long ms;
        try {
            ms = cpuTicksOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/stat"))) * 10;
        } catch (java.io.IOException | RuntimeException notLinux) {
            ms = -1;
        }
        mark(what + " (thread " + Thread.currentThread().getName() + ": CPU " + ms + " ms)");
    }

    /**
     * From /proc: the system's uptime less the process's start in clock ticks, both to 10 ms.
     * ProcessHandle's start instant adds the boot time, which Linux gives in whole seconds, so
     * every figure taken that way was off by the same fraction of a second (up to 1 s).
     */
    private static long sinceProcessStart() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]); // field 22 of stat, counted after the name
            String uptime = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")).split(" ")[0];
            return Math.round(Double.parseDouble(uptime) * 1000) - startTicks * 10; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException notLinux) {
            Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            return Duration.between(start, Instant.now()).toMillis();
        }
    }

    /** Marks the first frame and the first conversation drawn; in a training run, then walks the panes and quits. */
    static void follow(Scene scene, MainWindow window, MainViewModel main) {
        if (!PRINT && !TRAINING) return;
        main.stateProperty().addListener((o, was, now) -> mark("connection " + now));
        Runnable[] check = new Runnable[1];
        boolean[] framed = {false};
        check[0] = () -> {
            if (!framed[0]) {
                framed[0] = true;
                mark("first frame laid out");
            }
            for (Node n : scene.getRoot().lookupAll(".conversation-cell")) {
                if (n instanceof ListCell<?> cell && cell.getItem() instanceof Conversation && n.isVisible()) {
                    scene.removePostLayoutPulseListener(check[0]);
                    mark("conversations drawn");
                    if (PRINT) printThreadsCpu();
                    if (TRAINING) afterThisPulse(() -> walkPanesAndQuit(scene, window, 2));
                    return;
                }
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
    }

    private static void walkPanesAndQuit(Scene scene, MainWindow window, int pane) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        if (pane > digits.length) {
            scene.getAccelerators().get(new KeyCodeCombination(digits[0], KeyCombination.SHORTCUT_DOWN)).run();
            mark("training run done");
            window.quit();
            return;
        }
        Runnable select = scene.getAccelerators().get(new KeyCodeCombination(digits[pane - 1], KeyCombination.SHORTCUT_DOWN));
        if (select != null) select.run();
        // a pulse between panes, so each is laid out and drawn (its skins' classes load) before the next
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                afterThisPulse(() -> walkPanesAndQuit(scene, window, pane + 1));
            }
        });
    }

    /** Runs {@code next} on the FX thread once the pulse in progress is over (not inside its listeners). */
    private static void afterThisPulse(Runnable next) {
        PauseTransition later = new PauseTransition(javafx.util.Duration.millis(1));
        later.setOnFinished(e -> next.run());
        later.play();
    }
}
