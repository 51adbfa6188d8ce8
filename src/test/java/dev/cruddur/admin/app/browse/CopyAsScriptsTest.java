package dev.cruddur.admin.app.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.ItemBrowser;
import dev.cruddur.admin.store.ItemJson;
import dev.cruddur.admin.testsupport.DynamoClients;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Browser's "Copy as" Python (boto3) and JavaScript (AWS SDK v3): each script, run against the
 * embedded endpoint by python3 and node, prints the same items, in the same order, as the app's
 * own paging of the same query or scan (small pages, so the scripts follow LastEvaluatedKey).
 * For a single item: GetItem prints the stored item and PutItem stores exactly the item it was copied
 * from (python3, node and, where installed, the AWS CLI), and both Java classes compile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CopyAsScriptsTest {
    private static final String TABLE = "copy-items";
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
                c.putItem(p -> p.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS(n % 3 == 0 ? "other" : "GRP#it's \"q\""),
                        "sk", AttributeValue.fromS((n % 2 == 0 ? "2023-" : "2024-") + String.format("%02d", n)),
                        "message", AttributeValue.fromS(n % 4 == 0 ? "don't stop ✓" : "plain " + n),
                        "n", AttributeValue.fromN(Integer.toString(n)),
                        "blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) n})),
                        "m", AttributeValue.fromM(Map.of("x", AttributeValue.fromL(List.of(AttributeValue.fromBool(true),
                                AttributeValue.fromNul(true), AttributeValue.fromSs(List.of("a", "b" + n)))))))));
            }
        }
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    private static ItemQuery query() {
        return ItemQuery.query(TABLE, "GRP#it's \"q\"")
                .sortKey(SortKeyOperator.BEGINS_WITH, "2024")
                .descending()
                .filter(FilterRow.of("n", FilterOperator.GT, "3", ValueType.N), FilterRow.of("message", FilterOperator.CONTAINS, "a"))
                .pageSize(3);
    }

    private static ItemQuery scan() {
        return ItemQuery.scan(TABLE).filter(FilterRow.of("message", FilterOperator.CONTAINS, "don't")).project("pk", "sk", "blob", "m").pageSize(4);
    }

    /** The app's own pages, to the last, as values. */
    private List<Map<String, AttributeValue>> appItems(ItemQuery q) {
        try (DynamoConnection connection = DynamoConnection.open(target)) {
            ItemBrowsing browsing = new ItemBrowsing(connection);
            List<Map<String, AttributeValue>> out = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            do {
                ItemBrowser.BrowsePage page = browsing.page(q, cursor);
                for (ItemBrowser.BrowsedItem i : page.items()) out.add(ItemJson.fromDynamoJson(i.dynamoJson()));
                cursor = page.nextCursor();
            } while (cursor.isPresent());
            return out;
        }
    }

    private String request(ItemQuery q, boolean python) {
        try (DynamoConnection connection = DynamoConnection.open(target)) {
            var request = new ItemBrowsing(connection).request(q);
            return python ? CopyAs.boto3(request, target) : CopyAs.javaScript(request, target);
        }
    }

    private static List<Map<String, AttributeValue>> printed(String output) {
        return output.lines().filter(l -> l.startsWith("{")).map(ItemJson::fromDynamoJson).toList();
    }

    private static String run(Path dir, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", "local");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void boto3ScriptsPrintTheSameItemsAsTheApp(@TempDir Path dir) throws Exception {
        for (ItemQuery q : List.of(query(), scan())) {
            List<Map<String, AttributeValue>> expected = appItems(q);
            assertThat(expected).as("the app finds items to compare").hasSizeGreaterThan(3); // more than one page
            Path script = dir.resolve("copied.py");
            String source = request(q, true);
            assertThat(source).contains(source.contains("KeyConditionExpression") ? "client.query(**request)" : "client.scan(**request)");
            Files.writeString(script, source);
            assertThat(printed(run(dir, List.of("python3", script.toString())))).as(source).isEqualTo(expected);
        }
    }

    @Test
    void javaScriptModulesPrintTheSameItemsAsTheApp() throws Exception {
        Path node = Path.of(System.getProperty("dynalite.dir", "src/test/node")).toAbsolutePath();
        for (ItemQuery q : List.of(query(), scan())) {
            Path module = node.resolve("copied-items-" + System.nanoTime() + ".mjs"); // beside node_modules, so the import resolves
            try {
                String source = request(q, false);
                List<Map<String, AttributeValue>> expected = appItems(q);
                assertThat(expected).as("the app finds items to compare").hasSizeGreaterThan(3);
                Files.writeString(module, source);
                assertThat(printed(run(node, List.of("node", module.toString())))).as(source).isEqualTo(expected);
            } finally {
                Files.deleteIfExists(module);
            }
        }
    }

    // --- a single item ---------------------------------------------------------------------------

    private static final List<String> KEY = List.of("pk", "sk");

    private Map<String, AttributeValue> stored(String pk, String sk) {
        try (DynamoDbClient c = DynamoClients.dynamo(engine.endpoint())) {
            return c.getItem(g -> g.tableName(TABLE).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
        }
    }

    /** The stored item with every kind of value, and a key needing quotes in every language. */
    private Map<String, AttributeValue> richItem() {
        return stored("GRP#it's \"q\"", "2024-01");
    }

    private static Path nodeDir() {
        return Path.of(System.getProperty("dynalite.dir", "src/test/node")).toAbsolutePath();
    }

    /** Runs a script in python3, node (beside node_modules) or the shell; returns what it printed. */
    private static String runIn(ItemCopyAs.Language language, String source, Path dir) throws Exception {
        return switch (language) {
            case PYTHON -> {
                Path script = dir.resolve("copied-item.py");
                Files.writeString(script, source);
                yield run(dir, List.of("python3", script.toString()));
            }
            case JAVASCRIPT -> {
                Path module = nodeDir().resolve("copied-item-" + System.nanoTime() + ".mjs");
                try {
                    Files.writeString(module, source);
                    yield run(nodeDir(), List.of("node", module.toString()));
                } finally {
                    Files.deleteIfExists(module);
                }
            }
            case AWS_CLI -> run(dir, List.of("sh", "-c", source));
            case JAVA -> throw new IllegalArgumentException("compiled, not run: see theItemJavaClassesCompile");
        };
    }

    private static boolean awsCliRuns() {
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void getItemScriptsPrintTheStoredItem(@TempDir Path dir) throws Exception {
        Map<String, AttributeValue> item = richItem();
        assertThat(item).containsKeys("blob", "m", "n");
        String json = ItemJson.toDynamoJson(item);
        for (ItemCopyAs.Language language : List.of(ItemCopyAs.Language.PYTHON, ItemCopyAs.Language.JAVASCRIPT)) {
            String source = ItemCopyAs.of(ItemCopyAs.Operation.GET_ITEM, language, TABLE, KEY, json, target);
            assertThat(printed(runIn(language, source, dir))).as(source).containsExactly(item);
        }
        if (awsCliRuns()) {
            String line = ItemCopyAs.of(ItemCopyAs.Operation.GET_ITEM, ItemCopyAs.Language.AWS_CLI, TABLE, KEY, json, target);
            String out = runIn(ItemCopyAs.Language.AWS_CLI, line, dir);
            var response = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.substring(out.indexOf('{')));
            assertThat(ItemJson.fromDynamoJson(response.get("Item").toString())).as(line).isEqualTo(item);
        }
    }

    @Test
    void putItemScriptsStoreTheItemTheyWereCopiedFrom(@TempDir Path dir) throws Exception {
        List<ItemCopyAs.Language> languages = new java.util.ArrayList<>(List.of(ItemCopyAs.Language.PYTHON, ItemCopyAs.Language.JAVASCRIPT));
        if (awsCliRuns()) languages.add(ItemCopyAs.Language.AWS_CLI);
        for (ItemCopyAs.Language language : languages) {
            Map<String, AttributeValue> copy = new java.util.HashMap<>(richItem());
            String sk = "2099-put-by-" + language.name().toLowerCase(java.util.Locale.ROOT);
            copy.put("sk", AttributeValue.fromS(sk)); // as an edited key in the item editor
            copy.put("message", AttributeValue.fromS("line one\nit's \"two\" ✓ $HOME `x`"));
            if (language == ItemCopyAs.Language.AWS_CLI) {
                // the machine's CLI may be v1, which takes a binary value's base64 as the bytes: the command then
                // names the format (v1 refuses it); the run is of the item without its binary value
                assertThat(ItemCopyAs.of(ItemCopyAs.Operation.PUT_ITEM, language, TABLE, KEY, ItemJson.toDynamoJson(copy), target))
                        .contains("--cli-binary-format base64");
                copy.remove("blob");
            }
            String source = ItemCopyAs.of(ItemCopyAs.Operation.PUT_ITEM, language, TABLE, KEY, ItemJson.toDynamoJson(copy), target);
            assertThat(stored(copy.get("pk").s(), sk)).as("not there before").isEmpty();
            runIn(language, source, dir);
            assertThat(stored(copy.get("pk").s(), sk)).as(source).isEqualTo(copy);
        }
    }

    @Test
    void theItemJavaClassesCompile(@TempDir Path dir) throws Exception {
        String json = ItemJson.toDynamoJson(richItem());
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        for (ItemCopyAs.Operation op : ItemCopyAs.Operation.values()) {
            String code = ItemCopyAs.of(op, ItemCopyAs.Language.JAVA, TABLE, KEY, json, target);
            Path source = dir.resolve(op.name()).resolve(op == ItemCopyAs.Operation.GET_ITEM ? "CopiedGetItem.java" : "CopiedPutItem.java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, code);
            java.io.StringWriter errors = new java.io.StringWriter();
            boolean ok = javac.getTask(errors, null, null, List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), "-proc:none"),
                    null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
            assertThat(ok).as(errors + "\n" + code).isTrue();
        }
    }
}
