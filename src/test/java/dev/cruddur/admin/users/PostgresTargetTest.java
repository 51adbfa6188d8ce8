package dev.cruddur.admin.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Cruddur's Postgres is: Cruddur's own variables, URLs, the password file; never a password shown. */
class PostgresTargetTest {
    @Test
    void cruddursConnectionUrlIsReadWithItsPasswordWhichIsNeverShown() {
        var env = Map.of("CONNECTION_URL", "postgresql://postgres:password@localhost:5432/cruddur",
                "PROD_CONNECTION_URL", "postgresql://cruddurroot:s%3Acret@cruddur-db.example.com:5432/cruddur?sslmode=require");
        PostgresTarget dev = PostgresTarget.fromEnvironment(env, false).orElseThrow();
        assertThat(dev.describe()).isEqualTo("postgres@localhost:5432/cruddur");
        assertThat(dev.password()).contains("password");
        assertThat(dev.toString()).doesNotContain(":password").contains("password from the URL");
        PostgresTarget prod = PostgresTarget.fromEnvironment(env, true).orElseThrow();
        assertThat(prod.production()).isTrue();
        assertThat(prod.password()).contains("s:cret");
        assertThat(prod.parameters()).containsEntry("sslmode", "require");
        assertThat(prod.urlWithoutPassword()).isEqualTo("postgresql://cruddurroot@cruddur-db.example.com:5432/cruddur?sslmode=require");
        assertThat(PostgresTarget.fromEnvironment(Map.of(), false)).isEmpty();
        assertThat(PostgresTarget.masked("postgresql://postgres:password@localhost:5432/cruddur"))
                .isEqualTo("postgresql://postgres:***@localhost:5432/cruddur");
    }

    @Test
    void aSavedUrlMayNotHoldAPassword() {
        assertThatThrownBy(() -> PostgresTarget.parseUrl("postgresql://postgres:hunter2@localhost/cruddur", Map.of(), false, false))
                .hasMessageContaining("Leave the password out of the URL").message().doesNotContain("hunter2");
        assertThatThrownBy(() -> PostgresTarget.parseUrl("http://localhost/cruddur", Map.of(), false, false))
                .hasMessageContaining("is not a postgresql:// URL");
        PostgresTarget jdbc = PostgresTarget.parseUrl("jdbc:postgresql://db:6543/cruddur?user=app", Map.of("PGPASSWORD", "pw"), false, false);
        assertThat(jdbc.describe()).isEqualTo("app@db:6543/cruddur");
        assertThat(jdbc.passwordSource()).isEqualTo("PGPASSWORD");
    }

    @Test
    void thePasswordFileIsReadAsLibpqReadsIt(@TempDir Path home) throws Exception {
        Path file = home.resolve("pass");
        Files.writeString(file, """
                # host:port:database:user:password
                db.example.com:5432:cruddur:postgres:first\\:with\\\\colon:and more
                *:*:*:postgres:fallback
                """);
        var env = Map.of("PGPASSFILE", file.toString());
        assertThat(PostgresTarget.of("db.example.com", 5432, "cruddur", "postgres", env).password()).contains("first:with\\colon:and more");
        assertThat(PostgresTarget.of("other", 5432, "cruddur", "postgres", env).password()).contains("fallback");
        assertThat(PostgresTarget.of("other", 5432, "cruddur", "app", env).password()).isEqualTo(Optional.empty());
        assertThat(PostgresTarget.of("other", 5432, "cruddur", "app", Map.of("HOME", home.toString())).passwordSource()).isEqualTo("none");
    }

    @Test
    void hostPortDatabaseAndUserMayBeGivenAsLibpqKeywords() {
        PostgresTarget t = PostgresTarget.parse("host=db.example.com port=6543 dbname='cruddur prod' user=app sslmode=require",
                Map.of("PGPASSWORD", "pw"), false, false);
        assertThat(t.describe()).isEqualTo("app@db.example.com:6543/cruddur prod");
        assertThat(t.parameters()).containsEntry("sslmode", "require");
        assertThat(t.passwordSource()).isEqualTo("PGPASSWORD");
        assertThatThrownBy(() -> PostgresTarget.parse("host=db user=app password=hunter2", Map.of(), false, false))
                .hasMessageContaining("Leave the password out").message().doesNotContain("hunter2");
        assertThatThrownBy(() -> PostgresTarget.parse("host=db port=x", Map.of(), false, false)).hasMessageContaining("port=x");
        assertThat(PostgresTarget.masked("host=db password='s e' user=x")).isEqualTo("host=db password=*** user=x");
    }
}
