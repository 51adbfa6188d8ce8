package dev.cruddur.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code time convert | lint | migrate}: output lines, JSON shapes and exit codes. */
class TimeCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CruddurCommand.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void convertAPostgresValueNeedsNoEndpointAndPrintsFormFormsAndAnswers() {
        Run r = run("time", "convert", "2023-04-15 13:15:19.922515+00", "--zone", "Asia/Kolkata", "--now", "2026-11-25T08:15:00Z");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).contains("input:      2023-04-15 13:15:19.922515+00", "recognised: Postgres timestamptz",
                "instant:    2023-04-15T13:15:19.922515Z");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("  Canonical sort key +2023-04-15T13:15:19\\.922515\\+00:00"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("  In Asia/Kolkata +2023-04-15T18:45:19\\.922515\\+05:30"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("  Flask JSON \\(HTTP date\\) +Sat, 15 Apr 2023 13:15:19 GMT"));
        assertThat(lines).filteredOn(l -> l.startsWith("Q: ")).hasSize(9);
        assertThat(lines).filteredOn(l -> l.startsWith("A: ")).hasSize(9);
        assertThat(lines).noneMatch(l -> l.startsWith("DST:"));
    }

    @Test
    void convertSaysWhenANaiveValueFallsInADstGap() {
        Run r = run("time", "convert", "2026-03-08T02:30:00", "--assume-zone", "America/New_York", "--now", "2026-11-25T08:15:00Z");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).contains("no offset:  read in America/New_York")
                .anySatisfy(l -> assertThat(l).startsWith("DST:        2026-03-08T02:30:00 does not exist in America/New_York"));
    }

    @Test
    void convertAsJson() throws Exception {
        Run r = run("time", "convert", "2023-04-15T13:15:19.922515", "--json", "--now", "2026-11-25T08:15:00Z");
        assertThat(r.code()).isZero();
        JsonNode json = JSON.readTree(r.out());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("input", "form", "form_label", "naive", "zone", "fraction_digits", "instant", "guess",
                "dst", "forms", "seed_answers");
        assertThat(json.get("form").asText()).isEqualTo("NAIVE_ISO");
        assertThat(json.get("naive").asBoolean()).isTrue();
        assertThat(json.get("forms").get(0).get("value").asText()).isEqualTo("2023-04-15T13:15:19.922515+00:00");
        assertThat(json.get("seed_answers")).hasSize(9);
    }

    @Test
    void invalidInputExitsTwoWithThePlainMessageAndPrintsNothing() {
        Run r = run("time", "convert", "2023-02-29T10:00:00");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("Not a timestamp: 2023-02-29 does not exist (2023 is not a leap year); "
                + dev.cruddur.admin.time.TimeParser.EXPECTED);
        Run zone = run("time", "convert", "2023-04-15T13:15:19Z", "--zone", "Mars/Olympus");
        assertThat(zone.code()).isEqualTo(2);
        assertThat(zone.err()).startsWith("--zone: unknown time zone 'Mars/Olympus'");
        assertThat(run("time").code()).isEqualTo(2);
        assertThat(run("time", "convert").code()).isEqualTo(2);
    }

    private static void putNaiveMessage(String table, String group, String sk) {
        try (var connection = dev.cruddur.admin.store.DynamoConnection.open(
                dev.cruddur.admin.store.DynamoTarget.endpoint(dynalite.endpoint(), table))) {
            connection.client().putItem(r -> r.tableName(table).item(Map.of(
                    "pk", AttributeValue.fromS("MSG#" + group), "sk", AttributeValue.fromS(sk),
                    "message_uuid", AttributeValue.fromS("0c0c0c0c-0000-4000-8000-000000000000"),
                    "message", AttributeValue.fromS("from the seed script"),
                    "user_uuid", AttributeValue.fromS(dev.cruddur.admin.domain.DemoFixture.ANDREW_BROWN.uuid()),
                    "user_handle", AttributeValue.fromS("andrewbrown"), "user_display_name", AttributeValue.fromS("Andrew Brown"))));
        }
    }

    @Test
    void lintAsJsonAndMigrateFromTheCommandLine() throws Exception {
        String endpoint = dynalite.endpoint().toString();
        String table = "time-cli";
        assertThat(run("--endpoint", endpoint, "--table", table, "schema-load").code()).isZero();
        assertThat(run("--endpoint", endpoint, "--table", table, "seed").code()).isZero();
        // the fixture's first message, as the seed script would have written it: naive, a minute before anything else
        putNaiveMessage(table, dev.cruddur.admin.domain.DemoFixture.MAIN_GROUP, "2000-01-01T00:00:00.000000");

        Run lint = run("--endpoint", endpoint, "--table", table, "time", "lint", "--json");
        assertThat(lint.code()).as(lint.err()).isZero();
        JsonNode json = JSON.readTree(lint.out());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("table", "complete", "items", "counts", "counts_by_row_kind", "order_disagreements",
                "year_prefix", "findings");
        assertThat(json.get("table").asText()).isEqualTo(table);
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("items").asLong()).isEqualTo(108); // 103 messages, 4 group rows, 1 naive message
        List<String> classes = new ArrayList<>();
        json.get("counts").fieldNames().forEachRemaining(classes::add);
        assertThat(classes).containsExactly("canonical", "naive", "z_form", "other_offset", "other_precision", "not_a_timestamp");
        assertThat(json.get("counts").get("naive").asLong()).isEqualTo(1);
        assertThat(json.get("counts").get("canonical").asLong()).isEqualTo(107);
        assertThat(json.get("counts_by_row_kind").get("message").get("naive").asLong()).isEqualTo(1);
        assertThat(json.get("order_disagreements")).isEmpty();
        assertThat(json.get("year_prefix").get("messages_hidden").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode notCanonical = null;
        for (JsonNode f : json.get("findings")) if (f.get("kind").asText().equals("not_canonical")) notCanonical = f;
        assertThat(notCanonical).isNotNull();
        List<String> findingFields = new ArrayList<>();
        notCanonical.fieldNames().forEachRemaining(findingFields::add);
        assertThat(findingFields).containsExactly("kind", "pk", "sk", "class", "detail");
        assertThat(notCanonical.get("sk").asText()).isEqualTo("2000-01-01T00:00:00.000000");

        // connection options after the subcommand work too
        Run dryRun = run("time", "migrate", "--dry-run", "--endpoint", endpoint, "--table", table);
        assertThat(dryRun.code()).isZero();
        assertThat(dryRun.out().lines()).contains("  MSG#" + dev.cruddur.admin.domain.DemoFixture.MAIN_GROUP
                + "  2000-01-01T00:00:00.000000  ->  2000-01-01T00:00:00.000000+00:00");
        assertThat(dryRun.out()).startsWith("Plan for 'time-cli': 1 changes in 1 steps");

        Run wrong = run("--endpoint", endpoint, "--table", table, "time", "migrate", "--confirm", "cruddur-messages");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("--confirm must repeat the table's name");
        assertThat(run("--endpoint", endpoint, "--table", table, "time", "migrate").code()).isEqualTo(2);
        assertThat(run("--endpoint", endpoint, "--table", table, "time", "migrate", "--dry-run", "--confirm", table).code()).isEqualTo(2);

        Run migrate = run("--endpoint", endpoint, "--table", table, "time", "migrate", "--confirm", table);
        assertThat(migrate.code()).as(migrate.err()).isZero();
        assertThat(migrate.out().strip()).isEqualTo("Moved 1 items to canonical sort keys (ordered writes).");
        Run again = run("--endpoint", endpoint, "--table", table, "time", "migrate", "--confirm", table);
        assertThat(again.out().strip()).isEqualTo("Nothing to do: every movable sort key of 'time-cli' is canonical.");

        Run text = run("--endpoint", endpoint, "--table", table, "time", "lint");
        assertThat(text.out()).contains("Every sort key is canonical; nothing to migrate.");
    }
}
