package dev.cruddur.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line does with a dropped table, a table name that does not exist, a bad endpoint URL and a
 * bad uuid: in process, on the embedded engine in a temporary data directory and on dynalite; exit codes,
 * the one line on stderr, and that nothing was created.
 */
class CommandLineInputTest {
    private static DynaliteServer dynalite;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.start();
    }

    @AfterAll
    static void stop() {
        dynalite.close();
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CruddurCommand.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertOnePlainLine(Run r) {
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aDroppedTableStaysDroppedAndTheDemoIsSeededOnlyOnTheFirstStart(@TempDir Path xdg) {
        Map<String, String> env = Map.of("XDG_DATA_HOME", xdg.toString());
        Run drop = run(env, "drop", "--confirm", "cruddur-messages");
        assertThat(drop.code()).as(drop.err()).isZero();
        assertThat(Files.exists(xdg.resolve("cruddur-admin/demo-seeded"))).isTrue();
        Run tables = run(env, "list-tables");
        assertThat(tables.code()).as(tables.err()).isZero();
        assertThat(tables.out().strip()).isEmpty();
        Run list = run(env, "list-conversations", "--user", "andrewbrown");
        assertThat(list.code()).isEqualTo(1);
        assertThat(list.err()).contains("'cruddur-messages' does not exist").contains("schema-load");
        assertOnePlainLine(list);
        assertThat(run(env, "list-tables").out().strip()).isEmpty();
        // schema-load brings back an empty table: the demo is not loaded again behind the user's back
        assertThat(run(env, "schema-load").code()).isZero();
        assertThat(run(env, "scan").out().strip()).isEmpty();
    }

    @Test
    void aMissingTableOnTheEmbeddedDataIsSaidAndNothingIsCreated(@TempDir Path xdg) {
        Map<String, String> env = Map.of("XDG_DATA_HOME", xdg.toString());
        String[][] commands = {
                {"--table", "typo-name", "scan"},
                {"--table", "typo-name", "list-conversations", "--user", "andrewbrown"},
                {"--table", "typo-name", "get-conversation", "--group", DemoFixture.MAIN_GROUP},
                {"--table", "typo-name", "send", "--from", "bayko", "--group", DemoFixture.MAIN_GROUP, "--text", "hi"},
                {"--table", "typo-name", "check"},
                {"--table", "typo-name", "export", "--format", "jsonl", "--out", xdg.resolve("out.jsonl").toString()},
        };
        for (String[] command : commands) {
            Run r = run(env, command);
            assertThat(r.code()).as(String.join(" ", command) + ": " + r.err()).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", command)).contains("The table 'typo-name' does not exist").contains("schema-load");
            assertOnePlainLine(r);
        }
        // the typo filled nothing, and did not take the data's first start: the default table gets the demo now
        Run tables = run(env, "list-tables");
        assertThat(tables.out().lines()).containsExactly("cruddur-messages");
        assertThat(Files.exists(xdg.resolve("out.jsonl"))).isFalse();
    }

    @Test
    void aMissingTableOnAnEndpointIsSaidAndNothingIsCreated() {
        String endpoint = dynalite.endpoint().toString();
        for (String[] command : new String[][]{{"scan"}, {"list-conversations", "--user", "andrewbrown"},
                {"send", "--from", "bayko", "--group", DemoFixture.MAIN_GROUP, "--text", "hi"}}) {
            String[] args = new String[command.length + 4];
            System.arraycopy(new String[]{"--endpoint", endpoint, "--table", "typo-name"}, 0, args, 0, 4);
            System.arraycopy(command, 0, args, 4, command.length);
            Run r = run(Map.of(), args);
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.err().strip()).isEqualTo("The table 'typo-name' does not exist on " + endpoint
                    + ": create it with schema-load (or name another table with --table).");
        }
        assertThat(run(Map.of(), "--endpoint", endpoint, "list-tables").out().lines()).doesNotContain("typo-name");
    }

    @Test
    void endpointsWithBadPortsOrMalformedUrlsAreBadInput(@TempDir Path xdg) {
        Map<String, String> env = Map.of("XDG_DATA_HOME", xdg.toString());
        for (String url : new String[]{"http://127.0.0.1:99999", "http://127.0.0.1:65536", "http://127.0.0.1:0", "http://127.0.0.1:-1",
                "http://127.0.0.1:99999999999", "http://:8000", "127.0.0.1:8000", "http//127.0.0.1:8000", "ftp://127.0.0.1:8000",
                "http://127.0.0.1:80a0", "http://[::1", "not a url"}) {
            Run r = run(env, "--endpoint", url, "list-tables");
            assertThat(r.code()).as(url + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(url).contains("'" + url + "'");
            assertOnePlainLine(r);
        }
        assertThat(run(env, "--endpoint", "http://127.0.0.1:99999", "list-tables").err()).contains("port 99999").contains("between 1 and 65535");
        Run fromEnv = run(Map.of("XDG_DATA_HOME", xdg.toString(), "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:99999"), "list-tables");
        assertThat(fromEnv.code()).isEqualTo(2);
        // the highest port is a port: it is only unreachable here
        Run highest = run(env, "--endpoint", "http://127.0.0.1:65535", "list-tables");
        assertThat(highest.code()).as(highest.err()).isEqualTo(1);
        assertThat(Files.exists(xdg.resolve("cruddur-admin"))).isFalse();
    }

    @Test
    void uuidOptionsThatAreNotUuidsAreBadInputBeforeAnythingIsOpened(@TempDir Path xdg) {
        Map<String, String> env = Map.of("XDG_DATA_HOME", xdg.toString());
        for (String[] command : new String[][]{{"get-conversation", "--group", "not-a-uuid"},
                {"get-conversation", "--group", DemoFixture.MAIN_GROUP + "0"}, {"get-conversation", "--group", ""},
                {"send", "--from", "bayko", "--group", "not-a-uuid", "--text", "hi"}}) {
            Run r = run(env, command);
            assertThat(r.code()).as(String.join(" ", command) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--group must be a uuid");
            assertOnePlainLine(r);
        }
        assertThat(Files.exists(xdg.resolve("cruddur-admin"))).isFalse();
        Run fine = run(env, "get-conversation", "--group", DemoFixture.MAIN_GROUP.toUpperCase(), "--limit", "1");
        assertThat(fine.code()).as(fine.err()).isZero();
    }
}
