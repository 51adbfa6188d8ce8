package dev.cruddur.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's start drops JavaFX's classpath warning and nothing else JavaFX logs: the filter
 * itself, and the real start (the jar's {@code Launcher} with no arguments, in its own JVM with
 * JavaFX on the classpath as under {@code java -jar}) up to the conversations drawn, beside a
 * bare toolkit start in the same kind of JVM, which does print the warning (so the check can fail).
 */
class ClasspathWarningTest {
    private static final String WARNING = "Unsupported JavaFX configuration";

    @TempDir
    Path home;

    @Test
    void onlyTheUnsupportedConfigurationRecordIsDropped() {
        DesktopApp.dropClasspathWarning();
        var filter = Logger.getLogger("javafx").getFilter();
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'"))).isFalse();
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING, "Could not parse stylesheet"))).isTrue();
    }

    @Test
    @Timeout(240)
    void theRealStartToTheConversationsPrintsNoUnsupportedConfigurationWarning() throws Exception {
        String bare = run(BareToolkit.class.getName());
        assertThat(bare).as("a toolkit started without the filter warns (the check below can fail)").contains(WARNING);

        // the training run starts as the app does, waits for the conversations drawn, walks the panes and quits
        String start = run("-Dcruddur.timeline=true", "-Dcruddur.training=true", dev.cruddur.admin.Launcher.class.getName());
        assertThat(start).as("the start reached the conversations").contains("toolkit started", "conversations drawn");
        assertThat(start).doesNotContain(WARNING);
    }

    /** Starts the toolkit and ends: what any JavaFX app on the classpath does first. */
    public static final class BareToolkit {
        public static void main(String[] args) throws Exception {
            java.util.concurrent.CountDownLatch up = new java.util.concurrent.CountDownLatch(1);
            javafx.application.Platform.startup(up::countDown);
            up.await(60, TimeUnit.SECONDS);
            javafx.application.Platform.exit();
            System.exit(0);
        }
    }

    /** Runs {@code args} in a JVM of the test classpath under headless Monocle; its output (stdout and stderr). */
    private String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dcruddur.config.home=" + home));
        command.addAll(List.of(args));
        Path out = home.resolve("out-" + System.nanoTime() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
