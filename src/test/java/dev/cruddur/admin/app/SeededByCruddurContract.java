package dev.cruddur.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.cli.CruddurCommand;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.testsupport.CruddurSeedScript;
import dev.cruddur.admin.testsupport.DynamoClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A table seeded as Cruddur's own {@code bin/ddb/seed} seeds it (its users' uuids come from Cruddur's
 * Postgres, not the demo's): the commands find Cruddur's users, never the demo's, and write nothing
 * for a user the table does not name.
 */
abstract class SeededByCruddurContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    protected abstract URI endpoint();

    record Run(int code, String out, String err) {}

    private String table;
    private CruddurSeedScript seed;

    @BeforeEach
    void seedAsCruddurDoes() {
        table = "seeded-" + UUID.randomUUID().toString().substring(0, 8);
        Run load = cli("schema-load");
        assertThat(load.code()).as(load.err()).isZero();
        seed = new CruddurSeedScript(20);
        try (DynamoDbClient client = DynamoClients.dynamo(endpoint())) {
            seed.writeInto(client, table);
        }
    }

    Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint", endpoint().toString(), "--table", table));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CruddurCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Run(code, out.toString(), err.toString());
    }

    private JsonNode json(Run run) throws Exception {
        assertThat(run.code()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void listConversationsByHandleFindsCruddursOwnUser() throws Exception {
        JsonNode list = json(cli("list-conversations", "--user", "andrewbrown", "--json"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("message_group_uuid").asText()).isEqualTo(CruddurSeedScript.GROUP);
        assertThat(list.get(0).get("user_uuid").asText()).isEqualTo(seed.bayko.uuid());
        assertThat(json(cli("list-conversations", "--user", "@BAYKO", "--json")).get(0).get("user_uuid").asText())
                .isEqualTo(seed.andrew.uuid());
    }

    @Test
    void sendByHandleSendsAsCruddursUserIntoTheirConversation() throws Exception {
        JsonNode sent = json(cli("send", "--from", "bayko", "--group", CruddurSeedScript.GROUP, "--text", "Hello from the seed's bayko", "--json"));
        assertThat(sent.get("user_uuid").asText()).isEqualTo(seed.bayko.uuid());
        JsonNode list = json(cli("list-conversations", "--user", "andrewbrown", "--json"));
        assertThat(list.get(0).get("message").asText()).isEqualTo("Hello from the seed's bayko");
    }

    @Test
    void newConversationWithTheUserTheyShareUsesTheirConversation() throws Exception {
        JsonNode sent = json(cli("new-conversation", "--from", "bayko", "--to", "andrewbrown", "--text", "Same thread", "--json"));
        assertThat(sent.get("message_group_uuid").asText()).isEqualTo(CruddurSeedScript.GROUP);
        assertThat(json(cli("list-conversations", "--user", "bayko", "--json"))).hasSize(1);
    }

    @Test
    void aHandleTheTableDoesNotNameIsRefusedAndNothingIsWritten() throws Exception {
        Run londo = cli("new-conversation", "--from", "bayko", "--to", "londo", "--text", "Who?");
        assertThat(londo.code()).isEqualTo(2);
        assertThat(londo.err()).contains("No user 'londo'");
        String everything = cli("scan", "--limit", "1000").out();
        for (var demo : DemoFixture.USERS) assertThat(everything).doesNotContain(demo.uuid());
        assertThat(json(cli("list-conversations", "--user", "bayko", "--json"))).hasSize(1);
    }

    @Test
    void aHandleNamingTwoUuidsIsRefusedWithBothListed() {
        // the demo's users where the demo was loaded too: a conversation of theirs beside Cruddur's own
        var demoAndrew = new CruddurSeedScript.SeedUser(DemoFixture.ANDREW_BROWN.uuid(), "andrewbrown", "Andrew Brown");
        var demoBayko = new CruddurSeedScript.SeedUser(DemoFixture.ANDREW_BAYKO.uuid(), "bayko", "Andrew Bayko");
        var demoLondo = new CruddurSeedScript.SeedUser(DemoFixture.LONDO.uuid(), "londo", "Londo Mollari");
        try (DynamoDbClient client = DynamoClients.dynamo(endpoint())) {
            String other = UUID.randomUUID().toString();
            CruddurSeedScript.putGroupRow(client, table, other, demoLondo, demoAndrew, "2026-01-01T00:00:00.000000+00:00");
            CruddurSeedScript.putGroupRow(client, table, other, demoAndrew, demoLondo, "2026-01-01T00:00:00.000000+00:00");
            String third = UUID.randomUUID().toString();
            CruddurSeedScript.putGroupRow(client, table, third, demoLondo, demoBayko, "2026-01-02T00:00:00.000000+00:00");
            CruddurSeedScript.putGroupRow(client, table, third, demoBayko, demoLondo, "2026-01-02T00:00:00.000000+00:00");
        }
        Run which = cli("list-conversations", "--user", "andrewbrown");
        assertThat(which.code()).isEqualTo(2);
        assertThat(which.err()).contains(seed.andrew.uuid()).contains(DemoFixture.ANDREW_BROWN.uuid());
        Run send = cli("send", "--from", "bayko", "--group", CruddurSeedScript.GROUP, "--text", "guess");
        assertThat(send.code()).isEqualTo(2);
        assertThat(send.err()).contains(seed.bayko.uuid()).contains(DemoFixture.ANDREW_BAYKO.uuid());
        // the uuid is never ambiguous
        assertThat(cli("list-conversations", "--user", seed.andrew.uuid()).code()).isZero();
        // the demo's own user, londo, exists now that the demo is loaded
        assertThat(cli("list-conversations", "--user", "londo").code()).isZero();
    }
}
