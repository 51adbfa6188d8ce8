package dev.cruddur.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.cli.CruddurCommand;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.testsupport.CruddurSeedScript;
import dev.cruddur.admin.testsupport.DynamoClients;
import dev.cruddur.admin.testsupport.PostgresServer;
import dev.cruddur.admin.users.CruddurUsers;
import dev.cruddur.admin.users.PostgresTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * With Cruddur's Postgres (a real PostgreSQL, Cruddur's users schema, a few thousand users) beside
 * a table seeded as Cruddur seeds it: every user can be found, and a conversation with a user who
 * has no rows yet is started as Cruddur's backend starts it (both users looked up in Postgres).
 */
@Timeout(180)
class UsersFromPostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedDynamo engine;
    private static PostgresServer pg;
    private static final CruddurSeedScript SEED = new CruddurSeedScript(10);
    private static final Map<String, String> ENV = Map.of("PGPASSWORD", PostgresServer.PASSWORD);
    private String table;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresServer.shared();
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        pg.createDatabase("cruddur");
        pg.loadCruddurUsersSchema("cruddur");
        try (Connection c = pg.admin("cruddur")) {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO public.users (uuid, display_name, handle, email, cognito_user_id) VALUES (?::uuid, ?, ?, ?, 'MOCK')")) {
                for (var u : List.of(SEED.andrew, SEED.bayko)) {
                    st.setString(1, u.uuid());
                    st.setString(2, u.displayName());
                    st.setString(3, u.handle());
                    st.setString(4, u.handle() + "@exampro.co");
                    st.addBatch();
                }
                st.executeBatch();
            }
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO public.users (display_name, handle, email, cognito_user_id) VALUES "
                        + "('Londo Mollari', 'londo', 'lmollari@centari.com', 'MOCK'), ('Vir Cotto', 'vir', 'vir@centari.com', 'MOCK'),"
                        + "('Vir Again', 'VIR', 'vir2@centari.com', 'MOCK')");
                st.execute("INSERT INTO public.users (display_name, handle, email, cognito_user_id) "
                        + "SELECT 'Generated ' || i, 'user' || i, 'u' || i || '@example.com', 'c' || i FROM generate_series(1, 3000) i");
            }
        }
    }

    @AfterAll
    static void stop() {
        if (engine != null) engine.close();
    }

    @BeforeEach
    void seedAsCruddurDoes() {
        table = "pg-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(cli("schema-load").code()).isZero();
        try (DynamoDbClient client = DynamoClients.dynamo(engine.endpoint())) {
            SEED.writeInto(client, table);
        }
    }

    record Run(int code, String out, String err) {}

    Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint", engine.endpoint().toString(), "--table", table,
                "--postgres", pg.url("cruddur")));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CruddurCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), ENV);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aConversationWithAUserWhoHasNoRowsIsStartedWithTheirPostgresNames() throws Exception {
        Run started = cli("new-conversation", "--from", "bayko", "--to", "@londo", "--text", "Welcome, ambassador", "--json");
        assertThat(started.code()).as(started.err()).isZero();
        JsonNode sent = JSON.readTree(started.out());
        assertThat(sent.get("user_uuid").asText()).isEqualTo(SEED.bayko.uuid());
        String group = sent.get("message_group_uuid").asText();
        assertThat(group).isNotEqualTo(CruddurSeedScript.GROUP);
        JsonNode baykos = JSON.readTree(cli("list-conversations", "--user", "bayko", "--json").out());
        assertThat(baykos).hasSize(2);
        assertThat(baykos.get(0).get("user_handle").asText()).isEqualTo("londo");
        assertThat(baykos.get(0).get("user_display_name").asText()).isEqualTo("Londo Mollari");
        JsonNode londos = JSON.readTree(cli("list-conversations", "--user", "londo", "--json").out());
        assertThat(londos.get(0).get("user_uuid").asText()).isEqualTo(SEED.bayko.uuid());
        assertThat(londos.get(0).get("message_group_uuid").asText()).isEqualTo(group);
    }

    @Test
    void aHandleOfTwoPostgresUsersIsRefusedWithBoth() {
        Run vir = cli("new-conversation", "--from", "bayko", "--to", "vir", "--text", "Which one?");
        assertThat(vir.code()).isEqualTo(2);
        assertThat(vir.err()).contains("'vir' names 2 users").contains("Vir Cotto").contains("Vir Again");
    }

    @Test
    void searchCoversEveryPostgresUserAPageAtATime() {
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(engine.endpoint(), table))) {
            assertThat(dm.searchUsers("londo", Optional.empty(), 20).items()).isEmpty(); // the table alone does not name londo
            dm.attachUsers(new CruddurUsers(PostgresTarget.parseUrl(pg.url("cruddur"), ENV, false, false)));
            assertThat(dm.searchUsers("centari.com", Optional.empty(), 20).items()).extracting(User::handle)
                    .containsExactlyInAnyOrder("londo", "vir", "VIR");
            int seen = 0;
            Optional<String> cursor = Optional.empty();
            do {
                Page<User> page = dm.searchUsers("", cursor, 1000);
                seen += page.items().size();
                cursor = page.nextCursor();
            } while (cursor.isPresent());
            assertThat(seen).isEqualTo(3005);
        }
    }

    @Test
    void anUnreachablePostgresIsSaidPlainlyAndWritesNothing() {
        Run run = CruddurCommandRun.run(engine.endpoint().toString(), table, "postgresql://postgres@127.0.0.1:"
                + dev.cruddur.admin.testsupport.DynaliteServer.freePort() + "/cruddur");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("Cannot reach Postgres at 127.0.0.1:").contains("connection refused");
        assertThat(cli("list-conversations", "--user", "bayko", "--json").out()).doesNotContain("londo");
    }

    /** new-conversation to londo with an unreachable Postgres. */
    private static final class CruddurCommandRun {
        static Run run(String endpoint, String table, String postgres) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = CruddurCommand.run(new String[] {"--endpoint", endpoint, "--table", table, "--postgres", postgres,
                    "new-conversation", "--from", "bayko", "--to", "londo", "--text", "x"}, new PrintWriter(out), new PrintWriter(err), ENV);
            return new Run(code, out.toString(), err.toString());
        }
    }
}
