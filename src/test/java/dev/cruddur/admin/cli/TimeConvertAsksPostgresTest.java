package dev.cruddur.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.testsupport.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code time convert --postgres URL}: the database's own answers beside the computed ones, which agree. */
@Timeout(120)
class TimeConvertAsksPostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PostgresServer pg;

    @BeforeAll
    static void server() {
        pg = PostgresServer.shared();
    }

    record Run(int code, String out, String err) {}

    private Run convert(String... args) {
        List<String> all = new ArrayList<>(List.of("time", "convert"));
        all.addAll(List.of(args));
        all.addAll(List.of("--postgres", pg.url("postgres"), "--now", "2026-12-07T00:00:00Z"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CruddurCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of("PGPASSWORD", PostgresServer.PASSWORD));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theDatabaseAgreesWithTheComputedFormsAcrossZonesGapsAndRefusals() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (String value : List.of("2023-04-15T13:15:19.922515+00:00", "2023-04-15 13:15:19.922515", "2023-03-12T02:30:00",
                "2023-11-05T01:30:00", "Sat, 15 Apr 2023 13:15:19 GMT", "1681564519", "2023-04-15T13:15:19,5Z", "1969-07-20T20:17:40Z",
                "0000-04-15T13:15:19Z")) {
            Run run = convert(value, "--json", "--zone", "America/New_York", "--zone", "Asia/Kathmandu", "--postgres-timezone", "+05:30");
            soft.assertThat(run.code()).as(value + ": " + run.err()).isZero();
            if (run.code() != 0) continue;
            JsonNode db = JSON.readTree(run.out()).get("database");
            soft.assertThat(db.get("answers")).as(value).hasSize(5);
            for (JsonNode row : db.get("answers")) {
                soft.assertThat(row.get("agrees").asBoolean()).as("%s: %s -> database %s, computed %s", value, row.get("question").asText(),
                        row.get("database").asText(), row.get("computed").asText()).isTrue();
            }
        }
        soft.assertAll();
    }

    @Test
    void aRefusalShowsTheServersOwnText() {
        Run run = convert("1681564519");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("The database: SHOW timezone = ")
                .contains("database: refused: date/time field value out of range: \"1681564519\"")
                .contains("computed: refused");
    }

    @Test
    void anUnreachableDatabaseIsOnePlainLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CruddurCommand.run(new String[] {"time", "convert", "2023-04-15T13:15:19Z", "--postgres",
                "postgresql://postgres@127.0.0.1:" + dev.cruddur.admin.testsupport.DynaliteServer.freePort() + "/cruddur"},
                new PrintWriter(out), new PrintWriter(err), Map.of());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("Cannot reach Postgres at 127.0.0.1:").doesNotContain("\n");
    }
}
