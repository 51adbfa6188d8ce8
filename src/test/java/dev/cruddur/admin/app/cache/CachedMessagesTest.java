package dev.cruddur.admin.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.cache.CacheRead;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStatistics;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DelayingProxy;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cache-aside reads over the real SDK and the embedded cache, against dynalite; each test on a fresh table and cache. */
class CachedMessagesTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final User BROWN = DemoFixture.ANDREW_BROWN;
    private static final User BAYKO = DemoFixture.ANDREW_BAYKO;
    private static final User LONDO = DemoFixture.LONDO;
    private static final String MAIN = DemoFixture.MAIN_GROUP;

    private static DynaliteServer dynalite;
    private static CacheStore sharedCache;

    private DirectMessages dm;
    private CacheStore cache;
    private CachedMessages cached;

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.start();
        sharedCache = openEmbedded();
    }

    private static CacheStore openEmbedded() {
        try {
            return CacheStore.open(CacheSettings.embedded(), new CacheStatistics());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        sharedCache.close();
        dynalite.close();
    }

    @BeforeEach
    void seed() {
        String table = "cacheaside" + TABLES.incrementAndGet();
        dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(), table)), Clock.systemUTC());
        dm.schema().create();
        dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
        // a cache of its own per test, on the one embedded server
        cache = sharedCache.forCache("t" + table);
        assertThat(cache.ensureCache().ok()).isTrue();
        cache.statistics().reset();
        cached = new CachedMessages(dm, cache);
    }

    @AfterEach
    void close() {
        cached.close();
        cache.deleteCache(cache.cacheName());
        dm.close();
    }

    private CachedPage<Conversation> conversations(User viewer) {
        return cached.conversations(viewer, Optional.empty(), cached.pageSize());
    }

    private CachedPage<Message> messages(String group) {
        return cached.messages(group, Optional.empty(), cached.pageSize());
    }

    private Page<Conversation> fromDynamo(User viewer) {
        return dm.conversations(viewer, Optional.empty(), cached.pageSize());
    }

    @Test
    void aPageOfAnotherTableOnTheSameCacheIsNeverServed() {
        assertThat(conversations(BROWN).source()).isEqualTo(new Source.DynamoDb(Source.Reason.MISS));
        assertThat(conversations(BROWN).source()).isEqualTo(Source.CACHE);
        try (DirectMessages other = new DirectMessages(DynamoConnection.open(
                DynamoTarget.endpoint(dynalite.endpoint(), "cacheaside-other" + TABLES.incrementAndGet())), Clock.systemUTC());
             CachedMessages otherCached = new CachedMessages(other, cache)) {
            other.schema().create(); // same keys (Cruddur's names carry no table), but no conversations in it
            CachedPage<Conversation> page = otherCached.conversations(BROWN, Optional.empty(), otherCached.pageSize());
            assertThat(page.source()).isEqualTo(new Source.DynamoDb(Source.Reason.OUTDATED));
            assertThat(page.page().items()).isEmpty();
            other.schema().drop(other.connection().table());
        }
    }

    @Test
    void firstReadMissesAndFillsTheSecondHitsAndEqualsDynamoDb() {
        CachedPage<Conversation> first = conversations(BROWN);
        assertThat(first.source()).isEqualTo(new Source.DynamoDb(Source.Reason.MISS));
        CachedPage<Conversation> second = conversations(BROWN);
        assertThat(second.source()).isEqualTo(Source.CACHE);
        assertThat(second.page()).isEqualTo(fromDynamo(BROWN)).isEqualTo(first.page());
        assertThat(second.page().items()).hasSize(2);

        CachedPage<Message> a1 = messages(MAIN);
        CachedPage<Message> a2 = messages(MAIN);
        assertThat(a1.source().fromCache()).isFalse();
        assertThat(a2.source()).isEqualTo(Source.CACHE);
        assertThat(a2.page()).isEqualTo(dm.messages(MAIN, Optional.empty(), 20)).isEqualTo(a1.page());
        assertThat(a2.page().items()).hasSize(20);
        assertThat(a2.page().nextCursor()).isPresent();

        assertThat(cache.getText(CacheKeys.conversations(BROWN.uuid()))).isInstanceOf(CacheRead.Hit.class);
        assertThat(cache.getText(CacheKeys.messages(MAIN))).isInstanceOf(CacheRead.Hit.class);
        CacheStatistics.Snapshot stats = cache.statistics().snapshot();
        assertThat(stats.sourceSamples()).isEqualTo(2); // the two misses, nothing more
        assertThat(stats.errors()).isZero();
    }

    @Test
    void aHitCountsAsOneHitOfThePageAndNothingElse() {
        conversations(BROWN);
        cache.statistics().reset();
        assertThat(conversations(BROWN).source()).isEqualTo(Source.CACHE);
        CacheStatistics.Snapshot stats = cache.statistics().snapshot();
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.misses()).isZero();
        assertThat(stats.errors()).isZero();
        assertThat(stats.cacheSamples()).isEqualTo(1);
        assertThat(stats.sourceSamples()).isZero();
    }

    /** The batch read finds no usable counter: the old path (increment) makes one, and the page read before it is not served. */
    @Test
    void aMissingOrUnusableCounterFallsBackToCreatingItAndFencesOutTheOldPage() {
        String key = CacheKeys.messages(MAIN);
        String counter = CacheKeys.generationOf(key);
        messages(MAIN);
        for (Runnable spoil : List.<Runnable>of(
                () -> assertThat(cache.delete(counter).ok()).isTrue(),              // evicted or expired
                () -> assertThat(cache.set(counter, "7").ok()).isTrue())) {         // below the floor
            spoil.run();
            CachedPage<Message> read = messages(MAIN);
            assertThat(read.source()).isEqualTo(new Source.DynamoDb(Source.Reason.OUTDATED));
            assertThat(read.page()).isEqualTo(dm.messages(MAIN, Optional.empty(), 20));
            CacheRead<String> now = cache.getText(counter);
            assertThat(Long.parseLong(((CacheRead.Hit<String>) now).value())).isGreaterThanOrEqualTo(Generations.FLOOR);
            assertThat(messages(MAIN).source()).isEqualTo(Source.CACHE);
        }
        assertThat(cache.statistics().snapshot().errors()).isZero();
    }

    @Test
    void aCounterThatIsNotANumberIsACacheErrorAndTheReadAnswersFromDynamoDb() {
        String key = CacheKeys.conversations(BROWN.uuid());
        conversations(BROWN);
        assertThat(cache.set(CacheKeys.generationOf(key), "not a number").ok()).isTrue();
        CachedPage<Conversation> read = conversations(BROWN);
        assertThat(read.source()).isInstanceOf(Source.DynamoDbAfterCacheError.class);
        assertThat(read.page()).isEqualTo(fromDynamo(BROWN));
    }

    @Test
    void laterPagesAndOtherPageSizesAlwaysComeFromDynamoDb() {
        CachedPage<Message> first = messages(MAIN);
        CachedPage<Message> next = cached.messages(MAIN, first.page().nextCursor(), cached.pageSize());
        assertThat(next.source()).isEqualTo(new Source.DynamoDb(Source.Reason.NOT_CACHED));
        assertThat(next.page()).isEqualTo(dm.messages(MAIN, first.page().nextCursor(), 20));
        CachedPage<Conversation> five = cached.conversations(BROWN, Optional.empty(), 5);
        assertThat(five.source()).isEqualTo(new Source.DynamoDb(Source.Reason.NOT_CACHED));
        assertThat(cache.getText(CacheKeys.conversations(BROWN.uuid()))).isInstanceOf(CacheRead.Miss.class);
    }

    @Test
    void aSendShowsInBothUsersNextReadsAndInTheConversation() {
        conversations(BROWN);
        conversations(BAYKO);
        messages(MAIN);
        assertThat(conversations(BAYKO).source()).isEqualTo(Source.CACHE);

        CachedSend send = cached.send(dm.prepare(MAIN, BAYKO, "cache me if you can"));
        assertThat(send.result()).isInstanceOf(SendResult.Sent.class);
        assertThat(send.invalidation().complete()).isTrue();
        assertThat(send.invalidation().keys()).containsExactlyInAnyOrder(CacheKeys.conversations(BROWN.uuid()),
                CacheKeys.conversations(BAYKO.uuid()), CacheKeys.messages(MAIN));

        for (User viewer : List.of(BROWN, BAYKO)) {
            CachedPage<Conversation> after = conversations(viewer);
            assertThat(after.source().fromCache()).isFalse();
            assertThat(after.page().items().get(0).lastMessage()).isEqualTo("cache me if you can");
            assertThat(conversations(viewer).source()).isEqualTo(Source.CACHE);
            assertThat(conversations(viewer).page()).isEqualTo(fromDynamo(viewer));
        }
        List<Message> page = messages(MAIN).page().items();
        assertThat(page.get(page.size() - 1).text()).isEqualTo("cache me if you can");
        assertThat(messages(MAIN).source()).isEqualTo(Source.CACHE);
    }

    @Test
    void startingAConversationShowsForBothUsers() {
        conversations(BAYKO);
        conversations(LONDO);
        OutgoingMessage first = dm.prepareConversation(BAYKO, LONDO, "Ambassador, a word?");
        CachedSend started = cached.startConversation(first, LONDO);
        assertThat(started.result()).isInstanceOf(SendResult.Sent.class);
        assertThat(conversations(BAYKO).page().items()).anyMatch(c -> c.other().uuid().equals(LONDO.uuid()));
        assertThat(conversations(LONDO).page().items()).anyMatch(c -> c.other().uuid().equals(BAYKO.uuid()));
        assertThat(messages(first.groupUuid()).page().items()).extracting(Message::text).containsExactly("Ambassador, a word?");
    }

    /** The race itself, made to happen: a reader that read DynamoDB before a send stores its page after the send returned. */
    @Test
    void aPageStoredLateByAReaderThatReadBeforeASendIsNeverServed() {
        messages(MAIN);
        String late = ((CacheRead.Hit<String>) cache.getText(CacheKeys.messages(MAIN))).value(); // what the slow reader holds
        CachedSend send = cached.send(dm.prepare(MAIN, BROWN, "after the reader looked"));
        assertThat(cache.set(CacheKeys.messages(MAIN), late).ok()).isTrue(); // its set lands after the send's delete

        CachedPage<Message> read = messages(MAIN);
        assertThat(read.source()).isEqualTo(new Source.DynamoDb(Source.Reason.OUTDATED));
        assertThat(read.page().items()).extracting(Message::messageUuid)
                .contains(((SendResult.Sent) send.result()).message().messageUuid());
        assertThat(messages(MAIN).source()).isEqualTo(Source.CACHE);
    }

    /**
     * Readers go through a DynamoDB whose answers arrive 25 ms late, so their fills are slow;
     * the writer is fast. The writer sends twice in a row, 15 ms apart: the first send makes the
     * readers miss and start slow fills, the second lands in the middle of them. After the
     * second send returns, every cached first page must contain it, at once and for the next
     * ~120 ms, while the slow fills that began before it land. Without the generation check this
     * fails within a couple of rounds; with it, never.
     */
    @Test
    void concurrentSendsAndReadersLeaveNoStalePageOnceASendReturns() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(7);
        AtomicBoolean sending = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
        AtomicInteger slowFills = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        try (DelayingProxy slow = new DelayingProxy(dynalite.endpoint(), Duration.ofMillis(25));
             DirectMessages slowDm = new DirectMessages(DynamoConnection.open(
                     DynamoTarget.endpoint(slow.endpoint(), dm.connection().table())), Clock.systemUTC());
             CachedMessages slowReaders = new CachedMessages(slowDm, cache)) {
            for (int r = 0; r < 6; r++) {
                int which = r % 3;
                threads.submit(() -> {
                    go.await();
                    while (sending.get()) {
                        CachedPage<?> page = switch (which) {
                            case 0 -> slowReaders.conversations(BROWN, Optional.empty(), 20);
                            case 1 -> slowReaders.conversations(BAYKO, Optional.empty(), 20);
                            default -> slowReaders.messages(MAIN, Optional.empty(), 20);
                        };
                        if (!page.source().fromCache()) slowFills.incrementAndGet();
                    }
                    return null;
                });
            }
            Future<?> writer = threads.submit(() -> {
                go.await();
                for (int round = 0; round < 8; round++) {
                    User sender = round % 2 == 0 ? BROWN : BAYKO;
                    cached.send(dm.prepare(MAIN, sender, "race " + round + "a"));
                    Thread.sleep(15);
                    CachedSend send = cached.send(dm.prepare(MAIN, sender, "race " + round + "b"));
                    Message sent = ((SendResult.Sent) send.result()).message();
                    for (int check = 0; check < 6; check++) {
                        checkEveryPageKnows(sent, stale);
                        Thread.sleep(20);
                    }
                }
                return null;
            });
            go.countDown();
            writer.get(60, TimeUnit.SECONDS);
        } finally {
            sending.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(stale).isEmpty();
        assertThat(slowFills.get()).isGreaterThan(8);
        assertThat(messages(MAIN).page()).isEqualTo(dm.messages(MAIN, Optional.empty(), 20));
    }

    private void checkEveryPageKnows(Message sent, ConcurrentLinkedQueue<String> stale) {
        Instant at = sent.createdAt().instant().orElseThrow();
        if (messages(MAIN).page().items().stream().noneMatch(m -> m.messageUuid().equals(sent.messageUuid()))) {
            stale.add("messages/ without " + sent.text());
        }
        for (User viewer : List.of(BROWN, BAYKO)) {
            Conversation c = conversations(viewer).page().items().stream()
                    .filter(x -> x.groupUuid().equals(MAIN)).findFirst().orElseThrow();
            if (c.lastMessageAt().instant().orElseThrow().isBefore(at)) {
                stale.add("groups/" + viewer.handle() + " older than " + sent.text());
            }
        }
    }

    @Test
    void aCorruptValueIsDroppedAndReadAgainFromDynamoDb() {
        String key = CacheKeys.conversations(BROWN.uuid());
        for (String garbage : List.of("{not json", "{\"format\": 99, \"kind\": \"conversations\"}", "[1, 2, 3]",
                "{\"format\": 1, \"kind\": \"messages\"}")) {
            assertThat(cache.set(key, garbage).ok()).isTrue();
            CachedPage<Conversation> read = conversations(BROWN);
            assertThat(read.source()).as(garbage).isEqualTo(new Source.DynamoDb(Source.Reason.UNREADABLE));
            assertThat(read.page()).isEqualTo(fromDynamo(BROWN));
            assertThat(conversations(BROWN).source()).isEqualTo(Source.CACHE);
        }
        assertThat(cache.statistics().snapshot().errors()).isZero();
    }

    @Test
    void staleCheckReportsAWriteThatBypassedInvalidation() {
        conversations(BROWN);
        messages(MAIN);
        StaleCheck check = new StaleCheck(dm, cache);
        assertThat(check.check(CacheKeys.conversations(BROWN.uuid())).verdict()).isEqualTo(StaleCheck.Verdict.CURRENT);

        // straight to DynamoDB through a connection nobody keeps the cache honest for (as Cruddur's
        // own backend might): every write on dm's connection would invalidate
        Message sent;
        try (DirectMessages outside = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(),
                dm.connection().table())), Clock.systemUTC())) {
            sent = ((SendResult.Sent) outside.send(outside.prepare(MAIN, BAYKO, "behind the cache's back"))).message();
        }

        StaleCheck.Report groups = check.check(CacheKeys.conversations(BROWN.uuid()));
        assertThat(groups.verdict()).isEqualTo(StaleCheck.Verdict.DIFFERS);
        assertThat(groups.servedToReaders()).isTrue();
        assertThat(groups.differences()).singleElement().satisfies(d -> {
            assertThat(d.change()).isEqualTo(StaleCheck.Change.CHANGED);
            assertThat(d.id()).isEqualTo(MAIN);
            assertThat(d.fields()).containsExactly("message", "last_message_at");
        });
        StaleCheck.Report a = check.check(CacheKeys.messages(MAIN));
        assertThat(a.verdict()).isEqualTo(StaleCheck.Verdict.DIFFERS);
        assertThat(a.differences()).extracting(StaleCheck.ItemDifference::change)
                .containsExactlyInAnyOrder(StaleCheck.Change.ADDED, StaleCheck.Change.REMOVED);
        assertThat(a.differences()).filteredOn(d -> d.change() == StaleCheck.Change.ADDED)
                .extracting(StaleCheck.ItemDifference::id).containsExactly(sent.messageUuid());
        assertThat(a.nextCursorDiffers()).isTrue();

        assertThat(check.check(CacheKeys.conversations(LONDO.uuid())).verdict()).isEqualTo(StaleCheck.Verdict.NOT_CACHED);
        assertThat(check.check("msgs/andrewbrown").verdict()).isEqualTo(StaleCheck.Verdict.NOT_A_PAGE_KEY);
        cache.set(CacheKeys.conversations(LONDO.uuid()), "nope");
        assertThat(check.check(CacheKeys.conversations(LONDO.uuid())).verdict()).isEqualTo(StaleCheck.Verdict.UNREADABLE);
    }

    @Test
    void inspectionShowsPagesCountersAndMisses() {
        conversations(BROWN);
        cache.increment(CacheKeys.messageCounter("andrewbrown"), 3);
        KeyInspection inspection = new KeyInspection(cache);

        KeyInspection.Lookup page = inspection.inspect(CacheKeys.conversations(BROWN.uuid()));
        assertThat(page).isInstanceOf(KeyInspection.Found.class);
        KeyInspection.Found found = (KeyInspection.Found) page;
        assertThat(found.kind()).isEqualTo(CacheKeys.KeyKind.CONVERSATIONS_PAGE);
        assertThat(found.type()).isEqualTo(dev.cruddur.admin.cache.ItemType.SCALAR);
        assertThat(found.sizeBytes()).isEqualTo(found.value().orElseThrow().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(found.prettyJson().orElseThrow()).contains("\n").contains("\"format\" : 1");
        assertThat(found.ttlRemaining().orElseThrow()).isPositive().isLessThanOrEqualTo(CacheSettings.DEFAULT_TTL);
        assertThat(found.notes()).anyMatch(n -> n.contains("is current"));

        cached.send(dm.prepare(MAIN, BROWN, "outdates nothing: the key is deleted"));
        assertThat(inspection.inspect(CacheKeys.conversations(BROWN.uuid()))).isInstanceOf(KeyInspection.Missing.class);

        KeyInspection.Found counter = (KeyInspection.Found) inspection.inspect(CacheKeys.messageCounter("andrewbrown"));
        assertThat(counter.kind()).isEqualTo(CacheKeys.KeyKind.MESSAGE_COUNTER);
        assertThat(counter.value()).contains("3");
        assertThat(inspection.inspect("nothing/here")).isEqualTo(new KeyInspection.Missing("nothing/here", CacheKeys.KeyKind.OTHER));
    }

    @Test
    void droppingAPageFromTheInspectorFencesOutPagesReadBeforeIt() {
        conversations(BROWN);
        String key = CacheKeys.conversations(BROWN.uuid());
        String before = ((CacheRead.Hit<String>) cache.getText(key)).value();
        Invalidation dropped = cached.invalidate(List.of(key));
        assertThat(dropped.complete()).isTrue();
        assertThat(cache.getText(key)).isInstanceOf(CacheRead.Miss.class);
        cache.set(key, before); // a fill that read DynamoDB before the drop
        assertThat(conversations(BROWN).source()).isEqualTo(new Source.DynamoDb(Source.Reason.OUTDATED));
        assertThat(conversations(BROWN).source()).isEqualTo(Source.CACHE);
    }

    @Test
    void theKnownKeysAreEveryUsersAndEveryConversations() {
        List<String> keys = CacheKeys.known(dm).stream().map(CacheKeys.KnownKey::key).toList();
        assertThat(keys).contains(CacheKeys.conversations(BROWN.uuid()), CacheKeys.conversations(BAYKO.uuid()),
                CacheKeys.conversations(LONDO.uuid()), "msgs/andrewbrown", "msgs/bayko", "msgs/londo",
                CacheKeys.messages(MAIN), CacheKeys.messages(DemoFixture.LONDO_GROUP));
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(CacheKeys.parse("generation/groups/x").kind()).isEqualTo(CacheKeys.KeyKind.GENERATION);
    }
}
