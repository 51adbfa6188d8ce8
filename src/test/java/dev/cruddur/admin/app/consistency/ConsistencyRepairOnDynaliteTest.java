package dev.cruddur.admin.app.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table damaged in each way the consistency rules name, checked, repaired and checked clean,
 * against dynalite (no transactions: the repair takes the ordered put-before-delete path).
 */
class ConsistencyRepairOnDynaliteTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynaliteServer dynalite;

    private DirectMessages dm;
    private DynamoDbClient client;
    private String table;
    private TableConsistency consistency;

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.start();
    }

    @AfterAll
    static void stop() {
        dynalite.close();
    }

    @BeforeEach
    void seed() {
        table = "consistency" + TABLES.incrementAndGet();
        dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(), table)), Clock.systemUTC());
        dm.schema().create();
        dm.seeder().generate(4, 6, 3, 11, Instant.parse("2026-11-20T10:00:00Z"), Seeder.Progress.NONE);
        client = dm.connection().client();
        consistency = new TableConsistency(dm.connection());
        assertThat(consistency.check().report().clean()).isTrue();
    }

    @AfterEach
    void drop() {
        dm.schema().drop(table);
        dm.close();
    }

    // --- damage ------------------------------------------------------------------------------

    private List<Map<String, AttributeValue>> scan(String prefix) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        client.scanPaginator(r -> r.tableName(table)).items().forEach(i -> {
            if (i.get("pk").s().startsWith(prefix)) out.add(i);
        });
        out.sort((a, b) -> (a.get("pk").s() + a.get("sk").s()).compareTo(b.get("pk").s() + b.get("sk").s()));
        return out;
    }

    /** The group rows of the n-th conversation (in a stable order). */
    private List<Map<String, AttributeValue>> rowsOf(String group) {
        return scan("GRP#").stream().filter(r -> r.get("message_group_uuid").s().equals(group)).toList();
    }

    private List<String> groups() {
        return scan("GRP#").stream().map(r -> r.get("message_group_uuid").s()).distinct().sorted().toList();
    }

    private void delete(Map<String, AttributeValue> item) {
        client.deleteItem(r -> r.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
    }

    private void put(Map<String, AttributeValue> item) {
        client.putItem(r -> r.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> item, String name, String value) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
        copy.put(name, AttributeValue.fromS(value));
        return copy;
    }

    private void deleteOneRow(String group) {
        delete(rowsOf(group).get(0));
    }

    private void leaveDuplicate(String group) {
        put(with(with(rowsOf(group).get(0), "sk", "2020-01-01T00:00:00.000000+00:00"), "message", "older"));
    }

    private void makeStale(String group) {
        Map<String, AttributeValue> row = rowsOf(group).get(1);
        delete(row);
        put(with(with(row, "sk", "2021-01-01T00:00:00.000000+00:00"), "message", "an old text"));
    }

    private void nameWrongUser(String group) {
        Map<String, AttributeValue> row = rowsOf(group).get(0);
        String owner = row.get("pk").s().substring(4);
        put(with(with(row, "user_uuid", owner), "user_handle", "itself"));
    }

    private void addStrangersRow(String group) {
        put(with(rowsOf(group).get(0), "pk", "GRP#00000000-0000-0000-0000-0000000000ff"));
    }

    private void deleteAllRows(String group) {
        rowsOf(group).forEach(this::delete);
    }

    private void addRowsWithoutMessages() {
        User a = new User("10000000-0000-0000-0000-000000000001", "ghost1", "Ghost One");
        User b = new User("10000000-0000-0000-0000-000000000002", "ghost2", "Ghost Two");
        String group = "20000000-0000-0000-0000-000000000009";
        put(row(a.uuid(), group, b));
        put(row(b.uuid(), group, a));
    }

    private static Map<String, AttributeValue> row(String owner, String group, User other) {
        return Map.of("pk", AttributeValue.fromS("GRP#" + owner), "sk", AttributeValue.fromS("2022-05-01T00:00:00.000000+00:00"),
                "message_group_uuid", AttributeValue.fromS(group), "message", AttributeValue.fromS("hello?"),
                "user_uuid", AttributeValue.fromS(other.uuid()), "user_handle", AttributeValue.fromS(other.handle()),
                "user_display_name", AttributeValue.fromS(other.displayName()));
    }

    private void addMonologue() {
        String group = "30000000-0000-0000-0000-000000000003";
        for (int i = 0; i < 3; i++) {
            put(Map.of("pk", AttributeValue.fromS("MSG#" + group), "sk", AttributeValue.fromS("2023-01-0" + (i + 1) + "T00:00:00.000000+00:00"),
                    "message_uuid", AttributeValue.fromS("m" + i), "message", AttributeValue.fromS("anyone?"),
                    "user_uuid", AttributeValue.fromS("40000000-0000-0000-0000-000000000004"),
                    "user_handle", AttributeValue.fromS("alone"), "user_display_name", AttributeValue.fromS("Alone")));
        }
    }

    // --- check, repair, check ------------------------------------------------------------------

    private CheckReport checkRepairAndRecheck(FindingKind... expected) {
        TableConsistency.Checked before = consistency.check();
        assertThat(before.report().countsByKind().keySet()).containsExactlyInAnyOrder(expected);
        assertThat(before.plan().empty()).isFalse();
        assertThat(consistency.repairer().apply(before.plan(), "cruddur-messages")).isInstanceOf(Repairer.Refused.class);
        assertThat(consistency.check().report().findings()).hasSameSizeAs(before.report().findings());
        Repairer.RepairOutcome outcome = consistency.repairer().apply(before.plan(), table);
        assertThat(outcome).isInstanceOfSatisfying(Repairer.Repaired.class, r -> assertThat(r.mode()).isEqualTo("ordered writes"));
        CheckReport after = consistency.check().report();
        everyConversationHasTwoRowsAtItsNewestMessage();
        return after;
    }

    private void everyConversationHasTwoRowsAtItsNewestMessage() {
        for (String group : groups()) {
            List<Map<String, AttributeValue>> rows = rowsOf(group);
            assertThat(rows).hasSize(2);
            var newest = dm.allMessages(group);
            if (newest.isEmpty()) continue;
            for (Map<String, AttributeValue> r : rows) {
                assertThat(r.get("sk").s()).isEqualTo(newest.get(newest.size() - 1).createdAt().raw());
                assertThat(r.get("user_uuid").s()).isNotEqualTo(r.get("pk").s().substring(4));
            }
        }
    }

    @Test
    void missingGroupRowIsPutBack() {
        deleteOneRow(groups().get(0));
        assertThat(checkRepairAndRecheck(FindingKind.MISSING_GROUP_ROW).clean()).isTrue();
    }

    @Test
    void duplicateRowOfAnInterruptedWriteIsDeleted() {
        leaveDuplicate(groups().get(1));
        TableConsistency.Checked checked = consistency.check();
        assertThat(checked.plan().puts()).isZero();
        assertThat(checked.plan().deletes()).isOne();
        assertThat(checkRepairAndRecheck(FindingKind.DUPLICATE_GROUP_ROW).clean()).isTrue();
    }

    @Test
    void staleRowMovesToTheNewestMessage() {
        makeStale(groups().get(2));
        assertThat(checkRepairAndRecheck(FindingKind.STALE_GROUP_ROW).clean()).isTrue();
    }

    @Test
    void rowNamingTheWrongUserNamesTheOtherParticipant() {
        String group = groups().get(3);
        nameWrongUser(group);
        assertThat(checkRepairAndRecheck(FindingKind.WRONG_OTHER_USER).clean()).isTrue();
        List<Map<String, AttributeValue>> rows = rowsOf(group);
        assertThat(rows.get(0).get("user_uuid").s()).isEqualTo(rows.get(1).get("pk").s().substring(4));
        assertThat(rows.get(0).get("user_handle").s()).startsWith("user");
    }

    @Test
    void strangersRowIsDeleted() {
        addStrangersRow(groups().get(0));
        assertThat(checkRepairAndRecheck(FindingKind.NOT_A_PARTICIPANT).clean()).isTrue();
    }

    @Test
    void messagesWithoutGroupRowsGetBothRowsFromTheirSenders() {
        String group = groups().get(4);
        List<Map<String, AttributeValue>> before = rowsOf(group);
        deleteAllRows(group);
        assertThat(checkRepairAndRecheck(FindingKind.MESSAGES_WITHOUT_GROUP_ROWS).clean()).isTrue();
        assertThat(rowsOf(group)).containsExactlyInAnyOrderElementsOf(before);
        User owner = new User(before.get(0).get("pk").s().substring(4), "", "");
        assertThat(dm.allConversations(owner)).extracting(Conversation::groupUuid).contains(group);
    }

    @Test
    void groupRowsWithoutMessagesAreDeleted() {
        addRowsWithoutMessages();
        assertThat(checkRepairAndRecheck(FindingKind.GROUP_ROWS_WITHOUT_MESSAGES).clean()).isTrue();
        assertThat(rowsOf("20000000-0000-0000-0000-000000000009")).isEmpty();
    }

    @Test
    void aMonologueWithoutRowsIsReportedAndLeftAlone() {
        addMonologue();
        TableConsistency.Checked checked = consistency.check();
        assertThat(checked.report().countsByKind()).containsExactly(Map.entry(FindingKind.CANNOT_REPAIR, 1));
        assertThat(checked.report().findings().get(0).detail()).contains("only @alone ever wrote");
        assertThat(checked.plan().empty()).isTrue();
        assertThat(checked.plan().leftAlone()).hasSize(1);
    }

    @Test
    void everyKindAtOnceIsRepairedInOnePass() {
        List<String> groups = groups();
        deleteOneRow(groups.get(0));
        leaveDuplicate(groups.get(1));
        makeStale(groups.get(2));
        nameWrongUser(groups.get(3));
        deleteAllRows(groups.get(4));
        addStrangersRow(groups.get(5));
        addRowsWithoutMessages();
        addMonologue();
        CheckReport after = checkRepairAndRecheck(FindingKind.MISSING_GROUP_ROW, FindingKind.DUPLICATE_GROUP_ROW,
                FindingKind.STALE_GROUP_ROW, FindingKind.WRONG_OTHER_USER, FindingKind.MESSAGES_WITHOUT_GROUP_ROWS,
                FindingKind.NOT_A_PARTICIPANT, FindingKind.GROUP_ROWS_WITHOUT_MESSAGES, FindingKind.CANNOT_REPAIR);
        assertThat(after.countsByKind()).containsExactly(Map.entry(FindingKind.CANNOT_REPAIR, 1));
        assertThat(dm.allMessages(groups.get(0))).hasSize(3);
    }

    @Test
    void theCheckCommandRepairsOnlyWithTheTableNameAndThenFindsNothing() {
        deleteOneRow(groups().get(0));
        leaveDuplicate(groups().get(1));
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        String[] base = {"--endpoint", dynalite.endpoint().toString(), "--table", table};
        int code = dev.cruddur.admin.cli.CruddurCommand.run(concat(base, "check", "--repair", "--confirm", "other"),
                new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("type the table's name");
        code = dev.cruddur.admin.cli.CruddurCommand.run(concat(base, "check", "--json"),
                new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"MISSING_GROUP_ROW\" : 1", "\"DUPLICATE_GROUP_ROW\" : 1");
        out.getBuffer().setLength(0);
        code = dev.cruddur.admin.cli.CruddurCommand.run(concat(base, "check", "--repair", "--confirm", table),
                new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Repair plan (1 puts, 1 deletes)", "A second check finds nothing.");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @SuppressWarnings("unused")
    private static String unused = TableKeys.PK;
}
