package dev.cruddur.admin.ui.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.cache.PageReads;
import dev.cruddur.admin.app.cache.CacheKeys;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStatistics;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.cache.CacheInspectorViewModel.KeyEntry;
import dev.cruddur.admin.ui.cache.CacheInspectorViewModel.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Cache pane's view model without the toolkit (work inline): the real Momento SDK against
 * the embedded cache server, DynamoDB through dynalite; a fresh table and cache per test.
 */
class CacheInspectorViewModelTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final String MAIN_KEY = CacheKeys.messages(DemoFixture.MAIN_GROUP);
    private static DynaliteServer dynalite;
    private static CacheStore server;

    private DirectMessages dm;
    private CacheStore cache;
    private CacheSession session;
    private CacheInspectorViewModel vm;
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        dynalite = DynaliteServer.start();
        server = CacheStore.open(CacheSettings.embedded(), new CacheStatistics());
    }

    @AfterAll
    static void stop() {
        server.close();
        dynalite.close();
    }

    @BeforeEach
    void seed() {
        String table = "cachevm" + TABLES.incrementAndGet();
        dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(), table)), Clock.systemUTC());
        dm.schema().create();
        dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
        cache = server.forCache("c" + table);
        assertThat(cache.ensureCache().ok()).isTrue();
        cache.statistics().reset();
        session = new CacheSession(BackgroundTasks.inline(), Path.of("/tmp"), problems::add);
        session.use(cache);
        session.reads().useSession(dm); // the window's connection: its writes keep the cache honest
        vm = new CacheInspectorViewModel(BackgroundTasks.inline(), Clock.systemUTC(), session, () -> dm);
    }

    @AfterEach
    void close() {
        session.close();
        server.deleteCache(cache.cacheName());
        dm.close();
    }

    private Page<Message> readMainConversation() {
        return session.reads().messages(dm, DemoFixture.MAIN_GROUP, Optional.empty(), 30, PageReads.Mode.THROUGH_CACHE).page();
    }

    private KeyEntry entry(String key) {
        return vm.keyGroups().stream().flatMap(g -> g.keys().stream()).filter(k -> k.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void keysAreGroupedByUserAndConversationAndSayWhetherTheyAreCached() {
        vm.loadKeys();
        assertThat(vm.keyGroups()).extracting(CacheInspectorViewModel.KeyGroup::title)
                .contains("Andrew Brown  @andrewbrown", "Andrew Bayko  @bayko", "Londo Mollari  @londo", "Conversations");
        var brown = vm.keyGroups().stream().filter(g -> g.title().startsWith("Andrew Brown")).findFirst().orElseThrow();
        assertThat(brown.keys()).extracting(KeyEntry::key)
                .containsExactly(CacheKeys.conversations(DemoFixture.ANDREW_BROWN.uuid()), "msgs/andrewbrown");
        assertThat(entry(MAIN_KEY).present()).isFalse();

        readMainConversation();
        vm.loadKeys();
        assertThat(entry(MAIN_KEY).present()).isTrue();
        assertThat(vm.keysProblemProperty().get()).isNull();
    }

    @Test
    void afterTheKeyListIsRefreshedTheDetailOfTheSelectedKeySaysWhatTheListSays() {
        vm.lookUp(MAIN_KEY);
        assertThat(vm.statusProperty().get()).isEqualTo(Status.MISS);
        readMainConversation(); // an application read fills the key meanwhile
        vm.loadKeys();
        assertThat(entry(MAIN_KEY).present()).isTrue();
        assertThat(vm.statusProperty().get()).as("no Look up needed").isEqualTo(Status.HIT);
    }

    @Test
    void aReadThroughTheFacadeFillsTheKeyAndTheLookupShowsHitJsonAndTtl() {
        Page<Message> first = readMainConversation();
        assertThat(first.items()).hasSize(20); // the cached page size, whatever the view asked
        assertThat(readMainConversation()).isEqualTo(first);

        vm.lookUp(MAIN_KEY);
        assertThat(vm.statusProperty().get()).isEqualTo(Status.HIT);
        assertThat(vm.typeProperty().get()).isEqualTo("scalar");
        assertThat(vm.sizeProperty().get()).endsWith("KiB");
        assertThat(vm.valueProperty().get()).contains("\n  ").contains(DemoFixture.MAIN_GROUP);
        assertThat(vm.notesProperty().get()).contains("is current: readers are served this page");
        assertThat(vm.ttlSecondsProperty().get()).isBetween(590L, 600L);

        vm.refreshStatistics();
        // the second read hit; the look-up is an inspection, not an application read
        assertThat(vm.statisticsProperty().get().hits()).isEqualTo(1);
        vm.lookUp(MAIN_KEY);
        vm.refreshStatistics();
        assertThat(vm.statisticsProperty().get().hits()).isEqualTo(1);
        assertThat(vm.missesTextProperty().get()).isNotEqualTo("0");
        assertThat(vm.dynamoLatencyTextProperty().get()).startsWith("p50 ");
        assertThat(vm.chartSeries()).hasSize(CacheInspectorViewModel.CHART_SECONDS);
        assertThat(vm.chartSeries().stream().mapToLong(CacheStatistics.SecondCount::hits).sum()).isPositive();
    }

    @Test
    void theTtlCountsDownFromTheLastExpiryAndTurnsIntoAMissAfterIt() throws Exception {
        readMainConversation();
        vm.lookUp(MAIN_KEY);
        vm.changeTtl(2);
        assertThat(vm.messageProperty().get()).contains("is now 2 s");
        assertThat(vm.ttlSecondsProperty().get()).isBetween(1L, 2L);
        vm.tick(Instant.now().plusMillis(1500)); // no call: computed from the expiry
        assertThat(vm.ttlSecondsProperty().get()).isLessThanOrEqualTo(1L);
        assertThat(vm.statusProperty().get()).isEqualTo(Status.HIT);
        Thread.sleep(2300);
        vm.tick(Instant.now());
        assertThat(vm.statusProperty().get()).isEqualTo(Status.MISS);
        assertThat(vm.ttlTextProperty().get()).isEmpty();
    }

    @Test
    void deleteSetAndIncrementAct() {
        readMainConversation();
        vm.loadKeys();
        vm.lookUp(MAIN_KEY);
        assertThat(entry(MAIN_KEY).present()).isTrue();
        vm.delete();
        assertThat(vm.statusProperty().get()).isEqualTo(Status.MISS);
        assertThat(entry(MAIN_KEY).present()).isFalse(); // the tree's dot follows the lookups
        assertThat(vm.messageProperty().get()).isEqualTo("Deleted " + MAIN_KEY + ".");

        vm.keyInputProperty().set("msgs/andrewbrown");
        vm.lookUp();
        assertThat(vm.statusProperty().get()).isEqualTo(Status.MISS);
        vm.set("41", 120);
        assertThat(vm.valueProperty().get()).isEqualTo("41");
        assertThat(vm.ttlSecondsProperty().get()).isBetween(118L, 120L);
        vm.increment(1);
        assertThat(vm.messageProperty().get()).isEqualTo("Incremented msgs/andrewbrown to 42.");
        assertThat(vm.valueProperty().get()).isEqualTo("42");

        vm.changeTtl(0);
        assertThat(vm.errorProperty().get()).contains("1 second to 24 hours");
    }

    @Test
    void staleCheckShowsTheMessageWrittenBehindTheCachesBack() {
        readMainConversation();
        vm.lookUp(MAIN_KEY);
        vm.staleCheck();
        assertThat(vm.staleReportProperty().get().verdict()).isEqualTo(dev.cruddur.admin.app.cache.StaleCheck.Verdict.CURRENT);
        assertThat(vm.staleLines()).isEmpty();

        // straight to DynamoDB through a connection nobody keeps the cache honest for (the window's would)
        SendResult sent;
        try (DirectMessages outside = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(),
                dm.connection().table())), Clock.systemUTC())) {
            sent = outside.send(outside.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BAYKO, "Written behind the cache's back"));
        }
        assertThat(sent).isInstanceOf(SendResult.Sent.class);
        vm.staleCheck();
        assertThat(vm.staleVerdictProperty().get()).startsWith("Differs from DynamoDB: 1 added, 1 removed, 0 changed");
        assertThat(vm.staleLines()).anyMatch(l -> l.startsWith("+ added") && l.contains("@bayko: Written behind the cache's back"));
        assertThat(vm.staleLines()).anyMatch(l -> l.startsWith("− removed"));
    }

    @Test
    void aSendThroughTheFacadeInvalidatesSoTheNextReadIsFresh() {
        readMainConversation();
        SendResult sent = session.reads().send(dm, dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BROWN, "Through the front door"));
        assertThat(sent).isInstanceOf(SendResult.Sent.class);
        vm.lookUp(MAIN_KEY);
        assertThat(vm.statusProperty().get()).isEqualTo(Status.MISS);
        Page<Message> again = readMainConversation();
        assertThat(again.items().get(again.items().size() - 1).text()).isEqualTo("Through the front door");
        assertThat(problems).isEmpty();
    }

    @Test
    void cachesAreListedCreatedFlushedAndDeleted() {
        vm.refreshCaches();
        assertThat(vm.caches()).contains(cache.cacheName());
        String extra = cache.cacheName() + "-extra";
        vm.createCache(extra);
        assertThat(vm.caches()).contains(extra);
        vm.deleteCache(extra);
        assertThat(vm.caches()).doesNotContain(extra);

        readMainConversation();
        vm.lookUp(MAIN_KEY);
        assertThat(vm.statusProperty().get()).isEqualTo(Status.HIT);
        vm.flushCache(cache.cacheName());
        assertThat(vm.statusProperty().get()).isEqualTo(Status.MISS);
    }

    @Test
    void aCacheThatStopsAnsweringFallsBackAndSaysSoQuietly() throws Exception {
        CacheStore own = CacheStore.open(CacheSettings.embedded(), new CacheStatistics());
        session.use(own);
        own.close();
        Page<Message> page = readMainConversation();
        assertThat(page.items()).hasSize(20);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("Cache: ").endsWith("Reads fall back to DynamoDB meanwhile.");
        assertThat(session.problemProperty().get()).isEqualTo(problems.get(0));
        vm.lookUp(MAIN_KEY);
        assertThat(vm.statusProperty().get()).isEqualTo(Status.ERROR);
        assertThat(vm.errorProperty().get()).isNotBlank();
    }

    @Test
    void withoutACacheTheFacadeReadsDynamoDbAsAsked() {
        session.close();
        assertThat(session.reads().messages(dm, DemoFixture.MAIN_GROUP, Optional.empty(), 30, PageReads.Mode.THROUGH_CACHE)
                .page().items()).hasSize(30);
        vm.lookUp(MAIN_KEY);
        assertThat(vm.errorProperty().get()).isEqualTo("No cache is open.");
    }

    @Test
    void formatting() {
        assertThat(CacheInspectorViewModel.duration(59)).isEqualTo("59 s");
        assertThat(CacheInspectorViewModel.duration(598)).isEqualTo("9 min 58 s");
        assertThat(CacheInspectorViewModel.duration(3720)).isEqualTo("1 h 2 min");
        assertThat(CacheInspectorViewModel.bytes(1)).isEqualTo("1 byte");
        assertThat(CacheInspectorViewModel.bytes(2048)).isEqualTo("2.0 KiB");
    }

    @Test
    void aCollectionIsShownAsRowsAndEditedWithItsOwnCommands() {
        cache.collections().sortedSetPut("leaderboard", "bayko", 3);
        cache.collections().sortedSetPut("leaderboard", "brown", 1);
        vm.lookUp("leaderboard");
        assertThat(vm.statusProperty().get()).isEqualTo(Status.HIT);
        assertThat(vm.itemTypeProperty().get()).isEqualTo(dev.cruddur.admin.cache.ItemType.SORTED_SET);
        assertThat(vm.typeProperty().get()).isEqualTo("sorted set");
        assertThat(vm.collectionRows()).extracting(r -> r.position() + " " + r.value() + " " + r.score().getAsDouble())
                .containsExactly("0 brown 1.0", "1 bayko 3.0");

        vm.addToCollection("londo", "two");
        assertThat(vm.errorProperty().get()).isEqualTo("A score is a number, e.g. 3 or 2.5.");
        vm.addToCollection("londo", "2");
        assertThat(vm.collectionRows()).extracting(r -> r.value()).containsExactly("brown", "londo", "bayko");
        vm.removeFromCollection(vm.collectionRows().get(0));
        assertThat(vm.messageProperty().get()).isEqualTo("Removed brown from leaderboard.");
        assertThat(vm.collectionRows()).extracting(r -> r.value()).containsExactly("londo", "bayko");

        cache.collections().dictionarySetField("profile", "handle", "andrewbrown");
        vm.lookUp("profile");
        assertThat(vm.collectionRows()).extracting(r -> r.field() + "=" + r.value()).containsExactly("handle=andrewbrown");
        vm.addToCollection("", "x");
        assertThat(vm.errorProperty().get()).isEqualTo("Type the field to set.");
        vm.removeFromCollection(vm.collectionRows().get(0));
        // the last field removed, the dictionary is gone
        assertThat(vm.statusProperty().get()).isEqualTo(Status.MISS);
        assertThat(vm.collectionRows()).isEmpty();
    }
}
