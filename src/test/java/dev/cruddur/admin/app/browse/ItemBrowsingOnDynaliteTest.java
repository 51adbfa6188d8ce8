package dev.cruddur.admin.app.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.ItemBrowser;
import dev.cruddur.admin.store.ItemEditor;
import dev.cruddur.admin.store.ItemEditor.TextShape;
import dev.cruddur.admin.store.StoreException;
import dev.cruddur.admin.store.TableSchema;
import dev.cruddur.admin.store.TableShape;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The item browser's queries and edits against dynalite, on a Cruddur-shaped table (pk, sk, GSI on message_group_uuid). */
class ItemBrowsingOnDynaliteTest {
    private static final String TABLE = "browse";
    private static DynaliteServer dynalite;
    private static DynamoConnection connection;
    private static ItemBrowsing browsing;
    private static ItemEditor editor;

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.start();
        connection = DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(), TABLE));
        new TableSchema(connection).create();
        browsing = new ItemBrowsing(connection);
        editor = new ItemEditor(connection);
        // P#1 holds sk 2026-01-01 .. 2026-01-09; odd days are in group g1, even ones in g2
        for (int d = 1; d <= 9; d++) {
            String json = "{\"pk\":{\"S\":\"P#1\"},\"sk\":{\"S\":\"2026-01-0" + d + "\"},\"message_group_uuid\":{\"S\":\"g" + (d % 2 == 1 ? 1 : 2)
                    + "\"},\"n\":{\"N\":\"" + d + "\"},\"flag\":{\"BOOL\":" + (d % 3 == 0) + "},\"name\":{\"S\":\"item " + d + "\"}"
                    + (d == 5 ? ",\"tags\":{\"SS\":[\"red\",\"blue\"]}" : "") + "}";
            assertThat(editor.create(TABLE, json, TextShape.DYNAMODB_JSON, false)).isInstanceOf(ItemEditor.Saved.class);
        }
        editor.create(TABLE, "{\"pk\":\"P#2\",\"sk\":\"2026-02-01\",\"n\":100}", TextShape.PLAIN_JSON, false);
    }

    @AfterAll
    static void stop() {
        connection.close();
        dynalite.close();
    }

    private static List<Map<String, Object>> all(ItemQuery query) {
        List<Map<String, Object>> out = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ItemBrowser.BrowsePage page = browsing.page(query, cursor);
            page.items().forEach(i -> out.add(i.values()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return out;
    }

    private static List<Object> sks(ItemQuery query) {
        return all(query).stream().map(i -> i.get("sk")).toList();
    }

    private static ItemQuery p1() {
        return ItemQuery.query(TABLE, "P#1");
    }

    @Test
    void describeTableGivesKeysAndIndexes() {
        TableShape shape = browsing.shape(TABLE);
        assertThat(shape.keyNames()).containsExactly("pk", "sk");
        assertThat(shape.indexes()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("message-group-sk-index");
            assertThat(i.partitionKey().name()).isEqualTo("message_group_uuid");
        });
    }

    @Test
    void everySortKeyOperatorSelectsTheRightItems() {
        assertThat(sks(p1().sortKey(SortKeyOperator.EQ, "2026-01-03"))).containsExactly("2026-01-03");
        assertThat(sks(p1().sortKey(SortKeyOperator.LT, "2026-01-03"))).containsExactly("2026-01-01", "2026-01-02");
        assertThat(sks(p1().sortKey(SortKeyOperator.LE, "2026-01-03"))).containsExactly("2026-01-01", "2026-01-02", "2026-01-03");
        assertThat(sks(p1().sortKey(SortKeyOperator.GT, "2026-01-07"))).containsExactly("2026-01-08", "2026-01-09");
        assertThat(sks(p1().sortKey(SortKeyOperator.GE, "2026-01-08"))).containsExactly("2026-01-08", "2026-01-09");
        assertThat(sks(p1().sortKey(SortKeyOperator.BETWEEN, "2026-01-04", "2026-01-06")))
                .containsExactly("2026-01-04", "2026-01-05", "2026-01-06");
        assertThat(sks(p1().sortKey(SortKeyOperator.BEGINS_WITH, "2026-01-0"))).hasSize(9);
        assertThat(sks(ItemQuery.query(TABLE, "P#2").sortKey(SortKeyOperator.BEGINS_WITH, "2026-02"))).containsExactly("2026-02-01");
    }

    @Test
    void descendingReversesTheOrder() {
        assertThat(sks(p1().sortKey(SortKeyOperator.LE, "2026-01-03").descending()))
                .containsExactly("2026-01-03", "2026-01-02", "2026-01-01");
    }

    @Test
    void anIndexIsQueriedByItsOwnKeys() {
        assertThat(sks(p1().onIndex("message-group-sk-index")
                .sortKey(SortKeyOperator.GT, "2026-01-04")).size()).isZero(); // "P#1" is no group
        assertThat(sks(ItemQuery.query(TABLE, "g1").onIndex("message-group-sk-index").sortKey(SortKeyOperator.GT, "2026-01-04").descending()))
                .containsExactly("2026-01-09", "2026-01-07", "2026-01-05");
        assertThatThrownBy(() -> browsing.page(ItemQuery.query(TABLE, "g1").onIndex("nope"), Optional.empty()))
                .isInstanceOf(StoreException.class).hasMessageContaining("has no index 'nope'");
    }

    @Test
    void filterRowsNarrowWhatIsReturnedButNotWhatIsRead() {
        ItemQuery q = p1().filter(FilterRow.of("n", FilterOperator.GT, "6", ValueType.N), FilterRow.of("flag", FilterOperator.EQ, "false", ValueType.BOOL));
        assertThat(sks(q)).containsExactly("2026-01-07", "2026-01-08");
        ItemBrowser.BrowsePage page = browsing.page(q, Optional.empty());
        assertThat(page.scannedCount()).isEqualTo(9);
        assertThat(sks(p1().filter(FilterRow.of("name", FilterOperator.BEGINS_WITH, "item 4")))).containsExactly("2026-01-04");
        assertThat(sks(p1().filter(FilterRow.of("tags", FilterOperator.CONTAINS, "red")))).containsExactly("2026-01-05");
        assertThat(sks(p1().filter(FilterRow.of("tags", FilterOperator.EXISTS, "")))).containsExactly("2026-01-05");
        assertThat(sks(p1().filter(FilterRow.of("tags", FilterOperator.NOT_EXISTS, "")))).hasSize(8);
        assertThat(sks(p1().filter(FilterRow.of("name", FilterOperator.NE, "item 1")))).hasSize(8);
        assertThat(sks(p1().filter(new FilterRow("n", FilterOperator.BETWEEN, "2", "3", ValueType.N)))).containsExactly("2026-01-02", "2026-01-03");
        assertThat(sks(ItemQuery.scan(TABLE).filter(FilterRow.of("n", FilterOperator.GE, "{\"N\":\"9\"}", ValueType.DYNAMODB_JSON))))
                .containsExactlyInAnyOrder("2026-01-09", "2026-02-01");
    }

    @Test
    void aTypedFilterCombinesWithRows() {
        TypedFilter typed = new TypedFilter("#g = :g OR #n < :n", Map.of("#g", "message_group_uuid", "#n", "n"),
                Map.of(":g", "{\"S\":\"g2\"}", ":n", "{\"N\":\"2\"}"));
        assertThat(sks(p1().filter(typed))).containsExactly("2026-01-01", "2026-01-02", "2026-01-04", "2026-01-06", "2026-01-08");
        assertThat(sks(p1().filter(typed).filter(FilterRow.of("flag", FilterOperator.EQ, "true", ValueType.BOOL))))
                .containsExactly("2026-01-06");
        assertThat(browsing.request(p1().filter(FilterRow.of("flag", FilterOperator.EQ, "true", ValueType.BOOL)).filter(typed)).filter())
                .contains("#f0 = :f0 AND (#g = :g OR #n < :n)");
    }

    @Test
    void projectionReturnsOnlyTheNamedAttributesEvenReservedWords() {
        List<Map<String, Object>> items = all(p1().sortKey(SortKeyOperator.EQ, "2026-01-02").project("sk", "name"));
        assertThat(items).containsExactly(Map.of("sk", "2026-01-02", "name", "item 2"));
    }

    @Test
    void pagingFollowsTheOpaqueCursorToTheEnd() {
        ItemQuery q = p1().pageSize(2);
        List<Object> seen = new ArrayList<>();
        int pages = 0;
        Optional<String> cursor = Optional.empty();
        do {
            ItemBrowser.BrowsePage page = browsing.page(q, cursor);
            assertThat(page.items().size()).isLessThanOrEqualTo(2);
            page.items().forEach(i -> seen.add(i.values().get("sk")));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());
        assertThat(pages).isBetween(5, 6);
        assertThat(seen).isEqualTo(sks(p1()));
        assertThat(sks(ItemQuery.scan(TABLE).pageSize(3))).hasSize(10);
        assertThatThrownBy(() -> browsing.page(q, Optional.of("not-a-cursor"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void keyValuesMustBeOfTheKeysType() {
        assertThatThrownBy(() -> browsing.page(ItemQuery.query(TABLE, ""), Optional.empty()))
                .hasMessageContaining("needs the value of the partition key 'pk'");
        assertThatThrownBy(() -> browsing.page(p1().filter(FilterRow.of("n", FilterOperator.EQ, "seven", ValueType.N)), Optional.empty()))
                .hasMessageContaining("must be a number");
    }

    @Test
    void aStaleEditIsRefusedAndAFreshOneSaved() {
        String json = "{\"pk\":{\"S\":\"E#1\"},\"sk\":{\"S\":\"x\"},\"count\":{\"N\":\"1\"},\"list\":{\"L\":[{\"S\":\"a\"},{\"M\":{\"k\":{\"BOOL\":true}}}]},"
                + "\"set\":{\"SS\":[\"p\",\"q\"]},\"bin\":{\"B\":\"AAE=\"}}";
        ItemEditor.Saved created = (ItemEditor.Saved) editor.create(TABLE, json, TextShape.DYNAMODB_JSON, false);
        assertThat(editor.create(TABLE, json, TextShape.DYNAMODB_JSON, false))
                .isEqualTo(new ItemEditor.Refused("An item with this key already exists."));
        String readImage = browsing.page(ItemQuery.query(TABLE, "E#1"), Optional.empty()).items().get(0).dynamoJson();
        // someone else saves meanwhile
        ItemEditor.SaveOutcome theirs = editor.replace(TABLE, readImage,
                "{\"pk\":\"E#1\",\"sk\":\"x\",\"count\":2,\"list\":[\"a\",{\"k\":true}],\"set\":{\"$ss\":[\"p\",\"q\"]},\"bin\":{\"$b\":\"AAE=\"}}",
                TextShape.PLAIN_JSON);
        assertThat(theirs).isInstanceOf(ItemEditor.Saved.class);
        ItemEditor.SaveOutcome ours = editor.replace(TABLE, readImage, json.replace("\"1\"", "\"3\""), TextShape.DYNAMODB_JSON);
        assertThat(ours).isEqualTo(new ItemEditor.Refused(
                "The item changed since it was read (someone else saved or deleted it). Reload it and edit again."));
        String fresh = browsing.page(ItemQuery.query(TABLE, "E#1"), Optional.empty()).items().get(0).dynamoJson();
        assertThat(fresh).contains("\"count\":{\"N\":\"2\"}");
        assertThat(editor.replace(TABLE, fresh, json.replace("\"1\"", "\"3\""), TextShape.DYNAMODB_JSON)).isInstanceOf(ItemEditor.Saved.class);
        assertThat(editor.replace(TABLE, created.dynamoJson(), json.replace("\"x\"", "\"y\""), TextShape.DYNAMODB_JSON))
                .isInstanceOfSatisfying(ItemEditor.Refused.class, r -> assertThat(r.reason()).contains("keys cannot be edited"));
        editor.delete(TABLE, Map.of("pk", "E#1", "sk", "x"));
        assertThat(editor.replace(TABLE, fresh, json, TextShape.DYNAMODB_JSON)).isInstanceOf(ItemEditor.Refused.class);
    }

    @Test
    void invalidTextIsRefusedWithWhereAndWhy() {
        assertThat(editor.create(TABLE, "{\"pk\":{\"S\":\"A\"},\n \"sk\":{\"S\":\"b\"},\n \"x\":{\"S\" 1}}", TextShape.DYNAMODB_JSON, false))
                .isInstanceOfSatisfying(ItemEditor.Refused.class, r -> assertThat(r.reason()).startsWith("Not DynamoDB JSON at line 3, column "));
        assertThat(editor.create(TABLE, "{\"pk\":\"A\"}", TextShape.PLAIN_JSON, false))
                .isEqualTo(new ItemEditor.Refused("Not saved: missing key attribute 'sk'."));
        assertThat(editor.create(TABLE, "{\"pk\":\"A\",\"sk\":5}", TextShape.PLAIN_JSON, false))
                .isEqualTo(new ItemEditor.Refused("Not saved: key attribute 'sk' must be S, is N."));
    }

    @Test
    void duplicateAndMultiDelete() {
        editor.create(TABLE, "{\"pk\":\"D#1\",\"sk\":\"a\",\"v\":1.50}", TextShape.PLAIN_JSON, false);
        String image = browsing.page(ItemQuery.query(TABLE, "D#1"), Optional.empty()).items().get(0).dynamoJson();
        assertThat(editor.duplicate(TABLE, image, Map.of("sk", "b"))).isInstanceOf(ItemEditor.Saved.class);
        assertThat(editor.duplicate(TABLE, image, Map.of("sk", "b"))).isInstanceOf(ItemEditor.Refused.class);
        for (int i = 0; i < 30; i++) editor.create(TABLE, "{\"pk\":\"D#1\",\"sk\":\"z" + i + "\"}", TextShape.PLAIN_JSON, false);
        List<Map<String, Object>> all = all(ItemQuery.query(TABLE, "D#1"));
        assertThat(all).hasSize(32);
        assertThat((BigDecimal) all.get(1).get("v")).isEqualByComparingTo(new BigDecimal("1.50"));
        List<Map<String, Object>> keys = all.stream().map(i -> Map.of("pk", i.get("pk"), "sk", i.get("sk"))).toList();
        assertThat(editor.deleteAll(TABLE, keys)).isEqualTo(32);
        assertThat(all(ItemQuery.query(TABLE, "D#1"))).isEmpty();
    }
}
