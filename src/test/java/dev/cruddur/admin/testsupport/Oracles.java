package dev.cruddur.admin.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real software as the oracle: luxon (from npm, under {@code src/test/node}) run by Node, and
 * psycopg 3 (Debian's {@code python3-psycopg}) run by Debian's {@code /usr/bin/python3}. Each call
 * runs one short script over a whole batch (JSON in on stdin, JSON out on stdout), bounded in time.
 */
public final class Oracles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NODE_HOME = Path.of(System.getProperty("dynalite.dir", "src/test/node"));
    private static final String PYTHON = "/usr/bin/python3";

    private Oracles() {}

    /** Runs {@code script} (JavaScript) with luxon resolvable; {@code input} is given as JSON on stdin. */
    public static JsonNode luxon(String script, Object input) {
        Assumptions.assumeTrue(Files.isDirectory(NODE_HOME.resolve("node_modules/luxon")),
                "luxon is not installed under " + NODE_HOME + ": run npm ci there (the Maven build does)");
        String prelude = "const { DateTime, Settings } = require(" + JSON.valueToTree(NODE_HOME.resolve("node_modules/luxon").toAbsolutePath().toString())
                + ");\nconst input = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n";
        return run(List.of("node", "-e", prelude + script), input, "node");
    }

    /** Runs {@code script} (Python) with psycopg importable; {@code input} is the JSON on stdin, bound to {@code input}. */
    public static JsonNode python(String script, Object input) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no " + PYTHON);
        String prelude = "import sys, json, datetime, zoneinfo\ninput = json.load(sys.stdin)\n";
        return run(List.of(PYTHON, "-c", prelude + script), input, "python3");
    }

    /** True when Debian's python3-psycopg is importable; tests that need it are skipped with the reason otherwise. */
    public static void assumePsycopg() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import psycopg").redirectErrorStream(true).start();
            boolean done = p.waitFor(30, TimeUnit.SECONDS);
            Assumptions.assumeTrue(done && p.exitValue() == 0, "psycopg 3 is not importable by " + PYTHON + ": apt-get install python3-psycopg");
        } catch (IOException | InterruptedException e) {
            Assumptions.abort("no " + PYTHON + ": " + e.getMessage());
        }
    }

    private static JsonNode run(List<String> command, Object input, String name) {
        try {
            Process p = new ProcessBuilder(command).start();
            try (var in = p.getOutputStream()) {
                in.write(JSON.writeValueAsBytes(input));
            }
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(name + " did not finish in 60 s");
            }
            if (p.exitValue() != 0) throw new IllegalStateException(name + " failed: " + err);
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
