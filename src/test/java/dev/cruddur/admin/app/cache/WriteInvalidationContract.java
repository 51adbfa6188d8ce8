package dev.cruddur.admin.app.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.consistency.TableConsistency;
import dev.cruddur.admin.app.lint.SortKeyAudit;
import dev.cruddur.admin.app.lint.WorkProgress;
import dev.cruddur.admin.cache.CacheRead;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.SendMode;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.ItemEditor;
import dev.cruddur.admin.store.ItemFileFormat;
import dev.cruddur.admin.store.ItemImporter;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.store.StreamCheckpoints;
import dev.cruddur.admin.store.StreamUpdater;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every write path of the window and the command line, in process, against a real DynamoDB-API
 * endpoint (a subclass names it) and the embedded cache through the Momento SDK: after the write,
 * exactly the page keys it made stale are gone with their generation bumped, and every other
 * page key still holds its page at the same generation.
 */
@Timeout(120)
abstract class WriteInvalidationContract {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static CacheStore cache;

    protected abstract URI endpoint();

    private DirectMessages dm;
    private String table;
    private WriteInvalidation invalidation;
    private CachedMessages reads;
    private static final User OUTSIDER = new User("00000000-0000-4000-8000-0000000000aa", "outsider", "Ann Outsider");

    private List<User> users;
    private Map<String, List<String>> participants; // group -> owner uuids

    private record Snapshot(boolean present, long generation) {}

    @BeforeAll
    static void openCache() throws Exception {
        cache = CacheStore.open(CacheSettings.embedded());
    }

    @AfterAll
    static void closeCache() {
        cache.close();
    }

    @BeforeEach
    void seed() {
        table = "coherent" + TABLES.incrementAndGet() + "-" + getClass().getSimpleName().toLowerCase();
        dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(endpoint(), table)), Clock.systemUTC());
        dm.schema().create();
        dm.seeder().generate(4, 4, 3, 7, Instant.parse("2026-11-20T10:00:00Z"), Seeder.Progress.NONE);
        invalidation = WriteInvalidation.attach(dm.connection(), cache);
        reads = new CachedMessages(dm, cache, CachedMessages.DEFAULT_PAGE_SIZE, invalidation);
        users = new ArrayList<>(dm.refreshUsers().all());
        participants = new LinkedHashMap<>();
        for (User u : users) {
            for (Conversation c : dm.allConversations(u)) participants.computeIfAbsent(c.groupUuid(), g -> new ArrayList<>()).add(u.uuid());
        }
        assertThat(participants).hasSizeGreaterThanOrEqualTo(3);
        // a user with no rows yet (as Cruddur's Postgres has many): an empty list page of theirs is
        // cached too, and no write below but a conversation started with them may touch it
        users.add(OUTSIDER);
    }

    @AfterEach
    void drop() {
        reads.close();
        invalidation.close();
        dm.schema().drop(table);
        dm.close();
    }

    // ------------------------------------------------------------------ helpers

    private List<String> pageKeys() {
        List<String> keys = new ArrayList<>();
        users.forEach(u -> keys.add(CacheKeys.conversations(u.uuid())));
        participants.keySet().forEach(g -> keys.add(CacheKeys.messages(g)));
        return keys;
    }

    /** Every known page read through the cache, so each key holds a current page. */
    private Map<String, Snapshot> primed() {
        for (User u : users) reads.conversations(u, Optional.empty(), reads.pageSize());
        for (String g : participants.keySet()) reads.messages(g, Optional.empty(), reads.pageSize());
        Map<String, Snapshot> before = snapshot();
        assertThat(before.values()).allMatch(Snapshot::present);
        return before;
    }

    private Map<String, Snapshot> snapshot() {
        Map<String, Snapshot> out = new LinkedHashMap<>();
        for (String key : pageKeys()) {
            boolean present = cache.getText(key) instanceof CacheRead.Hit<String>;
            long generation = cache.getText(CacheKeys.generationOf(key)) instanceof CacheRead.Hit<String> hit
                    ? Long.parseLong(hit.value().strip()) : -1;
            out.put(key, new Snapshot(present, generation));
        }
        return out;
    }

    /** Runs the write on a primed cache and checks that exactly {@code stale} went stale. */
    private void assertMakesStale(Set<String> stale, Runnable write) {
        Map<String, Snapshot> before = primed();
        write.run();
        Map<String, Snapshot> after = snapshot();
        for (String key : pageKeys()) {
            if (stale.contains(key)) {
                assertThat(after.get(key).present()).as(key + " dropped").isFalse();
                assertThat(after.get(key).generation()).as(key + " bumped").isGreaterThan(before.get(key).generation());
            } else {
                assertThat(after.get(key)).as(key + " untouched").isEqualTo(before.get(key));
            }
        }
    }

    private String group(int n) {
        return new ArrayList<>(participants.keySet()).get(n);
    }

    private Set<String> keysOf(String group) {
        Set<String> keys = new LinkedHashSet<>();
        participants.get(group).forEach(u -> keys.add(CacheKeys.conversations(u)));
        keys.add(CacheKeys.messages(group));
        return keys;
    }

    private User user(String uuid) {
        return users.stream().filter(u -> u.uuid().equals(uuid)).findFirst().orElseThrow();
    }

    private String itemJson(String pk, String sk, String text) {
        return "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"S\":\"" + sk + "\"},\"message\":{\"S\":\"" + text + "\"}}";
    }

    private Map<String, AttributeValue> firstItem(String pk) {
        return dm.connection().client().query(r -> r.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(pk)))).items().get(0);
    }

    private static String dynamoJson(Map<String, AttributeValue> item) {
        return dev.cruddur.admin.store.ItemJson.toDynamoJson(item);
    }

    // ------------------------------------------------------------------ the write paths

    @Test
    void aDirectSendMakesItsConversationAndBothListsStale() {
        String g = group(0);
        User sender = user(participants.get(g).get(0));
        assertMakesStale(keysOf(g), () -> {
            CachedSend sent = reads.send(dm.prepare(g, sender, "a direct send"));
            assertThat(sent.result()).isInstanceOf(SendResult.Sent.class);
            assertThat(sent.invalidation().keys()).containsExactlyInAnyOrderElementsOf(keysOf(g));
            assertThat(sent.invalidation().complete()).isTrue();
        });
    }

    @Test
    void aStreamSendMakesItsTranscriptStaleAndTheUpdaterBothLists() {
        Assumptions.assumeTrue(dm.capabilities().streams(), "the endpoint has no streams");
        String g = group(1);
        User sender = user(participants.get(g).get(0));
        StreamUpdater updater = new StreamUpdater(dm.connection(), StreamCheckpoints.inMemory());
        updater.pollOnce(); // reads past the seeding
        dm.setSendMode(SendMode.STREAM);
        assertMakesStale(Set.of(CacheKeys.messages(g)), () -> reads.send(dm.prepare(g, sender, "a stream send")));
        Set<String> lists = new LinkedHashSet<>(keysOf(g));
        lists.remove(CacheKeys.messages(g));
        assertMakesStale(lists, () -> assertThat(updater.pollOnce().records()).isPositive());
    }

    @Test
    void aCacheThatDoesNotExistHoldsNothingToInvalidateAndIsNoFailure() {
        // as beside `serve` before anything created Cruddur's cache: a write must not warn of a failure
        CacheStore missing = cache.forCache("never-created-" + TABLES.incrementAndGet());
        try (WriteInvalidation elsewhere = WriteInvalidation.attach(dm.connection(), missing)) {
            String g = group(0);
            User sender = user(participants.get(g).get(0));
            Invalidation done = elsewhere.during(() -> dm.send(dm.prepare(g, sender, "into no cache"))).invalidation();
            assertThat(done.keys()).contains(CacheKeys.messages(g));
            assertThat(done.failures()).isEmpty();
            assertThat(done.complete()).isTrue();
        }
    }

    @Test
    void aNewConversationMakesItsParticipantsListsStale() {
        User from = users.get(0);
        User to = users.stream().filter(u -> dm.allConversations(from).stream().noneMatch(c -> c.other().uuid().equals(u.uuid()))
                && !u.uuid().equals(from.uuid())).findFirst().orElse(users.get(1));
        OutgoingMessage first = dm.prepareConversation(from, to, "hello there");
        Set<String> stale = new LinkedHashSet<>(List.of(CacheKeys.conversations(from.uuid()), CacheKeys.conversations(to.uuid())));
        assertMakesStale(stale, () -> {
            CachedSend sent = reads.startConversation(first, to);
            assertThat(sent.result()).isInstanceOf(SendResult.Sent.class);
            assertThat(sent.invalidation().keys()).contains(CacheKeys.messages(first.groupUuid()));
        });
    }

    @Test
    void theBrowsersEditsMakeStaleOnlyThePagesTheirItemsAreOn() {
        ItemEditor editor = new ItemEditor(dm.connection());
        String g = group(0);
        String owner = participants.get(g).get(0);
        // an edit of a message row: that conversation's transcript only
        Map<String, AttributeValue> message = firstItem("MSG#" + g);
        String edited = dynamoJson(message).replace(message.get("message").s(), "edited in the browser");
        assertMakesStale(Set.of(CacheKeys.messages(g)), () -> assertThat(editor.replace(table, dynamoJson(message), edited,
                ItemEditor.TextShape.DYNAMODB_JSON)).isInstanceOf(ItemEditor.Saved.class));
        // a duplicate of a group row under another owner's pk: that owner's list only
        Map<String, AttributeValue> groupRow = firstItem("GRP#" + owner);
        String other = users.stream().map(User::uuid).filter(u -> !u.equals(owner)).findFirst().orElseThrow();
        assertMakesStale(Set.of(CacheKeys.conversations(other)), () -> assertThat(editor.duplicate(table, dynamoJson(groupRow),
                Map.of("pk", "GRP#" + other, "sk", "2020-01-01T00:00:00.000000+00:00"))).isInstanceOf(ItemEditor.Saved.class));
        // a delete of it again
        assertMakesStale(Set.of(CacheKeys.conversations(other)), () -> editor.delete(table,
                Map.of("pk", "GRP#" + other, "sk", "2020-01-01T00:00:00.000000+00:00")));
        // a created item of another shape: nothing
        assertMakesStale(Set.of(), () -> assertThat(editor.create(table, itemJson("NOTE#1", "a", "not Cruddur's"),
                ItemEditor.TextShape.DYNAMODB_JSON, false)).isInstanceOf(ItemEditor.Saved.class));
        // a multi-delete of two messages of two conversations, and the other-shaped item
        Map<String, AttributeValue> m1 = firstItem("MSG#" + group(1));
        Map<String, AttributeValue> m2 = firstItem("MSG#" + group(2));
        assertMakesStale(Set.of(CacheKeys.messages(group(1)), CacheKeys.messages(group(2))), () -> assertThat(editor.deleteAll(table, List.of(
                Map.of("pk", m1.get("pk").s(), "sk", m1.get("sk").s()), Map.of("pk", m2.get("pk").s(), "sk", m2.get("sk").s()),
                Map.of("pk", "NOTE#1", "sk", "a")))).isEqualTo(3));
    }

    /** Whether the endpoint runs PartiQL (dynalite 4 has no ExecuteStatement). */
    protected boolean runsPartiql() {
        return true;
    }

    @Test
    void partiqlWritesMakeStaleThePagesOfTheirItems() {
        Assumptions.assumeTrue(runsPartiql(), "the endpoint has no PartiQL");
        dev.cruddur.admin.app.browse.PartiqlStatements partiql = new dev.cruddur.admin.app.browse.PartiqlStatements(dm.connection());
        String g = group(0);
        String owner = participants.get(g).get(0);
        Map<String, AttributeValue> message = firstItem("MSG#" + g);
        // an UPDATE of a message, its key as literals: that transcript only
        assertMakesStale(Set.of(CacheKeys.messages(g)), () -> partiql.page("UPDATE \"" + table + "\" SET message = 'edited by PartiQL' WHERE pk = '"
                + message.get("pk").s() + "' AND sk = '" + message.get("sk").s() + "'", List.of(), Optional.empty(), 0));
        assertThat(firstItem("MSG#" + g).get("message").s()).isEqualTo("edited by PartiQL");
        // an INSERT of a group row, its values as parameters (plain and DynamoDB JSON): that owner's list only
        assertMakesStale(Set.of(CacheKeys.conversations(owner)), () -> partiql.page("INSERT INTO \"" + table + "\" VALUE {'pk': ?, 'sk': ?, 'message': 'x'}",
                List.of("\"GRP#" + owner + "\"", "{\"S\":\"2020-01-01T00:00:00.000000+00:00\"}"), Optional.empty(), 0));
        // a DELETE of it, the key the other way round (value = name)
        assertMakesStale(Set.of(CacheKeys.conversations(owner)), () -> partiql.page("DELETE FROM \"" + table + "\" WHERE '2020-01-01T00:00:00.000000+00:00' = sk AND pk = ?",
                List.of("\"GRP#" + owner + "\""), Optional.empty(), 0));
        // a SELECT, and a write of another shape: nothing
        assertMakesStale(Set.of(), () -> partiql.page("SELECT * FROM \"" + table + "\" WHERE pk = 'MSG#" + g + "'", List.of(), Optional.empty(), 0));
        assertMakesStale(Set.of(), () -> partiql.page("INSERT INTO \"" + table + "\" VALUE {'pk': 'NOTE#1', 'sk': 'a'}", List.of(), Optional.empty(), 0));
    }

    @Test
    void anImportMakesStaleThePagesOfTheItemsItWrites() {
        String g = group(2);
        String lines = itemJson("MSG#" + g, "2026-11-20T11:00:00.000000+00:00", "imported") + "\n"
                + itemJson("OTHER#x", "1", "not Cruddur's") + "\n";
        assertMakesStale(Set.of(CacheKeys.messages(g)), () -> new ItemImporter(dm.connection())
                .importFrom(new StringReader(lines), ItemFileFormat.JSONL, ItemImporter.Progress.NONE, () -> false));
    }

    @Test
    void aRepairMakesStaleTheListsItRepairs() {
        String g = group(0);
        String owner = participants.get(g).get(1);
        // damage outside the connection (as another tool would), then prime, then repair
        Map<String, AttributeValue> row = dm.connection().client().scan(r -> r.tableName(table)).items().stream()
                .filter(i -> i.get("pk").s().equals("GRP#" + owner) && i.get("message_group_uuid").s().equals(g)).findFirst().orElseThrow();
        Map<String, AttributeValue> stale = new LinkedHashMap<>(row);
        stale.put("message", AttributeValue.fromS("an old text"));
        stale.put("sk", AttributeValue.fromS("2021-01-01T00:00:00.000000+00:00"));
        try (DynamoConnection outside = DynamoConnection.open(DynamoTarget.endpoint(endpoint(), table))) {
            outside.client().deleteItem(r -> r.tableName(table).key(Map.of("pk", row.get("pk"), "sk", row.get("sk"))));
            outside.client().putItem(r -> r.tableName(table).item(stale));
        }
        TableConsistency consistency = new TableConsistency(dm.connection());
        TableConsistency.Checked checked = consistency.check();
        assertThat(checked.report().clean()).isFalse();
        assertMakesStale(Set.of(CacheKeys.conversations(owner)), () -> consistency.repairer().apply(checked.plan(), table));
        assertThat(consistency.check().report().clean()).isTrue();
    }

    @Test
    void theSortKeyMigrationMakesStaleThePagesOfTheRowsItMoves() {
        String g = group(1);
        Map<String, AttributeValue> message = firstItem("MSG#" + g);
        Map<String, AttributeValue> naive = new LinkedHashMap<>(message);
        naive.put("sk", AttributeValue.fromS("2026-11-20T09:00:00.5"));
        try (DynamoConnection outside = DynamoConnection.open(DynamoTarget.endpoint(endpoint(), table))) {
            outside.client().putItem(r -> r.tableName(table).item(naive));
        }
        assertMakesStale(Set.of(CacheKeys.messages(g)), () -> new SortKeyAudit(dm.connection(), Clock.systemUTC())
                .migrate(table, WorkProgress.NONE, () -> false));
    }

    @Test
    void seedingMakesStaleThePagesOfTheUsersAndConversationsItWrites() {
        // every user with a conversation (the outsider has none, so their page stays)
        Set<String> written = new LinkedHashSet<>();
        participants.forEach((g, owners) -> {
            owners.forEach(u -> written.add(CacheKeys.conversations(u)));
            written.add(CacheKeys.messages(g));
        });
        assertThat(written).hasSizeLessThan(pageKeys().size());
        assertMakesStale(written, () -> dm.seeder().generate(4, 4, 3, 7, Instant.parse("2026-11-20T10:00:00Z"), Seeder.Progress.NONE));
    }

    // ------------------------------------------------------------------ bulk operations (one invalidation at the end)

    /** The keys seeding writes: every user with a conversation, and every conversation. */
    private Set<String> seededKeys() {
        Set<String> written = new LinkedHashSet<>();
        participants.forEach((g, owners) -> {
            owners.forEach(u -> written.add(CacheKeys.conversations(u)));
            written.add(CacheKeys.messages(g));
        });
        return written;
    }

    @Test
    void aBulkSeedInvalidatesTheSameKeysOnceWhenItEnds() {
        Set<String> written = seededKeys();
        List<Invalidation> told = new CopyOnWriteArrayList<>();
        invalidation.addListener(told::add);
        List<Integer> toldMeanwhile = new ArrayList<>();
        assertMakesStale(written, () -> {
            WriteInvalidation.Outcome<Seeder.Seeded> seeded = invalidation.deferred(() -> dm.seeder().generate(4, 4, 3, 7,
                    Instant.parse("2026-11-20T10:00:00Z"), (done, total) -> toldMeanwhile.add(told.size())));
            assertThat(seeded.result().items()).isPositive();
            assertThat(seeded.invalidation().keys()).containsExactlyInAnyOrderElementsOf(written);
            assertThat(seeded.invalidation().complete()).isTrue();
        });
        assertThat(toldMeanwhile).isNotEmpty().containsOnly(0); // nothing invalidated batch by batch
        assertThat(told).hasSize(1);
        assertThat(told.get(0).keys()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void aBulkImportFailingMidwayStillInvalidatesWhatItWroteBeforeTheFailure() {
        // 30 rows of one conversation, 30 of another, then the file cannot be read any more: two
        // batches of 25 are written (all of the first conversation, some of the second), the rest never
        String g0 = group(0);
        String g1 = group(1);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) lines.append(itemJson("MSG#" + g0, "2026-11-21T10:00:%02d.000000+00:00".formatted(i), "bulk " + i)).append('\n');
        for (int i = 0; i < 30; i++) lines.append(itemJson("MSG#" + g1, "2026-11-21T10:00:%02d.000000+00:00".formatted(i), "bulk " + i)).append('\n');
        List<Invalidation> told = new CopyOnWriteArrayList<>();
        invalidation.addListener(told::add);
        assertMakesStale(Set.of(CacheKeys.messages(g0), CacheKeys.messages(g1)), () -> assertThatThrownBy(() -> WriteInvalidation.bulk(() ->
                new ItemImporter(dm.connection()).importFrom(new FailingAfter(lines.toString()), ItemFileFormat.JSONL,
                        ItemImporter.Progress.NONE, () -> false))).isInstanceOf(UncheckedIOException.class));
        assertThat(told).hasSize(1);
        assertThat(told.get(0).keys()).containsExactlyInAnyOrder(CacheKeys.messages(g0), CacheKeys.messages(g1));
    }

    @Test
    void aBulkSeedCancelledMidwayStillInvalidatesWhatItWrote() {
        // a cancel stops the seeder between batches, as the window's Cancel does a background task
        List<Invalidation> told = new CopyOnWriteArrayList<>();
        invalidation.addListener(told::add);
        Map<String, Snapshot> before = primed();
        // the same users and conversations with 10 messages each, 4 x (10 + 2 group rows): batches of 25 and a part
        assertThatThrownBy(() -> WriteInvalidation.bulk(() -> dm.seeder().generate(4, 4, 10, 7, Instant.parse("2026-11-20T10:00:00Z"),
                (done, total) -> {
                    if (done >= 25 && done < total) throw new java.util.concurrent.CancellationException("cancelled");
                }))).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(told).hasSize(1);
        Set<String> stale = Set.copyOf(told.get(0).keys());
        assertThat(stale).isNotEmpty().isSubsetOf(seededKeys());
        Map<String, Snapshot> after = snapshot();
        for (String key : pageKeys()) {
            if (stale.contains(key)) {
                assertThat(after.get(key).present()).as(key + " dropped").isFalse();
                assertThat(after.get(key).generation()).as(key + " bumped").isGreaterThan(before.get(key).generation());
            } else {
                assertThat(after.get(key)).as(key + " untouched").isEqualTo(before.get(key));
            }
        }
    }

    @Test
    void aPageCachedWhileABulkOperationRunsIsNotServedAfterIt() {
        String g = group(0);
        User viewer = user(participants.get(g).get(0));
        invalidation.invalidate(List.of(CacheKeys.messages(g))); // no page of an earlier test under the key
        String lines = itemJson("MSG#" + g, "2026-11-22T10:00:00.000000+00:00", "first of the bulk") + "\n"
                + itemJson("MSG#" + g, "2026-11-22T10:00:01.000000+00:00", "last of the bulk") + "\n";
        WriteInvalidation.bulk(() -> {
            ItemImporter importer = new ItemImporter(dm.connection());
            importer.importFrom(new StringReader(lines.lines().findFirst().orElseThrow() + "\n"), ItemFileFormat.JSONL, ItemImporter.Progress.NONE, () -> false);
            // read through the cache midway: the page is stored, with the first row and without the last
            CachedPage<dev.cruddur.admin.domain.Message> midway = reads.messages(g, Optional.empty(), reads.pageSize());
            assertThat(midway.source().fromCache()).isFalse();
            assertThat(midway.page().items()).anyMatch(m -> m.text().equals("first of the bulk"))
                    .noneMatch(m -> m.text().equals("last of the bulk"));
            assertThat(reads.messages(g, Optional.empty(), reads.pageSize()).source().fromCache()).as("cached midway").isTrue();
            return importer.importFrom(new StringReader(lines.lines().skip(1).findFirst().orElseThrow() + "\n"), ItemFileFormat.JSONL,
                    ItemImporter.Progress.NONE, () -> false);
        });
        CachedPage<dev.cruddur.admin.domain.Message> after = reads.messages(g, Optional.empty(), reads.pageSize());
        assertThat(after.source().fromCache()).isFalse();
        assertThat(after.page().items()).anyMatch(m -> m.text().equals("last of the bulk"));
        assertThat(reads.conversations(viewer, Optional.empty(), reads.pageSize()).page().items()).isNotEmpty();
    }

    @Test
    void aBulkOperationStillInvalidatesWhenItsInvalidationClosedMeanwhile() {
        // the window moved to another session while the operation ran on the old one
        String g = group(2);
        assertMakesStale(Set.of(CacheKeys.messages(g)), () -> WriteInvalidation.bulk(() -> {
            new ItemImporter(dm.connection()).importFrom(new StringReader(itemJson("MSG#" + g, "2026-11-23T10:00:00.000000+00:00", "before the switch") + "\n"),
                    ItemFileFormat.JSONL, ItemImporter.Progress.NONE, () -> false);
            invalidation.close();
            return null;
        }));
    }

    /** A file that cannot be read past its text (a disk or network failure late in the file). */
    private static final class FailingAfter extends Reader {
        private final StringReader text;

        FailingAfter(String text) {
            this.text = new StringReader(text);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = text.read(buffer, offset, length);
            if (n < 0) throw new IOException("the file cannot be read any more");
            return n;
        }

        @Override
        public void close() {
            text.close();
        }
    }
}
