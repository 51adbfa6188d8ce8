package dev.cruddur.admin.app.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.ItemBrowser;
import dev.cruddur.admin.store.ItemJson;
import dev.cruddur.admin.store.StatementRunner;
import dev.cruddur.admin.store.StoreException;
import dev.cruddur.admin.testsupport.DynamoClients;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * "Copy as" for PartiQL: the boto3 script and the JavaScript module run against the embedded endpoint and
 * print the same items the app's own run gives; the Java class compiles; the AWS CLI line splits back into
 * its words. Also: the app's run obeys the write lock, and the tokens colour what the engine reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class StatementCopyAsTest {
    private static final String TABLE = "copy-partiql";
    private static final String STATEMENT = "SELECT * FROM \"" + TABLE + "\" WHERE pk = ? AND begins_with(sk, ?) AND n >= ?";
    private static final List<String> PARAMS = List.of("{\"S\":\"p\"}", "{\"S\":\"2023\"}", "{\"N\":\"2\"}");
    private EmbeddedDynamo engine;
    private DynamoTarget target;

    @BeforeAll
    void start() {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        target = DynamoTarget.endpoint(engine.endpoint(), TABLE);
        try (DynamoDbClient c = DynamoClients.dynamo(engine.endpoint())) {
            DynamoClients.createPkSkTable(c, TABLE);
            for (int i = 0; i < 30; i++) {
                int n = i;
                c.putItem(p -> p.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS((n % 2 == 0 ? "2023-" : "2024-") + n),
                        "n", AttributeValue.fromN(Integer.toString(n)), "tags", AttributeValue.fromSs(List.of("a", "b" + n)),
                        "m", AttributeValue.fromM(Map.of("x", AttributeValue.fromL(List.of(AttributeValue.fromBool(true), AttributeValue.fromNul(true))))))));
            }
        }
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    /** The items the app's own run gives, every page, as DynamoDB JSON parsed back to values. */
    private List<Map<String, AttributeValue>> appItems() {
        try (DynamoConnection connection = DynamoConnection.open(target)) {
            PartiqlStatements statements = new PartiqlStatements(connection);
            List<Map<String, AttributeValue>> out = new ArrayList<>();
            Optional<String> token = Optional.empty();
            do {
                StatementRunner.StatementPage page = statements.page(STATEMENT, PARAMS, token, 4);
                for (ItemBrowser.BrowsedItem i : page.items()) out.add(ItemJson.fromDynamoJson(i.dynamoJson()));
                token = page.nextToken();
            } while (token.isPresent());
            return out;
        }
    }

    private static List<Map<String, AttributeValue>> printedItems(String output) {
        return output.lines().filter(l -> l.startsWith("{")).map(ItemJson::fromDynamoJson).toList();
    }

    private static String run(Path dir, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.remove("AWS_PROFILE");
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void boto3ScriptPrintsTheSameItems(@TempDir Path dir) throws Exception {
        List<Map<String, AttributeValue>> expected = appItems();
        assertThat(expected).hasSize(14);
        Path script = dir.resolve("copied.py");
        Files.writeString(script, StatementCopyAs.boto3(STATEMENT, PARAMS, target));
        assertThat(printedItems(run(dir, List.of("python3", script.toString())))).isEqualTo(expected);
    }

    @Test
    void javaScriptModulePrintsTheSameItems(@TempDir Path dir) throws Exception {
        Path node = Path.of(System.getProperty("dynalite.dir", "src/test/node")).toAbsolutePath();
        Path module = node.resolve("copied-" + System.nanoTime() + ".mjs"); // beside node_modules, so the import resolves
        try {
            Files.writeString(module, StatementCopyAs.javaScript(STATEMENT, PARAMS, target));
            assertThat(printedItems(run(node, List.of("node", module.toString())))).isEqualTo(appItems());
        } finally {
            Files.deleteIfExists(module);
        }
    }

    @Test
    void javaClassCompilesAndAwsCliLineSplitsBack(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("CopiedStatement.java");
        Files.writeString(source, StatementCopyAs.javaSdk(STATEMENT, PARAMS, target));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null, List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), "-proc:none"),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
        assertThat(ok).as(errors.toString()).isTrue();
        String line = StatementCopyAs.awsCli(STATEMENT, PARAMS, target);
        assertThat(CopyAsTest.shellWords(line)).isEqualTo(StatementCopyAs.awsCliWords(STATEMENT, PARAMS, target));
        assertThat(line).startsWith("aws dynamodb execute-statement --statement ").contains("--endpoint-url " + engine.endpoint());
    }

    @Test
    void writesObeyTheLockAndTokensFollowTheEngine() {
        try (DynamoConnection connection = DynamoConnection.open(target)) {
            connection.lockWrites();
            PartiqlStatements statements = new PartiqlStatements(connection);
            String insert = "INSERT INTO \"" + TABLE + "\" VALUE {'pk': 'locked', 'sk': 'x'}";
            assertThat(statements.allowed(insert)).isFalse();
            assertThat(statements.allowed("SELECT * FROM \"" + TABLE + "\"")).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statements.page(insert, List.of(), Optional.empty(), 0))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.READ_ONLY));
            connection.unlockWrites();
            assertThat(statements.page(insert, List.of(), Optional.empty(), 0).items()).isEmpty();
            // plain JSON parameters convert as the item editor converts plain values
            assertThat(statements.page("SELECT * FROM \"" + TABLE + "\" WHERE pk = ? AND sk = ?", List.of("\"locked\"", "{\"S\":\"x\"}"),
                    Optional.empty(), 0).items()).hasSize(1);
        }
        List<PartiqlStatements.StatementToken> tokens = PartiqlStatements.tokens("SELECT a FROM \"t\" WHERE begins_with(a, ?) AND n > 5 AND s = 'open");
        assertThat(tokens).extracting(PartiqlStatements.StatementToken::kind).startsWith(
                PartiqlStatements.TokenKind.KEYWORD, PartiqlStatements.TokenKind.NAME, PartiqlStatements.TokenKind.KEYWORD,
                PartiqlStatements.TokenKind.NAME, PartiqlStatements.TokenKind.KEYWORD, PartiqlStatements.TokenKind.FUNCTION);
        assertThat(tokens).extracting(PartiqlStatements.StatementToken::kind).contains(PartiqlStatements.TokenKind.PARAMETER,
                PartiqlStatements.TokenKind.NUMBER);
        assertThat(PartiqlStatements.writes("  update t set a = 1 where k = 1")).isTrue();
        assertThat(PartiqlStatements.writes("SELECT * FROM t")).isFalse();
        assertThat(PartiqlStatements.table("SELECT * FROM \"cruddur-messages\" WHERE pk = ?")).contains("cruddur-messages");
    }
}
