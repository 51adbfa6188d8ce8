package dev.cruddur.admin.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.testsupport.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Cruddur's users in a real PostgreSQL with Cruddur's schema and a few thousand users. */
@Timeout(120)
class CruddurUsersTest {
    static final int GENERATED = 3000;
    private static PostgresServer pg;

    @BeforeAll
    static void cruddurDatabase() throws Exception {
        pg = PostgresServer.shared();
        pg.createDatabase("cruddur_users");
        pg.loadCruddurUsersSchema("cruddur_users");
        try (Connection c = pg.admin("cruddur_users"); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO public.users (display_name, handle, email, cognito_user_id) VALUES
                      ('Andrew Brown', 'andrewbrown', 'andrew@exampro.co', 'MOCK'),
                      ('Andrew Bayko', 'bayko', 'bayko@exampro.co', 'MOCK'),
                      ('Londo Mollari', 'londo', 'lmollari@centari.com', 'MOCK'),
                      ('Second Londo', 'Londo', 'other@centari.com', 'MOCK')""");
            st.execute("INSERT INTO public.users (display_name, handle, email, cognito_user_id) "
                    + "SELECT 'Generated ' || i, 'user' || lpad(i::text, 5, '0'), 'u' || i || '@example.com', 'c' || i "
                    + "FROM generate_series(1, " + GENERATED + ") i");
        }
    }

    private CruddurUsers users(Map<String, String> env) {
        return new CruddurUsers(PostgresTarget.parseUrl(pg.url("cruddur_users"), env, false, false));
    }

    private CruddurUsers users() {
        return users(Map.of("PGPASSWORD", PostgresServer.PASSWORD));
    }

    @Test
    void searchPagesThroughEveryUserByHandleNameOrEmail() {
        try (CruddurUsers users = users()) {
            Set<String> seen = new HashSet<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                Page<User> page = users.search("", cursor, 500);
                page.items().forEach(u -> seen.add(u.uuid()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor.isPresent());
            assertThat(seen).hasSize(GENERATED + 4);
            assertThat(pages).isEqualTo((GENERATED + 4 + 499) / 500);
            assertThat(users.search("@BAYKO", Optional.empty(), 10).items()).extracting(User::displayName).containsExactly("Andrew Bayko");
            assertThat(users.search("mollari", Optional.empty(), 10).items()).extracting(User::handle).containsExactly("londo");
            assertThat(users.search("Generated 299", Optional.empty(), 50).items()).hasSize(11); // 299, 2990..2999
            assertThat(users.search("100%", Optional.empty(), 10).items()).isEmpty(); // LIKE's wildcards are literal
        }
    }

    @Test
    void handlesAreLookedUpIgnoringCaseAndMayNameSeveralUsers() {
        try (CruddurUsers users = users()) {
            assertThat(users.byHandle("@andrewbrown")).extracting(User::displayName).containsExactly("Andrew Brown");
            assertThat(users.byHandle("londo")).hasSize(2);
            User bayko = users.byHandle("bayko").get(0);
            assertThat(users.byUuid(bayko.uuid())).contains(bayko);
            assertThat(users.byUuid("not-a-uuid")).isEmpty();
            assertThat(users.check().users()).isEqualTo(GENERATED + 4);
            // pgjdbc sends this JVM's zone in its startup packet: the session's TimeZone is the JVM's, not the server's
            assertThat(users.check().timeZone()).isEqualTo(java.util.TimeZone.getDefault().getID());
        }
    }

    @Test
    void thePasswordComesFromAPgpassFile(@TempDir Path home) throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "# comment\nother:*:*:*:wrong\n127.0.0.1:" + pg.port() + ":*:postgres:" + PostgresServer.PASSWORD + "\n");
        try (CruddurUsers users = users(Map.of("HOME", home.toString()))) {
            assertThat(users.target().passwordSource()).isEqualTo(pgpass.toString());
            assertThat(users.target().toString()).doesNotContain(PostgresServer.PASSWORD);
            assertThat(users.byHandle("bayko")).hasSize(1);
        }
    }

    @Test
    void aWrongPasswordIsSaidPlainlyWithoutThePassword() {
        try (CruddurUsers users = users(Map.of("PGPASSWORD", "not-the-password"))) {
            assertThatThrownBy(users::check).isInstanceOf(UsersException.class)
                    .hasMessage("Postgres refused the password for 'postgres' at 127.0.0.1:" + pg.port() + " (password from PGPASSWORD).")
                    .message().doesNotContain("not-the-password");
        }
    }

    @Test
    void aDatabaseWithoutCruddursTableIsSaidPlainly() throws Exception {
        pg.createDatabase("not_cruddur");
        try (CruddurUsers users = new CruddurUsers(PostgresTarget.parseUrl(pg.url("not_cruddur"),
                Map.of("PGPASSWORD", PostgresServer.PASSWORD), false, false))) {
            assertThatThrownBy(() -> users.byHandle("bayko")).isInstanceOf(UsersException.class)
                    .hasMessageContaining("There is no table public.users in postgres@127.0.0.1:" + pg.port() + "/not_cruddur");
        }
        try (CruddurUsers users = new CruddurUsers(PostgresTarget.parseUrl(pg.url("missing_db"),
                Map.of("PGPASSWORD", PostgresServer.PASSWORD), false, false))) {
            assertThatThrownBy(users::check).hasMessage("There is no database 'missing_db' at 127.0.0.1:" + pg.port() + ".");
        }
    }

    @Test
    void anUnreachableServerIsSaidPlainly() {
        int closed = DynaliteServer.freePort();
        try (CruddurUsers users = new CruddurUsers(PostgresTarget.parseUrl("postgresql://postgres@127.0.0.1:" + closed + "/cruddur",
                Map.of(), false, false))) {
            assertThatThrownBy(users::check).isInstanceOf(UsersException.class)
                    .hasMessage("Cannot reach Postgres at 127.0.0.1:" + closed + ": connection refused.");
        }
    }

    @Test
    void theConnectionIsReadOnlyAndRefusalsAreTheServersText() {
        PostgresTarget target = PostgresTarget.parseUrl(pg.url("cruddur_users"), Map.of("PGPASSWORD", PostgresServer.PASSWORD), false, false);
        try (PostgresSession session = new PostgresSession(target)) {
            assertThatThrownBy(() -> session.call(c -> c.createStatement().executeUpdate(
                    "INSERT INTO public.users (display_name, handle, email, cognito_user_id) VALUES ('x','x','x','x')")))
                    .isInstanceOf(UsersException.class).hasMessageContaining("read-only transaction");
            DatabaseTime.Answer refused = new DatabaseTime(session).asTimestamp("not a time");
            assertThat(refused.refusal()).contains("invalid input syntax for type timestamp: \"not a time\"");
        }
    }
}
