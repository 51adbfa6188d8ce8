package dev.cruddur.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.testsupport.DynamoClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code partiql "STATEMENT" [--param JSON]… [--all] [--json]} against the embedded endpoint: output shapes and exit codes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class PartiqlCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private EmbeddedDynamo engine;

    @BeforeAll
    void start() {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        try (DynamoDbClient c = DynamoClients.dynamo(engine.endpoint())) {
            DynamoClients.createPkSkTable(c, "cli-partiql");
            for (int i = 0; i < 7; i++) {
                int n = i;
                c.putItem(p -> p.tableName("cli-partiql").item(Map.of("pk", AttributeValue.fromS("g"), "sk", AttributeValue.fromS("s" + n),
                        "n", AttributeValue.fromN(Integer.toString(n)))));
            }
        }
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    private CommandLineTest.Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint", engine.endpoint().toString(), "--table", "cli-partiql", "partiql"));
        all.addAll(List.of(args));
        return CommandLineTest.run(Map.of(), all.toArray(String[]::new));
    }

    @Test
    void selectPrintsPlainItemsAndPagesWithAll() throws Exception {
        CommandLineTest.Run first = cli("SELECT * FROM \"cli-partiql\" WHERE pk = ?", "--param", "\"g\"", "--page-size", "3");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out().lines()).hasSize(3).first().satisfies(l -> assertThat(JSON.readTree(l).get("n").asInt()).isZero());
        assertThat(first.err()).contains("--all");
        CommandLineTest.Run all = cli("SELECT sk FROM \"cli-partiql\" WHERE pk = ? AND n >= ?", "--param", "{\"S\":\"g\"}", "--param", "2",
                "--page-size", "3", "--all");
        assertThat(all.out().lines()).containsExactly("{\"sk\":\"s2\"}", "{\"sk\":\"s3\"}", "{\"sk\":\"s4\"}", "{\"sk\":\"s5\"}", "{\"sk\":\"s6\"}");
    }

    @Test
    void parametersReadOnceServeEveryPageOfAMultiPageResult() {
        CommandLineTest.Run r = cli("SELECT sk FROM \"cli-partiql\" WHERE pk = ? AND n BETWEEN ? AND ?", "--param", "{\"S\":\"g\"}",
                "--param", "1", "--param", "{\"N\":\"5\"}", "--page-size", "1", "--all");
        assertThat(r.code()).as(r.err()).isZero();
        // one item evaluated a page, so seven pages or more: the same three parameters went with each request
        assertThat(r.out().lines()).containsExactly("{\"sk\":\"s1\"}", "{\"sk\":\"s2\"}", "{\"sk\":\"s3\"}", "{\"sk\":\"s4\"}", "{\"sk\":\"s5\"}");
        assertThat(r.err()).doesNotContain("--all");
    }

    @Test
    void jsonPrintsDynamoDbJsonWithTheNextToken() throws Exception {
        CommandLineTest.Run r = cli("SELECT * FROM \"cli-partiql\" WHERE pk = 'g'", "--page-size", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode response = JSON.readTree(r.out());
        assertThat(response.get("Items")).hasSize(2);
        assertThat(response.get("Items").get(0).get("n").get("N").asText()).isEqualTo("0");
        assertThat(response.get("NextToken").asText()).isNotBlank();
        assertThat(response.get("ConsumedCapacity").get("CapacityUnits").asDouble()).isPositive();
    }

    @Test
    void writesAndTheirErrorsHaveExitCodes() throws Exception {
        assertThat(cli("INSERT INTO \"cli-partiql\" VALUE {'pk': 'w', 'sk': 'one', 'v': ?}", "--param", "1").code()).isZero();
        CommandLineTest.Run dup = cli("INSERT INTO \"cli-partiql\" VALUE {'pk': 'w', 'sk': 'one'}");
        assertThat(dup.code()).isEqualTo(2);
        assertThat(dup.err()).contains("DuplicateItemException: Duplicate primary key exists in table");
        CommandLineTest.Run updated = cli("UPDATE \"cli-partiql\" SET v = v + 1 WHERE pk = 'w' AND sk = 'one' RETURNING ALL NEW *", "--json");
        assertThat(JSON.readTree(updated.out()).get("Items").get(0).get("v").get("N").asText()).isEqualTo("2");
        CommandLineTest.Run syntax = cli("SELEC * FROM x");
        assertThat(syntax.code()).isEqualTo(2);
        assertThat(syntax.err()).contains("ValidationException: Statement wasn't well formed, can't be processed:");
        assertThat(cli("SELECT * FROM \"cli-partiql\"", "--param", "{not json").code()).isEqualTo(2);
        assertThat(cli().code()).isEqualTo(2);
        CommandLineTest.Run unreachable = CommandLineTest.run(Map.of(), "--endpoint", "http://127.0.0.1:9", "--table", "t", "partiql", "SELECT * FROM t");
        assertThat(unreachable.code()).isEqualTo(1);
    }
}
