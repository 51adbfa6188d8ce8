package dev.cruddur.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The bin/ddb commands against dynalite: output, JSON shapes and exit codes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineTest {
    private static DynaliteServer dynalite;
    private static final ObjectMapper JSON = new ObjectMapper();

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

    Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint", dynalite.endpoint().toString(), "--table", "cli-test"));
        all.addAll(List.of(args));
        return run(Map.of(), all.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void withoutAnEndpointCommandsUseTheEmbeddedDataWithTheDemoLoaded(@TempDir Path xdg) throws Exception {
        Map<String, String> env = Map.of("XDG_DATA_HOME", xdg.toString());
        Run list = run(env, "list-conversations", "--user", "andrewbrown", "--json");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(JSON.readTree(list.out())).hasSize(2);
        assertThat(run(env, "send", "--from", "londo", "--group", DemoFixture.LONDO_GROUP, "--text", "kept on disk").code()).isZero();
        Run again = run(env, "list-conversations", "--user", "londo", "--json");
        assertThat(JSON.readTree(again.out()).get(0).get("message").asText()).isEqualTo("kept on disk");
        assertThat(run(env, "capabilities").out()).contains("transactions ✓ · streams ✓ · TTL ✓");
        assertThat(Files.exists(xdg.resolve("cruddur-admin/dynamodb"))).isTrue();
        assertThat(run(env, "--embedded", "--aws", "list-tables").code()).isEqualTo(2);
    }

    @Test
    @Order(1)
    void serveRunsTheEndpointsAndOtherCommandsUseIt(@TempDir Path xdg) throws Exception {
        Map<String, String> env = Map.of("XDG_DATA_HOME", xdg.toString());
        StringWriter out = new StringWriter();
        ServeCommand serve = new ServeCommand();
        picocli.CommandLine command = new picocli.CommandLine(serve);
        command.setOut(new PrintWriter(out, true));
        serve.env = env;
        Thread server = new Thread(() -> command.execute("--port", "0"));
        server.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!out.toString().contains("Stop with Ctrl+C") && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(out.toString()).contains("DynamoDB endpoint: http://127.0.0.1:").contains("Created table 'cruddur-messages' with the demo data.")
                .contains("Momento-compatible cache: 127.0.0.1:")
                .contains("rate limits reported, not enforced: 100 ops/s, 1024 KiB/s per cache");
        String url = out.toString().lines().filter(l -> l.startsWith("DynamoDB endpoint: ")).findFirst().orElseThrow()
                .replaceAll("DynamoDB endpoint: (\\S+).*", "$1");
        // a command with no endpoint finds the running server through the data directory
        Run list = run(env, "list-conversations", "--user", "bayko", "--json");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(run(Map.of(), "--endpoint", url, "list-tables").out().lines()).containsExactly("cruddur-messages");
        // the cache serves only the data directory's token, which the cache command finds there
        assertThat(out.toString()).contains("Cache token: in " + xdg.resolve("cruddur-admin").resolve("cache.token"));
        String cachePort = out.toString().lines().filter(l -> l.startsWith("Momento-compatible cache: ")).findFirst().orElseThrow()
                .replaceAll("Momento-compatible cache: 127\\.0\\.0\\.1:(\\d+).*", "$1");
        Run created = run(env, "cache", "--local", "127.0.0.1:" + cachePort, "create-cache", "cruddur");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(run(env, "cache", "set", "k", "v", "--local", "127.0.0.1:" + cachePort).code()).isZero();
        Run refused = run(Map.of("XDG_DATA_HOME", xdg.resolve("elsewhere").toString()), "cache", "--local", "127.0.0.1:" + cachePort, "get", "k");
        assertThat(refused.code()).isEqualTo(1);
        serve.stop.countDown();
        server.join(10_000);
        assertThat(server.isAlive()).isFalse();
        Run unknownLimits = run(env, "serve", "--port", "0", "--cache-limits", "strict");
        assertThat(unknownLimits.code()).isEqualTo(2);
        assertThat(unknownLimits.err()).contains("--cache-limits is reported or service, not 'strict'.");
    }

    @Test
    @Order(2)
    void theEnvironmentEndpointIsUsed() {
        Run r = run(Map.of("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString()), "list-tables");
        assertThat(r.code()).isZero();
    }

    @Test
    @Order(3)
    void aMissingTableIsAFailureInOneLine() {
        Run r = cli("list-conversations", "--user", DemoFixture.ANDREW_BROWN.uuid());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("The table 'cli-test' does not exist on " + dynalite.endpoint()
                + ": create it with schema-load (or name another table with --table).");
    }

    @Test
    @Order(4)
    void schemaLoadSeedAndListConversationsAsJson() throws Exception {
        assertThat(cli("schema-load").out()).startsWith("Created table 'cli-test'");
        assertThat(cli("schema-load").out()).contains("already exists");
        assertThat(cli("list-tables").out().lines()).contains("cli-test");
        assertThat(cli("seed").out()).contains("3 users, 2 conversations, 103 messages");
        Run list = cli("list-conversations", "--user", "andrewbrown", "--json");
        assertThat(list.code()).isZero();
        JsonNode conversations = JSON.readTree(list.out());
        assertThat(conversations).hasSize(2);
        JsonNode first = conversations.get(0);
        assertThat(first.get("message_group_uuid").asText()).isEqualTo(DemoFixture.MAIN_GROUP);
        assertThat(first.get("user_handle").asText()).isEqualTo("bayko");
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("message_group_uuid", "user_uuid", "user_handle", "user_display_name", "message", "last_message_at");
    }

    @Test
    @Order(5)
    void getConversationPrintsOldestToNewestAndAllFollowsEveryPage() throws Exception {
        JsonNode page = JSON.readTree(cli("get-conversation", "--group", DemoFixture.MAIN_GROUP, "--limit", "5", "--json").out());
        assertThat(page).hasSize(5);
        assertThat(page.get(0).get("created_at").asText()).isLessThan(page.get(4).get("created_at").asText());
        JsonNode all = JSON.readTree(cli("get-conversation", "--group", DemoFixture.MAIN_GROUP, "--all", "--json").out());
        assertThat(all).hasSize(100);
        assertThat(all.get(99).get("message_uuid").asText()).isEqualTo(page.get(4).get("message_uuid").asText());
    }

    @Test
    @Order(6)
    void sendAndNewConversation() throws Exception {
        Run sent = cli("send", "--from", "bayko", "--group", DemoFixture.MAIN_GROUP, "--text", "from the CLI", "--json");
        assertThat(sent.code()).isZero();
        assertThat(JSON.readTree(sent.out()).get("repeated").asBoolean()).isFalse();
        JsonNode list = JSON.readTree(cli("list-conversations", "--user", "andrewbrown", "--json").out());
        assertThat(list.get(0).get("message").asText()).isEqualTo("from the CLI");
        Run created = cli("new-conversation", "--from", "londo", "--to", "@bayko", "--text", "Hello", "--json");
        assertThat(created.code()).isZero();
        String group = JSON.readTree(created.out()).get("message_group_uuid").asText();
        Run again = cli("new-conversation", "--from", "bayko", "--to", "londo", "--text", "Hi back", "--json");
        assertThat(JSON.readTree(again.out()).get("message_group_uuid").asText()).isEqualTo(group);
    }

    @Test
    @Order(7)
    void badInputExitsTwoWithTheReason() {
        Run empty = cli("send", "--from", "bayko", "--group", DemoFixture.MAIN_GROUP, "--text", "  ");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("The message is empty");
        Run stranger = cli("send", "--from", "londo", "--group", DemoFixture.MAIN_GROUP, "--text", "hi");
        assertThat(stranger.code()).isEqualTo(2);
        assertThat(stranger.err().strip()).isEqualTo("@londo is not in this conversation.");
        Run nobody = cli("list-conversations", "--user", "nobody");
        assertThat(nobody.code()).isEqualTo(2);
        assertThat(nobody.err()).contains("No user 'nobody'");
        Run badUrl = run(Map.of(), "--endpoint", "not a url", "list-tables");
        assertThat(badUrl.code()).isEqualTo(2);
        assertThat(badUrl.err()).contains("is not an endpoint URL");
        assertThat(cli("drop", "--confirm", "wrong").code()).isEqualTo(2);
        assertThat(cli("list-tables").out().lines()).contains("cli-test");
    }

    @Test
    @Order(8)
    void scanAndDrop() throws Exception {
        Run scan = cli("scan", "--limit", "3");
        assertThat(scan.out().lines()).hasSize(3);
        assertThat(JSON.readTree(scan.out().lines().findFirst().orElseThrow()).has("pk")).isTrue();
        Run drop = cli("drop", "--confirm", "cli-test");
        assertThat(drop.code()).isZero();
        assertThat(cli("list-tables").out().lines()).doesNotContain("cli-test");
    }

    @Test
    @Order(9)
    void anEndpointThatIsDownIsAFailure() {
        Run r = run(Map.of(), "--endpoint", "http://127.0.0.1:" + DynaliteServer.freePort(), "list-tables");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Cannot reach the endpoint").doesNotContain("Exception");
    }
}
