package dev.cruddur.admin.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * dynalite (a DynamoDB look-alike on Node.js, installed under src/test/node by the build) as a child
 * process on a free loopback port: in memory, or on disk with {@link #onDisk(Path)} and restartable
 * on the same directory. Start one per test class; it takes about half a second.
 */
public final class Dynalite implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Optional<Path> dataDir;
    private final Process process;
    private final int port;
    private final List<String> output;

    private Dynalite(Optional<Path> dataDir, Process process, int port, List<String> output) {
        this.dataDir = dataDir;
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** An in-memory dynalite on a free port, ready to serve. */
    public static Dynalite start() { return launch(Optional.empty()); }

    /** A dynalite that keeps its data in {@code dir} (LevelDB files), ready to serve. */
    public static Dynalite onDisk(Path dir) { return launch(Optional.of(dir)); }

    public URI endpoint() { return URI.create("http://127.0.0.1:" + port); }

    public int port() { return port; }

    public boolean isAlive() { return process.isAlive(); }

    /** The node process id (for measuring its CPU time, for example). */
    public long pid() { return process.pid(); }

    /** What dynalite printed so far (for failure messages). */
    public synchronized List<String> output() { return new ArrayList<>(output); }

    /** Stops it politely (SIGTERM) and waits. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    /** Kills it at once (SIGKILL), like a crash. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Kills this process and starts a new one on the same data directory (on a new free port). */
    public Dynalite restart() {
        kill();
        return launch(dataDir);
    }

    @Override public void close() {
        if (process.isAlive()) stop();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static Path installDirectory() {
        String configured = System.getProperty("dynalite.dir");
        Path base = configured != null ? Path.of(configured) : Path.of("src/test/node");
        return base.resolve("node_modules/dynalite");
    }

    private static Dynalite launch(Optional<Path> dataDir) {
        Path cli = installDirectory().resolve("cli.js");
        if (!Files.isRegularFile(cli))
            throw new IllegalStateException("dynalite is not installed at " + cli + " (run: cd src/test/node && npm ci)");
        for (int attempt = 0; ; attempt++) {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
                    "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
            dataDir.ifPresent(d -> {
                command.add("--path");
                command.add(d.toString());
            });
            Process p;
            try {
                dataDir.ifPresent(d -> {
                    try {
                        Files.createDirectories(d);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                p = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start node", e);
            }
            List<String> output = new ArrayList<>();
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (output) {
                            output.add(line);
                        }
                        if (line.contains("Dynalite listening at")) ready.countDown();
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "dynalite-output-" + port);
            reader.setDaemon(true);
            reader.start();
            try {
                if (ready.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) return new Dynalite(dataDir, p, port, output);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            p.destroyForcibly();
            // the port may have been taken between probing and binding: try another, a few times
            if (attempt >= 2) throw new IllegalStateException("dynalite did not start: " + output);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
