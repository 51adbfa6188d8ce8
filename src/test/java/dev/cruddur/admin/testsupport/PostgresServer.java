package dev.cruddur.admin.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL (Debian's {@code postgresql} package) for the tests: one cluster per JVM, made
 * by {@code initdb} in a temp directory and started on a free loopback port, with password
 * authentication (scram) for the superuser {@code postgres}. Postgres refuses to run as root, so
 * under root it runs as {@code nobody} through {@code setpriv}. Stopped when the JVM exits.
 * Where no Postgres is installed the calling test is skipped with a message saying what to install.
 */
public final class PostgresServer {
    public static final String USER = "postgres";
    public static final String PASSWORD = "cruddur-test-password";
    /** A role that logs in from loopback without a password (for the screenshots, whose window reads the real environment). */
    public static final String TRUSTED_USER = "trusted_reader";

    private static PostgresServer shared;
    private static String unavailable;

    private final Path dir;
    private final int port;
    private final Process process;

    private PostgresServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** The JVM's cluster, started on first use (initdb takes a few seconds); skips the test when Postgres cannot run here. */
    public static synchronized PostgresServer shared() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
                PostgresServer s = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
            } catch (Exception e) {
                unavailable = e.getMessage();
            }
        }
        Assumptions.assumeTrue(shared != null, () -> "No PostgreSQL for this test: " + unavailable);
        return shared;
    }

    public int port() {
        return port;
    }

    /** {@code postgresql://postgres@127.0.0.1:PORT/DB} (no password: tests give it through PGPASSWORD or a pgpass file). */
    public String url(String database) {
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + database;
    }

    /** A superuser JDBC connection for setting a test database up. */
    public Connection admin(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "10");
        props.setProperty("socketTimeout", "60");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }

    /** A fresh database of this name (dropped first when it exists). */
    public void createDatabase(String name) throws SQLException {
        try (Connection c = admin("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
            st.execute("CREATE DATABASE \"" + name + "\"");
        }
    }

    /** Cruddur's own schema for {@code public.users} (its backend's db/schema.sql). */
    public void loadCruddurUsersSchema(String database) throws SQLException {
        try (Connection c = admin(database); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
            st.execute("""
                    CREATE TABLE public.users (
                      uuid UUID DEFAULT uuid_generate_v4() PRIMARY KEY,
                      display_name text NOT NULL,
                      handle text NOT NULL,
                      email text NOT NULL,
                      cognito_user_id text NOT NULL,
                      created_at TIMESTAMP default current_timestamp NOT NULL
                    )""");
        }
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) throw new IOException("install Debian's postgresql package (apt-get install postgresql)");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(p -> p.getParent().getFileName().toString(), Comparator.comparingInt(v -> v.matches("\\d+") ? Integer.parseInt(v) : 0)))
                    .orElseThrow(() -> new IOException("no initdb under /usr/lib/postgresql/*/bin"));
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command run as the unprivileged user when this JVM is root. */
    private static List<String> asUnprivileged(List<String> command) {
        if (!root()) return command;
        List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        out.addAll(command);
        return out;
    }

    private static void handToUnprivileged(Path path) throws IOException {
        if (!root()) return;
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, lookup.lookupPrincipalByName("nobody"));
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "cruddur-pg-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        handToUnprivileged(dir);
        Path data = dir.resolve("data");
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
        handToUnprivileged(pwfile);
        run(asUnprivileged(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync")), dir.resolve("initdb.log"), 120);
        Path hba = data.resolve("pg_hba.conf");
        Files.writeString(hba, "host all " + TRUSTED_USER + " 127.0.0.1/32 trust\n" + Files.readString(hba));
        int port = DynaliteServer.freePort();
        ProcessBuilder pb = new ProcessBuilder(asUnprivileged(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + dir,
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "TimeZone=UTC",
                "-c", "shared_buffers=16MB", "-c", "max_connections=30")));
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("postgres.log").toFile());
        pb.environment().put("LC_ALL", "C");
        Process process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("postgres exited: " + tail(dir.resolve("postgres.log")));
            if (accepts(port)) {
                PostgresServer server = new PostgresServer(dir, port, process);
                if (server.answers()) return server;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IOException("postgres did not start within 60 s: " + tail(dir.resolve("postgres.log")));
    }

    private boolean answers() {
        try (Connection c = admin("postgres")) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false; // still starting ("the database system is starting up")
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command, Path log, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish in " + seconds + " s");
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", command) + " failed: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Fast shutdown (SIGINT), then the temp directory goes. */
    private void stop() {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    /** Where the cluster lives (for a test that wants the server's log). */
    public Optional<Path> directory() {
        return Optional.of(dir);
    }
}
