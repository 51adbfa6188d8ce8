package dev.cruddur.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.domain.User;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The data layer's behaviour, run against each real DynamoDB-API server (dynalite, and the
 * embedded engine): schema, patterns A and B across many pages, sending, retries, bad input,
 * tolerant reading. Each test works in a table of its own.
 */
abstract class DataLayerContract {
    private static final AtomicInteger TABLES = new AtomicInteger();

    protected abstract URI endpoint();

    protected DirectMessages dm;
    protected String table;

    @BeforeEach
    void openTable() {
        table = "t" + TABLES.incrementAndGet() + "-" + getClass().getSimpleName().toLowerCase();
        dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(endpoint(), table)), Clock.systemUTC());
        dm.schema().create();
    }

    @AfterEach
    void closeTable() {
        if (dm.schema().describe().exists()) dm.schema().drop(table);
        dm.close();
    }

    private List<Map<String, AttributeValue>> groupRows(String group) {
        return new MessageTableReader(dm.connection()).groupRows(group);
    }

    private int messageCount(String group) {
        return dm.connection().client().query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.messagePk(group))))
                .build()).count();
    }

    @Test
    void createTableMakesTableAndGroupIndexAndSecondCreateChangesNothing() {
        TableSchema.TableState state = dm.schema().describe();
        assertThat(state.exists()).isTrue();
        assertThat(state.groupIndex()).isTrue();
        assertThat(state.status()).isEqualTo("ACTIVE");
        assertThat(dm.schema().create()).isInstanceOf(TableSchema.AlreadyExists.class);
        assertThat(dm.schema().listTables()).contains(table);
    }

    @Test
    void dropNeedsTheTableNameTyped() {
        StoreException refused = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> dm.schema().drop("cruddur"));
        assertThat(refused.getMessage()).contains("type the table's name");
        assertThat(dm.schema().describe().exists()).isTrue();
        dm.schema().drop(table);
        assertThat(dm.schema().describe().exists()).isFalse();
    }

    @Test
    void fixtureLoadsOnceWithTheSeedsConversation() {
        assertThat(dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE)).isInstanceOf(Seeder.Seeded.class);
        assertThat(dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE)).isInstanceOf(Seeder.AlreadySeeded.class);
        List<Message> all = dm.allMessages(DemoFixture.MAIN_GROUP);
        assertThat(all).hasSize(DemoFixture.MAIN_MESSAGES);
        assertThat(all).extracting(m -> m.sender().handle()).startsWith("andrewbrown", "bayko", "andrewbrown");
        assertThat(Duration.between(all.get(0).createdAt().instant().orElseThrow(), all.get(1).createdAt().instant().orElseThrow()))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(dm.allConversations(DemoFixture.ANDREW_BROWN)).extracting(c -> c.other().handle()).containsExactly("bayko", "londo");
        assertThat(dm.refreshUsers().all()).extracting(User::handle).contains("andrewbrown", "bayko", "londo");
    }

    @Test
    void patternBPagesThroughEveryConversationNewestFirst() {
        Seeder.Seeded seeded = dm.seeder().generate(6, 45, 2, 7, Instant.now(), Seeder.Progress.NONE);
        assertThat(seeded.items()).isEqualTo(45 * 4);
        User user = dm.refreshUsers().find("user0").orElseThrow();
        List<Conversation> expected = dm.allConversations(user);
        List<Conversation> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<Conversation> page = dm.conversations(user, cursor, 4);
            assertThat(page.items().size()).isLessThanOrEqualTo(4);
            paged.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());
        assertThat(expected.size()).isGreaterThan(8);
        assertThat(pages).isEqualTo((expected.size() + 3) / 4);
        assertThat(paged).extracting(Conversation::groupUuid).containsExactlyElementsOf(expected.stream().map(Conversation::groupUuid).toList());
        List<String> times = paged.stream().map(c -> c.lastMessageAt().raw()).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void patternAPagesBackToTheFirstMessageEachPageOldestToNewest() {
        dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
        List<List<Message>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Message> page = dm.messages(DemoFixture.MAIN_GROUP, cursor, 15);
            assertThat(page.items()).extracting(m -> m.createdAt().raw()).isSorted();
            pages.add(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        assertThat(pages).hasSize(7);
        assertThat(pages.get(0).get(pages.get(0).size() - 1).text()).isEqualTo(dm.allMessages(DemoFixture.MAIN_GROUP).get(99).text());
        List<Message> joined = new ArrayList<>();
        for (int i = pages.size() - 1; i >= 0; i--) joined.addAll(pages.get(i));
        assertThat(joined).hasSize(100);
        assertThat(joined).extracting(m -> m.createdAt().raw()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void sendWritesTheMessageAndMovesBothGroupRows() {
        dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
        SendResult result = dm.send(dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BAYKO, "  New episode tonight?  "));
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        Message sent = ((SendResult.Sent) result).message();
        assertThat(sent.text()).isEqualTo("New episode tonight?");
        assertThat(sent.createdAt().isCanonical()).isTrue();
        Page<Message> newest = dm.messages(DemoFixture.MAIN_GROUP, Optional.empty(), 5);
        assertThat(newest.items().get(4).messageUuid()).isEqualTo(sent.messageUuid());
        for (User u : List.of(DemoFixture.ANDREW_BROWN, DemoFixture.ANDREW_BAYKO)) {
            Conversation top = dm.conversations(u, Optional.empty(), 10).items().get(0);
            assertThat(top.groupUuid()).isEqualTo(DemoFixture.MAIN_GROUP);
            assertThat(top.lastMessage()).isEqualTo("New episode tonight?");
            assertThat(top.lastMessageAt().raw()).isEqualTo(sent.createdAt().raw());
        }
        assertThat(groupRows(DemoFixture.MAIN_GROUP)).hasSize(2);
        // the group row of Brown names Bayko, and the other way round
        Conversation brownsView = dm.conversations(DemoFixture.ANDREW_BROWN, Optional.empty(), 1).items().get(0);
        assertThat(brownsView.other().handle()).isEqualTo("bayko");
        // a conversation the send did not touch keeps its row
        assertThat(dm.allConversations(DemoFixture.LONDO)).hasSize(1);
    }

    @Test
    void retryingTheSameSendNeverDuplicates() {
        dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
        OutgoingMessage outgoing = dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BROWN, "Once only");
        SendResult first = dm.send(outgoing);
        SendResult second = dm.send(outgoing);
        assertThat(first).isInstanceOf(SendResult.Sent.class);
        assertThat(((SendResult.Sent) first).repeated()).isFalse();
        assertThat(second).isInstanceOf(SendResult.Sent.class);
        assertThat(((SendResult.Sent) second).repeated()).isTrue();
        assertThat(messageCount(DemoFixture.MAIN_GROUP)).isEqualTo(DemoFixture.MAIN_MESSAGES + 1);
        assertThat(groupRows(DemoFixture.MAIN_GROUP)).hasSize(2);
        assertThat(dm.allMessages(DemoFixture.MAIN_GROUP)).filteredOn(m -> m.text().equals("Once only")).hasSize(1);
    }

    @Test
    void refusedInputWritesNothing() {
        dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
        int before = messageCount(DemoFixture.MAIN_GROUP);
        assertThat(dm.send(dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BROWN, "   ")))
                .isEqualTo(new SendResult.Rejected("The message is empty: write at least one character."));
        SendResult tooLong = dm.send(dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BROWN, "x".repeat(1025)));
        assertThat(((SendResult.Rejected) tooLong).reason()).contains("1025").contains("1024");
        SendResult stranger = dm.send(dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.LONDO, "let me in"));
        assertThat(((SendResult.Rejected) stranger).reason()).isEqualTo("@londo is not in this conversation.");
        SendResult nowhere = dm.send(dm.prepare("00000000-0000-0000-0000-000000000000", DemoFixture.LONDO, "hello?"));
        assertThat(((SendResult.Rejected) nowhere).reason()).startsWith("There is no conversation");
        assertThat(messageCount(DemoFixture.MAIN_GROUP)).isEqualTo(before);
        assertThat(dm.send(dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BROWN, "y".repeat(1024))))
                .isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void newConversationCreatesBothRowsAndReusesAnExistingOne() {
        dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
        OutgoingMessage first = dm.prepareConversation(DemoFixture.ANDREW_BAYKO, DemoFixture.LONDO, "Hello, ambassador");
        SendResult created = dm.startConversation(first, DemoFixture.LONDO);
        assertThat(created).isInstanceOf(SendResult.Sent.class);
        assertThat(groupRows(first.groupUuid())).hasSize(2);
        assertThat(dm.allConversations(DemoFixture.LONDO)).extracting(c -> c.other().handle()).containsExactly("bayko", "andrewbrown");
        OutgoingMessage again = dm.prepareConversation(DemoFixture.LONDO, DemoFixture.ANDREW_BAYKO, "Welcome!");
        assertThat(again.groupUuid()).isEqualTo(first.groupUuid());
        assertThat(dm.startConversation(again, DemoFixture.ANDREW_BAYKO)).isInstanceOf(SendResult.Sent.class);
        assertThat(dm.allMessages(first.groupUuid())).extracting(Message::text).containsExactly("Hello, ambassador", "Welcome!");
        assertThat(groupRows(first.groupUuid())).hasSize(2);
        // retrying the first creation changes nothing
        assertThat(((SendResult.Sent) dm.startConversation(first, DemoFixture.LONDO)).repeated()).isTrue();
        assertThat(dm.allMessages(first.groupUuid())).hasSize(2);
    }

    @Test
    void readsToleratewhatCruddursBackendWrote() {
        String group = "7c1e0b1c-0000-4000-8000-000000000001";
        User a = DemoFixture.ANDREW_BROWN;
        User b = DemoFixture.ANDREW_BAYKO;
        List<Map<String, AttributeValue>> items = List.of(
                Items.messageRow(group, "m1", a, "naive seed value", "2023-04-15T13:15:19.922515"),
                Items.messageRow(group, "m2", b, "from a server in New York", "2023-04-15T10:16:00.000001-04:00"),
                Items.messageRow(group, "m3", a, "canonical", "2023-04-15T14:17:00.000000+00:00"),
                withoutAttribute(Items.messageRow(group, "m4", b, "no sender handle", "2023-04-15T14:18:00.000000+00:00"), "user_handle"),
                Items.groupRow(a.uuid(), group, b, "no sender handle", "2023-04-15T14:18:00.000000+00:00"),
                withoutAttribute(Items.groupRow(b.uuid(), group, a, "x", "2023-04-15 14:18:00+00"), "message"));
        for (Map<String, AttributeValue> item : items) dm.connection().client().putItem(r -> r.tableName(table).item(item));
        List<Message> messages = dm.allMessages(group);
        // string order, as DynamoDB keeps it: the New York value (14:16 UTC) sorts before the naive
        // 13:15 one; the sort-key linter exists to find exactly this
        assertThat(messages).extracting(Message::messageUuid).containsExactly("m2", "m1", "m3", "m4");
        assertThat(messages.get(1).createdAt().naive()).isTrue();
        assertThat(messages.get(1).problems()).anyMatch(p -> p.contains("no offset"));
        assertThat(messages.get(0).createdAt().instant()).contains(Instant.parse("2023-04-15T14:16:00.000001Z"));
        assertThat(messages.get(3).problems()).contains("missing user_handle");
        List<Conversation> bs = dm.allConversations(b);
        assertThat(bs).hasSize(1);
        assertThat(bs.get(0).problems()).contains("missing message");
        assertThat(bs.get(0).lastMessageAt().form()).isEqualTo(dev.cruddur.admin.domain.SortKeyTime.Form.POSTGRES_TZ);
    }

    @Test
    void aRowLeftTwiceByAnInterruptedWriteReadsOnceAndTheRetryRepairsIt() {
        dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
        OutgoingMessage outgoing = dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BROWN, "interrupted");
        // the state an ordered write leaves when it dies after the new group rows, before deleting the old ones
        var message = Items.messageRow(outgoing.groupUuid(), outgoing.messageUuid(), outgoing.sender(), outgoing.text(), outgoing.sortKey());
        dm.connection().client().putItem(r -> r.tableName(table).item(message));
        dm.connection().client().putItem(r -> r.tableName(table).item(
                Items.groupRow(DemoFixture.ANDREW_BROWN.uuid(), DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BAYKO, "interrupted", outgoing.sortKey())));
        assertThat(groupRows(DemoFixture.MAIN_GROUP)).hasSize(3);
        List<Conversation> browns = dm.conversations(DemoFixture.ANDREW_BROWN, Optional.empty(), 10).items();
        assertThat(browns).extracting(Conversation::groupUuid).containsExactly(DemoFixture.MAIN_GROUP, DemoFixture.LONDO_GROUP);
        assertThat(browns.get(0).lastMessage()).isEqualTo("interrupted");

        SendResult retried = dm.send(outgoing);
        assertThat(((SendResult.Sent) retried).repeated()).isTrue();
        List<Map<String, AttributeValue>> rows = groupRows(DemoFixture.MAIN_GROUP);
        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("sk").s()).isEqualTo(outgoing.sortKey()));
        assertThat(messageCount(DemoFixture.MAIN_GROUP)).isEqualTo(DemoFixture.MAIN_MESSAGES + 1);
    }

    @Test
    void anOlderMessageNeverMovesAGroupRowBackwards() {
        dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
        Message newest = dm.allMessages(DemoFixture.MAIN_GROUP).get(DemoFixture.MAIN_MESSAGES - 1);
        OutgoingMessage late = new OutgoingMessage(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BROWN, "late arrival",
                "late-1", newest.createdAt().instant().orElseThrow().minusSeconds(30));
        assertThat(dm.send(late)).isInstanceOf(SendResult.Sent.class);
        assertThat(groupRows(DemoFixture.MAIN_GROUP)).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("sk").s()).isEqualTo(newest.createdAt().raw()));
    }

    @Test
    void aMissingTableSaysSoInPlainWords() {
        DirectMessages other = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(endpoint(), "no-such-table")), Clock.systemUTC());
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                () -> other.conversations(DemoFixture.ANDREW_BROWN, Optional.empty(), 5));
        assertThat(e.kind()).isEqualTo(StoreException.Kind.TABLE_MISSING);
        assertThat(e.getMessage()).isEqualTo("The table 'no-such-table' does not exist on " + endpoint() + ".");
        other.close();
    }

    @Test
    void aBadCursorIsRefusedAsBadInput() {
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                () -> dm.conversations(DemoFixture.ANDREW_BROWN, Optional.of("@@not-ours"), 5));
        assertThat(e.kind()).isEqualTo(StoreException.Kind.INVALID);
    }

    private static Map<String, AttributeValue> withoutAttribute(Map<String, AttributeValue> item, String name) {
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.remove(name);
        return copy;
    }
}
