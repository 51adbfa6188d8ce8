package dev.cruddur.admin.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.browse.FilterOperator;
import dev.cruddur.admin.app.browse.SortKeyOperator;
import dev.cruddur.admin.app.browse.ValueType;
import dev.cruddur.admin.app.connect.ConnectionOpener;
import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.app.connect.EmbeddedEndpoint;
import dev.cruddur.admin.app.consistency.FindingKind;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.ItemEditor.TextShape;
import dev.cruddur.admin.store.ItemFileFormat;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.testsupport.DynamoClients;
import dev.cruddur.admin.ui.MainViewModel;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The Browser pane's view models on dynalite, without the FX toolkit (background work runs inline). */
class BrowserViewModelsTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynaliteServer dynalite;
    private static DynamoDbClient client;

    private MainViewModel main;
    private BrowserViewModel browser;
    private ItemBrowserViewModel items;
    private String table;

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.start();
        client = DynamoClients.dynamo(dynalite.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        dynalite.close();
    }

    @BeforeEach
    void seededTable() {
        table = "browse-vm-" + TABLES.incrementAndGet();
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(dynalite.endpoint(), table))) {
            dm.schema().create();
            dm.seeder().seedFixture(Clock.systemUTC().instant(), Seeder.Progress.NONE);
        }
        main = new MainViewModel(BackgroundTasks.inline(), new ConnectionOpener(EmbeddedEndpoint.UNAVAILABLE), Path.of("/tmp"),
                Clock.systemUTC(), ZoneOffset.UTC, Optional.empty());
        browser = new BrowserViewModel(main);
        main.connect(ConnectionProfile.local("t", dynalite.endpoint().toString(), table));
        items = browser.items();
    }

    @AfterEach
    void close() {
        main.shutdown();
    }

    private void queryMainConversation(SortKeyOperator op, String value, boolean ascending) {
        items.modeProperty().set(ItemBrowserViewModel.Mode.QUERY);
        items.partitionValueProperty().set(BrowserFixtures.MAIN_MESSAGES_PK);
        items.sortOperatorProperty().set(op);
        items.sortValueProperty().set(value);
        items.ascendingProperty().set(ascending);
        items.run();
    }

    private List<String> sortKeys() {
        return items.rows().stream().map(r -> (String) r.values().get("sk")).toList();
    }

    @Test
    void openingTheConnectionListsItsTablesAndScansItsOwnTable() {
        assertThat(items.tables()).contains(table);
        assertThat(items.tableProperty().get()).isEqualTo(table);
        assertThat(items.indexChoices()).containsExactly(ItemBrowserViewModel.TABLE_KEYS, "message-group-sk-index");
        assertThat(items.rows()).hasSize(50);
        assertThat(items.columns()).startsWith("pk", "sk");
        assertThat(items.summaryProperty().get()).contains("50 items").contains("50 scanned").contains("more to load");
    }

    @Test
    void queryWithASortKeyConditionDescendingShowsNewestFirst() {
        items.pageSizeProperty().set(200);
        queryMainConversation(SortKeyOperator.BEGINS_WITH, "20", false);
        assertThat(items.errorProperty().get()).isNull();
        assertThat(items.rows()).hasSize(DemoFixture.MAIN_MESSAGES);
        List<String> sks = sortKeys();
        assertThat(sks).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        String middle = sks.get(50);
        queryMainConversation(SortKeyOperator.LE, middle, true);
        assertThat(sortKeys()).hasSize(50).isSorted().last().isEqualTo(middle);
        queryMainConversation(SortKeyOperator.BETWEEN, sks.get(10), true);
        items.sortValue2Property().set(sks.get(5));
        items.run();
        assertThat(sortKeys()).hasSize(6).first().isEqualTo(sks.get(10));
    }

    @Test
    void pagesLoadOneAfterAnotherUntilTheEnd() {
        items.pageSizeProperty().set(40);
        queryMainConversation(SortKeyOperator.GT, "2000", true);
        assertThat(items.rows()).hasSize(40);
        assertThat(items.hasMoreProperty().get()).isTrue();
        items.loadMore();
        items.loadMore();
        assertThat(items.rows()).hasSize(100);
        items.loadMore();
        assertThat(items.hasMoreProperty().get()).isFalse();
        assertThat(sortKeys()).isSorted().doesNotHaveDuplicates();
        assertThat(items.summaryProperty().get()).startsWith("100 items");
    }

    @Test
    void filterRowsTypedExpressionsAndProjectionNarrowTheResults() {
        items.pageSizeProperty().set(0);
        items.modeProperty().set(ItemBrowserViewModel.Mode.QUERY);
        items.partitionValueProperty().set(BrowserFixtures.MAIN_MESSAGES_PK);
        items.filterRows().get(0).attributeProperty().set("user_handle");
        items.filterRows().get(0).valueProperty().set("bayko");
        items.projectionProperty().set("sk, user_handle");
        items.run();
        assertThat(items.rows()).hasSize(50).allMatch(r -> r.values().get("user_handle").equals("bayko"));
        assertThat(items.columns()).containsExactly("pk", "sk", "user_handle");
        items.filterRows().clear();
        items.addFilterRow();
        items.projectionProperty().set("");
        items.typedFilterProperty().set("begins_with(#m, :m)");
        items.typedNamesProperty().set("{\"#m\": \"message\"}");
        items.typedValuesProperty().set("{\":m\": {\"S\": \"zzz-no-such\"}}");
        items.run();
        assertThat(items.rows()).isEmpty();
        items.typedValuesProperty().set("not json");
        items.run();
        assertThat(items.errorProperty().get()).contains("not JSON");
        items.typedFilterProperty().set("");
        items.filterRows().get(0).attributeProperty().set("nope");
        items.filterRows().get(0).operatorProperty().set(FilterOperator.GT);
        items.filterRows().get(0).typeProperty().set(ValueType.N);
        items.filterRows().get(0).valueProperty().set("abc");
        items.run();
        assertThat(items.errorProperty().get()).contains("must be a number");
    }

    @Test
    void copyAsGivesTheCliCommandAndJavaCodeOfTheCurrentRequest() {
        items.modeProperty().set(ItemBrowserViewModel.Mode.QUERY);
        items.partitionValueProperty().set(BrowserFixtures.MAIN_MESSAGES_PK);
        items.sortOperatorProperty().set(SortKeyOperator.BEGINS_WITH);
        items.sortValueProperty().set("2026");
        items.ascendingProperty().set(false);
        String cli = items.copyAsAwsCli().orElseThrow();
        assertThat(cli).startsWith("aws dynamodb query --table-name " + table)
                .contains("begins_with(#k1, :k1)").contains("--no-scan-index-forward").contains("--endpoint-url");
        assertThat(items.requestTextProperty().get()).isEqualTo(cli);
        assertThat(items.copyAsJava().orElseThrow()).contains("QueryRequest.builder()").contains(".scanIndexForward(false)");
        items.partitionValueProperty().set("");
        assertThat(items.copyAsAwsCli()).isEmpty();
        assertThat(items.errorProperty().get()).contains("partition key");
    }

    @Test
    void anEditIsSavedAndTheRowShowsTheStoredItem() {
        queryMainConversation(SortKeyOperator.GT, "2000", false);
        ItemBrowserViewModel.Row row = items.rows().get(0);
        ItemEditorViewModel editor = items.editorFor(row);
        assertThat(editor.validProperty().get()).isTrue();
        editor.textProperty().set(editor.textProperty().get().replace((String) row.values().get("message"), "Edited in the browser"));
        editor.save();
        assertThat(editor.refusalProperty().get()).isNull();
        assertThat(editor.savedProperty().get()).isTrue();
        assertThat(items.rows().get(0).values().get("message")).isEqualTo("Edited in the browser");
        assertThat(storedMessage((String) row.values().get("pk"), (String) row.values().get("sk"))).isEqualTo("Edited in the browser");
    }

    @Test
    void aStaleSaveIsRefusedAndReloadShowsTheItemAsStored() {
        queryMainConversation(SortKeyOperator.GT, "2000", false);
        ItemBrowserViewModel.Row row = items.rows().get(0);
        String pk = (String) row.values().get("pk");
        String sk = (String) row.values().get("sk");
        ItemEditorViewModel editor = items.editorFor(row);
        BrowserFixtures.changeMessage(client, table, pk, sk, "Changed by someone else");
        editor.textProperty().set(editor.textProperty().get().replace((String) row.values().get("message"), "My edit"));
        editor.save();
        assertThat(editor.refusalProperty().get()).contains("changed since it was read");
        assertThat(editor.canReloadProperty().get()).isTrue();
        assertThat(storedMessage(pk, sk)).isEqualTo("Changed by someone else");
        editor.reload();
        assertThat(editor.textProperty().get()).contains("Changed by someone else");
        assertThat(editor.refusalProperty().get()).isNull();
        assertThat(items.rows().get(0).values().get("message")).isEqualTo("Changed by someone else");
        editor.textProperty().set(editor.textProperty().get().replace("Changed by someone else", "My edit, again"));
        editor.save();
        assertThat(storedMessage(pk, sk)).isEqualTo("My edit, again");
    }

    @Test
    void theEditorValidatesAsTypedAndSwitchesNotation() {
        queryMainConversation(SortKeyOperator.GT, "2000", false);
        ItemBrowserViewModel.Row row = items.rows().get(0);
        ItemEditorViewModel editor = items.editorFor(row);
        String dynamo = editor.textProperty().get();
        assertThat(editor.switchTo(TextShape.PLAIN_JSON)).isTrue();
        assertThat(editor.textProperty().get()).contains("\"message\" : \"").doesNotContain("{\"S\"");
        editor.textProperty().set("{ \"pk\": ");
        assertThat(editor.validProperty().get()).isFalse();
        assertThat(editor.problemProperty().get()).startsWith("Not JSON").contains("line");
        assertThat(editor.switchTo(TextShape.DYNAMODB_JSON)).isFalse();
        editor.textProperty().set("{\"sk\": \"x\"}");
        assertThat(editor.problemProperty().get()).contains("'pk' is missing");
        editor.textProperty().set("{\"pk\": \"MSG#other\", \"sk\": \"" + row.values().get("sk") + "\"}");
        assertThat(editor.problemProperty().get()).contains("keys cannot be edited");
        editor.textProperty().set("{\"pk\": 5, \"sk\": \"x\"}");
        assertThat(editor.problemProperty().get()).contains("must be of type S, not N");
        assertThat(editor.switchTo(TextShape.DYNAMODB_JSON)).isTrue();
        editor.textProperty().set(dynamo);
        assertThat(editor.validProperty().get()).isTrue();
        assertThat(editor.problemProperty().get()).isNull();
    }

    @Test
    void createAndDuplicateRefuseATakenKey() {
        queryMainConversation(SortKeyOperator.GT, "2000", false);
        ItemBrowserViewModel.Row row = items.rows().get(0);
        ItemEditorViewModel copy = items.duplicateOf(row);
        assertThat(copy.kindProperty().get()).isEqualTo(ItemEditorViewModel.Kind.CREATE);
        copy.save();
        assertThat(copy.refusalProperty().get()).contains("already exists");
        String sk = (String) row.values().get("sk");
        copy.textProperty().set(copy.textProperty().get().replace(sk, sk.replace("+00:00", "+00:01")));
        copy.save();
        assertThat(copy.savedProperty().get()).isTrue();
        assertThat(storedMessage((String) row.values().get("pk"), sk.replace("+00:00", "+00:01"))).isEqualTo(row.values().get("message"));
        ItemEditorViewModel fresh = items.editorFor(null);
        assertThat(fresh.validProperty().get()).isFalse();
        fresh.textProperty().set("{\"pk\": {\"S\": \"NOTE#1\"}, \"sk\": {\"S\": \"a\"}, \"n\": {\"N\": \"1.50\"}, \"ok\": {\"BOOL\": true}}");
        fresh.save();
        assertThat(fresh.savedProperty().get()).isTrue();
        assertThat(items.rows().get(0).values()).containsEntry("pk", "NOTE#1").containsEntry("ok", true);
    }

    @Test
    void editingAProjectedRowReadsTheWholeItemSoNothingIsDropped() {
        items.projectionProperty().set("pk, sk, message");
        queryMainConversation(SortKeyOperator.GT, "2000", false);
        ItemBrowserViewModel.Row partial = items.rows().get(0);
        assertThat(partial.values()).containsOnlyKeys("pk", "sk", "message");
        java.util.concurrent.atomic.AtomicReference<ItemEditorViewModel> opened = new java.util.concurrent.atomic.AtomicReference<>();
        items.edit(partial, false, opened::set);
        ItemEditorViewModel editor = opened.get();
        assertThat(editor.textProperty().get()).contains("user_handle").contains("message_uuid");
        editor.textProperty().set(editor.textProperty().get().replace((String) partial.values().get("message"), "Whole item kept"));
        editor.save();
        assertThat(editor.savedProperty().get()).isTrue();
        var stored = client.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS((String) partial.values().get("pk")),
                "sk", AttributeValue.fromS((String) partial.values().get("sk"))))).item();
        assertThat(stored).containsKeys("user_handle", "user_uuid", "user_display_name", "message_uuid");
        assertThat(stored.get("message").s()).isEqualTo("Whole item kept");
        assertThat(items.rows()).hasSize(50);
    }

    @Test
    void anIndexIsQueriedByItsOwnKeys() {
        items.indexProperty().set("message-group-sk-index");
        assertThat(items.partitionKeyNameProperty().get()).isEqualTo("message_group_uuid");
        assertThat(items.sortKeyNameProperty().get()).isEqualTo("sk");
        items.modeProperty().set(ItemBrowserViewModel.Mode.QUERY);
        items.partitionValueProperty().set(DemoFixture.MAIN_GROUP);
        items.ascendingProperty().set(false);
        items.run();
        assertThat(items.rows()).hasSize(2).allMatch(r -> ((String) r.values().get("pk")).startsWith("GRP#"));
        assertThat(items.columns()).startsWith("pk", "sk", "message_group_uuid");
    }

    @Test
    void anyTableOfTheConnectionCanBeBrowsedWithItsOwnKeys() {
        String other = table + "-numbers";
        client.createTable(r -> r.tableName(other).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("id").attributeType("N"))
                .keySchema(k -> k.attributeName("id").keyType("HASH")));
        waitUntilActive(other);
        client.putItem(r -> r.tableName(other).item(Map.of("id", AttributeValue.fromN("7"), "at", AttributeValue.fromN("1764058500"))));
        items.refreshTables();
        assertThat(items.tables()).contains(table, other);
        items.tableProperty().set(other);
        assertThat(items.sortKeyNameProperty().get()).isEmpty();
        assertThat(items.rows()).hasSize(1);
        assertThat(items.columns()).containsExactly("id", "at");
        ItemEditorViewModel fresh = items.editorFor(null);
        assertThat(fresh.textProperty().get()).contains("\"N\" : \"0\"");
        fresh.textProperty().set("{\"id\": {\"N\": \"8\"}}");
        fresh.save();
        assertThat(fresh.savedProperty().get()).isTrue();
        assertThat(items.rows()).hasSize(2);
        items.modeProperty().set(ItemBrowserViewModel.Mode.QUERY);
        items.partitionValueProperty().set("8");
        items.run();
        assertThat(items.rows()).extracting(r -> r.values().get("id")).containsExactly(new java.math.BigDecimal("8"));
    }

    @Test
    void multiSelectDeleteRemovesTheItems() {
        queryMainConversation(SortKeyOperator.GT, "2000", false);
        var two = List.of(items.rows().get(0), items.rows().get(1));
        AtomicInteger deleted = new AtomicInteger();
        items.delete(two, deleted::set);
        assertThat(deleted.get()).isEqualTo(2);
        assertThat(items.rows()).doesNotContainAnyElementsOf(two);
        assertThat(items.noticeProperty().get()).contains("Deleted 2 items");
        for (var r : two) assertThat(storedMessage((String) r.values().get("pk"), (String) r.values().get("sk"))).isNull();
    }

    @Test
    void writesAreRefusedWhileTheConnectionIsReadOnly() {
        ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(false);
        ItemBrowserViewModel locked = new ItemBrowserViewModel(BackgroundTasks.inline(), writable.getReadOnlyProperty(), ZoneOffset.UTC);
        locked.open(main.session().connection());
        assertThat(locked.rows()).isNotEmpty();
        assertThat(locked.whyReadOnly()).hasValueSatisfying(w -> assertThat(w).contains("read-only"));
        var victim = locked.rows().get(0);
        locked.delete(List.of(victim), n -> {});
        assertThat(locked.errorProperty().get()).contains("read-only");
        assertThat(storedMessage((String) victim.values().get("pk"), (String) victim.values().get("sk"))).isNotNull();
        ItemEditorViewModel editor = locked.editorFor(victim);
        editor.save();
        assertThat(editor.refusalProperty().get()).contains("read-only");
    }

    @Test
    void checkFindsALostGroupRowRepairNeedsTheTableNameAndASecondCheckIsClean() {
        ConsistencyViewModel check = browser.check();
        check.check();
        assertThat(check.reportProperty().get().clean()).isTrue();
        BrowserFixtures.removeBaykosGroupRow(client, table);
        check.check();
        assertThat(check.counts()).containsExactly(new ConsistencyViewModel.KindCount(FindingKind.MISSING_GROUP_ROW, 1));
        assertThat(check.findings()).hasSize(1);
        assertThat(check.planLines()).anyMatch(l -> l.contains("put") && l.contains("GRP#" + DemoFixture.ANDREW_BAYKO.uuid()));
        assertThat(check.canRepair()).isTrue();
        check.repair("not-the-table");
        assertThat(check.errorProperty().get()).contains("type the table's name");
        check.repair(table);
        assertThat(check.errorProperty().get()).isNull();
        assertThat(check.statusProperty().get()).startsWith("Repaired 1 conversation(s): 1 put(s)").contains("No findings");
        assertThat(check.reportProperty().get().clean()).isTrue();
        assertThat(check.counts()).isEmpty();
    }

    @Test
    void exportWritesEveryPageAndImportReportsRejectedLines(@TempDir Path dir) throws Exception {
        items.pageSizeProperty().set(7);
        queryMainConversation(SortKeyOperator.GT, "2000", true);
        TransferViewModel transfer = browser.transfer();
        assertThat(transfer.describeExport()).startsWith("Query of " + table).contains("every page");
        Path jsonl = dir.resolve("main.jsonl");
        transfer.export(jsonl);
        assertThat(transfer.errorProperty().get()).isNull();
        assertThat(Files.readAllLines(jsonl)).hasSize(DemoFixture.MAIN_MESSAGES);
        assertThat(transfer.resultProperty().get()).startsWith("Exported 100 items");
        transfer.formatProperty().set(ItemFileFormat.CSV);
        Path csv = dir.resolve("main.csv");
        transfer.export(csv);
        assertThat(Files.readAllLines(csv)).hasSize(DemoFixture.MAIN_MESSAGES + 1);

        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"pk\":{\"S\":\"IMP#1\"},\"sk\":{\"S\":\"a\"}}\nnot json\n{\"sk\":{\"S\":\"no pk\"}}\n{\"pk\":{\"S\":\"IMP#2\"},\"sk\":{\"S\":\"b\"}}\n");
        transfer.importFile(in);
        assertThat(transfer.errorProperty().get()).isNull();
        assertThat(transfer.resultProperty().get()).startsWith("Imported 2 of 4 records").contains("2 rejected");
        assertThat(transfer.rejected()).extracting(r -> r.line()).containsExactly(2, 3);
        assertThat(storedMessage("IMP#1", "a")).isEqualTo("");
    }

    @Test
    void anExportCancelledBetweenPagesSaysHowFarItGot(@TempDir Path dir) throws Exception {
        items.pageSizeProperty().set(7);
        queryMainConversation(SortKeyOperator.GT, "2000", true);
        TransferViewModel transfer = browser.transfer();
        // the progress line arrives after each page: cancel on the first one
        transfer.statusProperty().addListener((o, a, text) -> {
            if (text != null && text.startsWith("Exported ")) transfer.cancel();
        });
        Path file = dir.resolve("part.jsonl");
        transfer.export(file);
        assertThat(transfer.resultProperty().get()).startsWith("Cancelled: exported 7 items");
        assertThat(Files.readAllLines(file)).hasSize(7);
        assertThat(transfer.runningProperty().get()).isFalse();
    }

    /** dynalite creates a table asynchronously (CREATING, then ACTIVE). */
    private static void waitUntilActive(String name) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (client.describeTable(r -> r.tableName(name)).table().tableStatus()
                != software.amazon.awssdk.services.dynamodb.model.TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) throw new AssertionError(name + " did not become ACTIVE");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The stored message text; "" for an item without one, null when there is no item. */
    private String storedMessage(String pk, String sk) {
        var item = client.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))));
        if (!item.hasItem() || item.item().isEmpty()) return null;
        AttributeValue m = item.item().get("message");
        return m == null ? "" : m.s();
    }
}
