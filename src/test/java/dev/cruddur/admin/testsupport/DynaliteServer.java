package dev.cruddur.admin.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
 * dynalite 4.0.0, the tests' real DynamoDB-API server, run as a child process on a free loopback
 * port. The Maven build installs it with {@code npm ci} under {@code src/test/node}.
 */
public final class DynaliteServer implements AutoCloseable {
    private final Optional<Path> dataDir;
    private final long createTableMs;
    private int port;
    private Process process;

    private DynaliteServer(Optional<Path> dataDir) {
        this(dataDir, 0);
    }

    private DynaliteServer(Optional<Path> dataDir, long createTableMs) {
        this.dataDir = dataDir;
        this.createTableMs = createTableMs;
    }

    /** An in-memory dynalite on a free port. */
    public static DynaliteServer start() {
        DynaliteServer server = new DynaliteServer(Optional.empty());
        server.launch(freePort());
        return server;
    }

    /** An in-memory dynalite whose new tables stay CREATING for this long (its --createTableMs). */
    public static DynaliteServer startWithCreateDelay(long createTableMs) {
        DynaliteServer server = new DynaliteServer(Optional.empty(), createTableMs);
        server.launch(freePort());
        return server;
    }

    /** A dynalite keeping its data in {@code dir} (LevelDB), so it can be killed and restarted on it. */
    public static DynaliteServer startOnDisk(Path dir) {
        DynaliteServer server = new DynaliteServer(Optional.of(dir));
        server.launch(freePort());
        return server;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The node process's id, for the benchmark's CPU accounting. */
    public long pid() {
        return process.pid();
    }

    /** Kills the process at once, as a crash would (SIGKILL). */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts again on the same port (and the same data directory, if any). */
    public void restart() {
        kill();
        launch(port);
    }

    @Override
    public void close() {
        kill();
    }

    private void launch(int onPort) {
        Path home = Path.of(System.getProperty("dynalite.dir", "src/test/node"));
        Path cli = home.resolve("node_modules/dynalite/cli.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException("dynalite is not installed at " + cli + ": run 'npm ci' in " + home
                    + " (the Maven build does it in generate-test-resources)");
        }
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1", "--port", String.valueOf(onPort),
                "--createTableMs", Long.toString(createTableMs), "--deleteTableMs", "0", "--updateTableMs", "0"));
        dataDir.ifPresent(d -> {
            command.add("--path");
            command.add(d.toString());
        });
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                CountDownLatch ready = new CountDownLatch(1);
                Thread reader = new Thread(() -> {
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            if (line.contains("listening")) ready.countDown();
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                }, "dynalite-output");
                reader.setDaemon(true);
                reader.start();
                if (ready.await(15, TimeUnit.SECONDS)) {
                    process = p;
                    port = onPort;
                    return;
                }
                p.destroyForcibly();
                // the port may still be held by a killed predecessor (LevelDB lock or socket): wait and retry
                Thread.sleep(250);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start node for dynalite: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("dynalite did not start on port " + onPort);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
