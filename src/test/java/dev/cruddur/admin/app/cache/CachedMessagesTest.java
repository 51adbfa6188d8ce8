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
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.time.Clock;
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

    @Test
    void concurrentSendsAndReadersLeaveNoStalePageOnceASendReturns() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        AtomicBoolean sending = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int r = 0; r < 3; r++) {
                int which = r;
                threads.submit(() -> {
                    go.await();
                    while (sending.get()) {
                        switch (which) {
                            case 0 -> conversations(BROWN);
                            case 1 -> conversations(BAYKO);
                            default -> messages(MAIN);
                        }
                        reads.incrementAndGet();
                    }
                    return null;
                });
            }
            List<Future<?>> senders = new java.util.ArrayList<>();
            for (User sender : List.of(BROWN, BAYKO)) {
                senders.add(threads.submit(() -> {
                    go.await();
                    for (int i = 0; i < 12; i++) {
                        CachedSend send = cached.send(dm.prepare(MAIN, sender, "race " + sender.handle() + " " + i));
                        Message sent = ((SendResult.Sent) send.result()).message();
                        Instant at = sent.createdAt().instant().orElseThrow();
                        // after the send returned, every cached first page must know it
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
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> s : senders) s.get(60, TimeUnit.SECONDS);
        } finally {
            sending.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(stale).isEmpty();
        assertThat(reads.get()).isGreaterThan(10);
        assertThat(messages(MAIN).page()).isEqualTo(dm.messages(MAIN, Optional.empty(), 20));
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

        // straight to DynamoDB: no invalidation
        Message sent = ((SendResult.Sent) dm.send(dm.prepare(MAIN, BAYKO, "behind the cache's back"))).message();

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
    void theKnownKeysAreEveryUsersAndEveryConversations() {
        List<String> keys = CacheKeys.known(dm).stream().map(CacheKeys.KnownKey::key).toList();
        assertThat(keys).contains(CacheKeys.conversations(BROWN.uuid()), CacheKeys.conversations(BAYKO.uuid()),
                CacheKeys.conversations(LONDO.uuid()), "msgs/andrewbrown", "msgs/bayko", "msgs/londo",
                CacheKeys.messages(MAIN), CacheKeys.messages(DemoFixture.LONDO_GROUP));
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(CacheKeys.parse("generation/groups/x").kind()).isEqualTo(CacheKeys.KeyKind.GENERATION);
    }
}
