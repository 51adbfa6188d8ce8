package dev.cruddur.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.consistency.TableConsistency;
import dev.cruddur.admin.cli.CruddurCommand;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Export and import against dynalite: lossless round trips for every type, rejected lines, CSV of Cruddur's items. */
class ExportImportOnDynaliteTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynaliteServer dynalite;
    private static DynamoConnection admin;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.start();
        admin = DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(), "unused"));
    }

    @AfterAll
    static void stop() {
        admin.close();
        dynalite.close();
    }

    /** A table keyed pk (S) + n (N), unlike Cruddur's, so number keys are exercised too. */
    private static String typesTable() {
        String name = "types" + TABLES.incrementAndGet();
        admin.client().createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("n").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("n").keyType(KeyType.RANGE).build()));
        // dynalite answers ResourceNotFound to writes while a table is CREATING (a loaded machine makes that visible)
        for (int i = 0; i < 500 && !"ACTIVE".equals(admin.client().describeTable(r -> r.tableName(name)).table().tableStatusAsString()); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return name;
    }

    private static DynamoConnection on(String table) {
        return DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(), table));
    }

    /** Items holding every type, nested, with bytes covering all 256 values. */
    static List<Map<String, AttributeValue>> everyType(int count) {
        Random random = new Random(5);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[256 + i];
            for (int b = 0; b < bytes.length; b++) bytes[b] = (byte) (b + i);
            byte[] noise = new byte[17];
            random.nextBytes(noise);
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS("item#" + (i % 3)));
            item.put("n", AttributeValue.fromN(String.valueOf(i * 1000 - 7)));
            item.put("s", AttributeValue.fromS("text, \"quoted\"\nsecond line é ✓ " + i));
            item.put("brace", AttributeValue.fromS("{\"S\":\"looks like DynamoDB JSON\"}"));
            item.put("empty", AttributeValue.fromS(""));
            item.put("num", AttributeValue.fromN("-12345.678900000000000000000000000001"));
            item.put("big", AttributeValue.fromN("9.9E+125"));
            item.put("bin", AttributeValue.fromB(SdkBytes.fromByteArray(bytes)));
            item.put("yes", AttributeValue.fromBool(i % 2 == 0));
            item.put("nothing", AttributeValue.fromNul(true));
            item.put("ss", AttributeValue.fromSs(List.of("a", "b,c", "d\"e")));
            item.put("ns", AttributeValue.fromNs(List.of("1", "2.5", "-3")));
            item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(noise), SdkBytes.fromByteArray(new byte[] {0, -1}))));
            item.put("list", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("1"),
                    AttributeValue.fromL(List.of(AttributeValue.fromBool(false))), AttributeValue.fromNul(true),
                    AttributeValue.fromB(SdkBytes.fromByteArray(noise)))));
            item.put("map", AttributeValue.fromM(Map.of("inner", AttributeValue.fromM(Map.of(
                            "deep", AttributeValue.fromSs(List.of("z")), "bytes", AttributeValue.fromB(SdkBytes.fromByteArray(noise)))),
                    "$b", AttributeValue.fromS("a key that looks like a marker"), "count", AttributeValue.fromN("3"))));
            if (i % 4 == 0) item.put("only-some " + i, AttributeValue.fromS("late attribute"));
            items.add(item);
        }
        return items;
    }

    private static void putAll(String table, List<Map<String, AttributeValue>> items) {
        BatchWriter writer = new BatchWriter(admin, table);
        for (int i = 0; i < items.size(); i += 25) writer.put(items.subList(i, Math.min(items.size(), i + 25)));
    }

    /** A table's items, sets ordered, sorted by key: comparable across tables. */
    private static List<Map<String, AttributeValue>> contents(String table) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        admin.client().scanPaginator(r -> r.tableName(table)).items().forEach(i -> out.add(normalised(i)));
        out.sort(Comparator.comparing(ItemJson::toDynamoJson));
        return out;
    }

    private static Map<String, AttributeValue> normalised(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new HashMap<>();
        item.forEach((k, v) -> out.put(k, normalised(v)));
        return out;
    }

    private static AttributeValue normalised(AttributeValue v) {
        return switch (v.type()) {
            case SS -> AttributeValue.fromSs(new ArrayList<>(new TreeSet<>(v.ss())));
            case NS -> AttributeValue.fromNs(new ArrayList<>(new TreeSet<>(v.ns())));
            case BS -> AttributeValue.fromBs(v.bs().stream().sorted(Comparator.comparing(ItemJson::base64)).toList());
            case L -> AttributeValue.fromL(v.l().stream().map(ExportImportOnDynaliteTest::normalised).toList());
            case M -> AttributeValue.fromM(normalised(v.m()));
            default -> v;
        };
    }

    private ItemExporter.Exported export(String table, ItemFileFormat format, Path file) {
        try (DynamoConnection c = on(table)) {
            return new ItemExporter(c).export(ItemRequest.scanAll(table), format, file, TableScanner.Progress.NONE, () -> false);
        }
    }

    private ItemImporter.Imported importInto(String table, Path file) {
        try (DynamoConnection c = on(table)) {
            return new ItemImporter(c).importFile(file, Optional.empty(), ItemImporter.Progress.NONE, () -> false);
        }
    }

    @Test
    void jsonLinesRoundTripOfEveryTypeIsLosslessAndByteExact() throws Exception {
        String source = typesTable();
        List<Map<String, AttributeValue>> items = everyType(60);
        putAll(source, items);
        Path file = dir.resolve("types.jsonl");
        ItemExporter.Exported exported = export(source, ItemFileFormat.JSONL, file);
        assertThat(exported.items()).isEqualTo(60);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(60);
        assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("{\"big\":{\"N\":\"99000").contains(",\"bin\":{\"B\":\"").doesNotContain("\n"));
        String target = typesTable();
        ItemImporter.Imported imported = importInto(target, file);
        assertThat(imported.imported()).isEqualTo(60);
        assertThat(imported.rejected()).isEmpty();
        assertThat(contents(target)).isEqualTo(contents(source));
        Map<String, AttributeValue> one = admin.client().getItem(r -> r.tableName(target)
                .key(Map.of("pk", AttributeValue.fromS("item#1"), "n", AttributeValue.fromN("993")))).item();
        assertThat(one.get("bin").b().asByteArray()).isEqualTo(items.get(1).get("bin").b().asByteArray());
    }

    @Test
    void csvRoundTripOfEveryTypeIsLosslessToo() throws Exception {
        String source = typesTable();
        putAll(source, everyType(40));
        Path file = dir.resolve("types.csv");
        assertThat(export(source, ItemFileFormat.CSV, file).items()).isEqualTo(40);
        String header = Files.readAllLines(file).get(0);
        assertThat(header).startsWith("pk,n:N,\"$b\"".substring(0, 7)).endsWith(",__extra");
        String target = typesTable();
        ItemImporter.Imported imported = importInto(target, file);
        assertThat(imported.rejected()).isEmpty();
        assertThat(contents(target)).isEqualTo(contents(source));
    }

    @Test
    void csvRoundTripOfCruddursItemsKeepsTheTableConsistent() throws Exception {
        String source = "cruddur-src" + TABLES.incrementAndGet();
        String target = "cruddur-dst" + TABLES.incrementAndGet();
        try (DirectMessages src = new DirectMessages(on(source), Clock.systemUTC());
             DirectMessages dst = new DirectMessages(on(target), Clock.systemUTC())) {
            src.schema().create();
            dst.schema().create();
            src.seeder().seedFixture(Instant.parse("2026-11-24T08:00:00Z"), Seeder.Progress.NONE);
            Path file = dir.resolve("cruddur.csv");
            ItemExporter.Exported exported = export(source, ItemFileFormat.CSV, file);
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.get(0)).isEqualTo("pk,sk,message,message_group_uuid,message_uuid,user_display_name,user_handle,user_uuid,__extra");
            assertThat(lines).hasSize((int) exported.items() + 1);
            assertThat(importInto(target, file).imported()).isEqualTo(exported.items());
            assertThat(contents(target)).isEqualTo(contents(source));
            assertThat(new TableConsistency(dst.connection()).check().report().clean()).isTrue();
        }
    }

    @Test
    void badLinesAreReportedWithTheirNumbersAndGoodLinesImported() throws Exception {
        String table = typesTable();
        String huge = "x".repeat(410 * 1024);
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"},\"v\":{\"S\":\"good\"}}",
                "{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"2\"}",
                "{\"n\":{\"N\":\"3\"}}",
                "{\"pk\":{\"S\":\"a\"},\"n\":{\"S\":\"four\"}}",
                "",
                "{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"6\"},\"v\":{\"S\":\"" + huge + "\"}}",
                "{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"7\"},\"v\":{\"X\":\"?\"}}",
                "{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"8\"},\"v\":{\"SS\":[]}}",
                "not json at all",
                "{\"pk\":{\"S\":\"\"},\"n\":{\"N\":\"10\"}}",
                "{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"11\"},\"v\":{\"N\":\"1e999999\"}}",
                "{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"12\"},\"v\":{\"S\":\"good too\"}}") + "\n");
        ItemImporter.Imported imported = importInto(table, file);
        assertThat(imported.imported()).isEqualTo(2);
        assertThat(imported.records()).isEqualTo(11);
        assertThat(imported.rejected()).extracting(ItemImporter.Rejected::line).containsExactly(2, 3, 4, 6, 7, 8, 9, 10, 11);
        Map<Integer, String> reasons = new HashMap<>();
        imported.rejected().forEach(r -> reasons.put(r.line(), r.reason()));
        assertThat(reasons.get(2)).startsWith("malformed DynamoDB JSON");
        assertThat(reasons.get(3)).isEqualTo("missing key attribute 'pk'");
        assertThat(reasons.get(4)).isEqualTo("key attribute 'n' must be N, is S");
        assertThat(reasons.get(6)).contains("over DynamoDB's 400 KB limit");
        assertThat(reasons.get(7)).contains("unknown type 'X'");
        assertThat(reasons.get(8)).contains("a set cannot be empty");
        assertThat(reasons.get(9)).startsWith("malformed DynamoDB JSON at column ").contains("Unrecognized token 'not'");
        assertThat(reasons.get(10)).isEqualTo("key attribute 'pk' is empty");
        assertThat(reasons.get(11)).startsWith("refused by the endpoint");
        assertThat(contents(table)).hasSize(2);
    }

    @Test
    void badCsvRowsAreReportedByTheirFirstLine() throws Exception {
        String table = typesTable();
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "pk,n:N,note,__extra\n"
                + "a,1,\"two\nlines\",\n"
                + "a,two,x,\n"
                + "a,3\n"
                + "a,4,{\"N\":\"4\"},\n"
                + "a,5,{not json,{\"more\":{\"BOOL\":true}}\n");
        ItemImporter.Imported imported = importInto(table, file);
        assertThat(imported.rejected()).extracting(ItemImporter.Rejected::toString)
                .containsExactly("line 4: column n holds numbers, not 'two'", "line 5: the row has 2 cells, the header 4");
        List<Map<String, AttributeValue>> items = new ArrayList<>(contents(table));
        items.sort(Comparator.comparing(i -> Integer.parseInt(i.get("n").n())));
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("note").s()).isEqualTo("two\nlines");
        assertThat(items.get(1).get("note").n()).isEqualTo("4");
        assertThat(items.get(2).get("note").s()).isEqualTo("{not json");
        assertThat(items.get(2).get("more").bool()).isTrue();
    }

    @Test
    void exportFollowsEveryPageReportsProgressAndCanBeCancelled() throws Exception {
        String table = typesTable();
        putAll(table, everyType(30));
        ItemRequest smallPages = new ItemRequest(table, Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), Map.of(), true, 4);
        List<Long> progress = new ArrayList<>();
        try (DynamoConnection c = on(table)) {
            var out = new java.io.ByteArrayOutputStream();
            var done = new ItemExporter(c).export(smallPages, ItemFileFormat.JSONL, out, (items, scanned) -> progress.add(items), () -> false);
            assertThat(done.items()).isEqualTo(30);
            assertThat(progress).hasSizeGreaterThanOrEqualTo(8).endsWith(30L);
            assertThat(out.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(30);
            AtomicInteger pages = new AtomicInteger();
            var cancelled = new ItemExporter(c).export(smallPages, ItemFileFormat.JSONL, new java.io.ByteArrayOutputStream(),
                    (items, scanned) -> pages.incrementAndGet(), () -> pages.get() >= 2);
            assertThat(cancelled.cancelled()).isTrue();
            assertThat(cancelled.items()).isEqualTo(8);
        }
    }

    @Test
    void exportAndImportCommandsTakeTheFormatFromTheExtensionAndQueryAPartition() throws Exception {
        String source = typesTable();
        putAll(source, everyType(12));
        String target = typesTable();
        Path file = dir.resolve("partition.jsonl");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String endpoint = dynalite.endpoint().toString();
        int code = CruddurCommand.run(new String[] {"export", "--endpoint", endpoint, "--table", source, "--query", "item#1",
                "--sk-op", "between", "--sk", "0", "--sk2", "5000", "--descending", "--out", file.toString()},
                new PrintWriter(out), new PrintWriter(err), Map.of());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Exported 2 items to");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).contains("\"n\":{\"N\":\"3993\"}");
        assertThat(lines.get(1)).contains("\"n\":{\"N\":\"993\"}");
        code = CruddurCommand.run(new String[] {"import", file.toString(), "--endpoint", endpoint, "--table", target},
                new PrintWriter(out), new PrintWriter(err), Map.of());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Imported 2 of 2 records");
        assertThat(contents(target)).hasSize(2);
        code = CruddurCommand.run(new String[] {"import", dir.resolve("items.txt").toString(), "--endpoint", endpoint, "--table", target},
                new PrintWriter(out), new PrintWriter(err), Map.of());
        assertThat(code).isEqualTo(2);
    }

    @Test
    void csvCellsFollowTheDocumentedRule() throws Exception {
        var header = CsvItems.Header.of(List.of("pk", "n:N", "a:b:S", "__extra"));
        assertThat(header.columns().get(2).name()).isEqualTo("a:b");
        var item = CsvItems.item(header, List.of("k", "7", "{\"BOOL\":false}", ""));
        assertThat(item.get("n").n()).isEqualTo("7");
        assertThat(item.get("a:b").bool()).isFalse();
        var rows = new CsvItems.RowReader(new StringReader("x,\"a\"\"b\"\r\n\r\ny,z"));
        assertThat(rows.next().cells()).containsExactly("x", "a\"b");
        CsvItems.Row second = rows.next();
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.cells()).containsExactly("y", "z");
        assertThat(rows.next()).isNull();
    }

    @SuppressWarnings("unused")
    private static DynamoDbClient unused;
}
