package dev.cruddur.admin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real Momento SDK, through {@link CacheStore}, against the embedded cache server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CacheStoreTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private CacheStore store;

    @BeforeAll
    void openEmbedded() throws Exception {
        store = CacheStore.open(CacheSettings.embedded());
    }

    @AfterAll
    void close() {
        store.close();
    }

    private static String key(String prefix) {
        return prefix + "/" + UUID.randomUUID();
    }

    private static <T> T ok(CacheOutcome<T> outcome) {
        assertThat(outcome).isInstanceOf(CacheOutcome.Ok.class);
        return ((CacheOutcome.Ok<T>) outcome).value();
    }

    private static CacheFailure failure(CacheOutcome<?> outcome) {
        assertThat(outcome).isInstanceOf(CacheOutcome.Failed.class);
        return ((CacheOutcome.Failed<?>) outcome).failure();
    }

    private static CacheFailure failure(CacheRead<?> read) {
        assertThat(read).isInstanceOf(CacheRead.Failed.class);
        return ((CacheRead.Failed<?>) read).failure();
    }

    // ---------------------------------------------------------------- caches

    @Test
    void openingTheEmbeddedCacheCreatesTheConfiguredCache() {
        assertThat(store.embeddedPort()).hasValueSatisfying(port -> assertThat(port).isPositive());
        assertThat(ok(store.listCaches())).contains("cruddur");
        long errorsBefore = store.statistics().snapshot().errors();
        assertThat(ok(store.ensureCache())).isFalse();
        assertThat(store.statistics().snapshot().errors()).isEqualTo(errorsBefore);
        CacheStore fresh = store.forCache("ensured-" + UUID.randomUUID());
        assertThat(ok(fresh.ensureCache())).isTrue();
        assertThat(ok(fresh.ensureCache())).isFalse();
        ok(store.deleteCache(fresh.cacheName()));
    }

    @Test
    void createdCacheIsListedAndDeletedCacheIsNot() {
        String name = "inspector-" + UUID.randomUUID();
        ok(store.createCache(name));
        assertThat(ok(store.listCaches())).contains(name, "cruddur");
        ok(store.deleteCache(name));
        assertThat(ok(store.listCaches())).doesNotContain(name);
    }

    @Test
    void creatingAnExistingCacheFailsWithPlainMessage() {
        CacheFailure failure = failure(store.createCache("cruddur"));
        assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.CACHE_ALREADY_EXISTS);
        assertThat(failure.message()).isEqualTo("The cache 'cruddur' already exists");
    }

    @Test
    void deletingAMissingCacheFailsWithPlainMessage() {
        CacheFailure failure = failure(store.deleteCache("no-such-cache"));
        assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.CACHE_NOT_FOUND);
        assertThat(failure.message()).isEqualTo("The cache 'no-such-cache' does not exist");
    }

    @Test
    void readingFromAMissingCacheFailsWithPlainMessageAndCountsAnError() {
        CacheStore elsewhere = store.forCache("missing-cache");
        long errorsBefore = store.statistics().snapshot().errors();
        CacheFailure failure = failure(elsewhere.getText("groups/someone"));
        assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.CACHE_NOT_FOUND);
        assertThat(failure.message()).isEqualTo("The cache 'missing-cache' does not exist");
        assertThat(store.statistics().snapshot().errors()).isEqualTo(errorsBefore + 1);
        assertThat(failure(elsewhere.set("k", "v")).message()).isEqualTo("The cache 'missing-cache' does not exist");
    }

    @Test
    void flushEmptiesOnlyTheFlushedCache() {
        String name = "flush-" + UUID.randomUUID();
        ok(store.createCache(name));
        CacheStore other = store.forCache(name);
        ok(other.set("a", "1"));
        ok(store.set("kept/" + name, "2"));
        ok(store.flushCache(name));
        assertThat(other.getText("a")).isInstanceOf(CacheRead.Miss.class);
        assertThat(store.getText("kept/" + name)).isInstanceOf(CacheRead.Hit.class);
        assertThat(failure(store.flushCache("never-made")).kind()).isEqualTo(CacheFailure.Kind.CACHE_NOT_FOUND);
        ok(store.deleteCache(name));
    }

    // ---------------------------------------------------------------- reads and writes

    @Test
    void setThenGetReturnsTheJsonAndCountsAHit() {
        String key = key("groups");
        String json = "{\"items\":[{\"uuid\":\"5ae290ed-55d1-47a0-bc6d-fe2bc2700399\",\"message\":\"héllo ✓\"}]}";
        CacheOutcome<Void> set = store.set(key, json, MINUTE);
        assertThat(set.took()).isPositive();
        long hitsBefore = store.statistics().snapshot().hits();

        CacheRead<String> read = store.getText(key);

        assertThat(read).isInstanceOf(CacheRead.Hit.class);
        assertThat(((CacheRead.Hit<String>) read).value()).isEqualTo(json);
        assertThat(read.took()).isPositive();
        assertThat(store.statistics().snapshot().hits()).isEqualTo(hitsBefore + 1);
    }

    @Test
    void bytesRoundTripUnchanged() {
        String key = key("bytes");
        byte[] value = new byte[256];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }
        ok(store.set(key, value, MINUTE));
        CacheRead<byte[]> read = store.getBytes(key);
        assertThat(((CacheRead.Hit<byte[]>) read).value()).containsExactly(value);
    }

    @Test
    void absentKeyIsAMissAndCountsAMiss() {
        long missesBefore = store.statistics().snapshot().misses();
        assertThat(store.getText(key("messages"))).isInstanceOf(CacheRead.Miss.class);
        assertThat(store.statistics().snapshot().misses()).isEqualTo(missesBefore + 1);
    }

    @Test
    void getWithTtlReportsTheRemainingTime() {
        String key = key("messages");
        ok(store.set(key, "[]", Duration.ofSeconds(30)));
        CacheRead.Hit<String> hit = (CacheRead.Hit<String>) store.getTextWithTtl(key);
        assertThat(hit.value()).isEqualTo("[]");
        assertThat(hit.ttlRemaining()).hasValueSatisfying(ttl ->
                assertThat(ttl).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30)));
        assertThat(store.getTextWithTtl(key("absent"))).isInstanceOf(CacheRead.Miss.class);
    }

    @Test
    void setWithoutTtlUsesTheDefaultTtl() {
        String key = key("default-ttl");
        ok(store.set(key, "x"));
        Optional<Duration> ttl = ok(store.itemTtl(key));
        assertThat(ttl).hasValueSatisfying(t ->
                assertThat(t).isBetween(Duration.ofSeconds(590), Duration.ofSeconds(600)));
    }

    @Test
    void deletedKeyIsAMissAndDeletingAnAbsentKeyIsFine() {
        String key = key("groups");
        ok(store.set(key, "x", MINUTE));
        ok(store.delete(key));
        assertThat(store.getText(key)).isInstanceOf(CacheRead.Miss.class);
        ok(store.delete(key));
    }

    @Test
    void setIfAbsentStoresOnlyTheFirstValue() {
        String key = key("lock");
        assertThat(ok(store.setIfAbsent(key, "first", MINUTE))).isTrue();
        assertThat(ok(store.setIfAbsent(key, "second", MINUTE))).isFalse();
        assertThat(((CacheRead.Hit<String>) store.getText(key)).value()).isEqualTo("first");
    }

    @Test
    void incrementCreatesThenAddsLikeCruddursMessageCounter() {
        String key = key("msgs");
        assertThat(ok(store.increment(key, 1))).isEqualTo(1L);
        assertThat(ok(store.increment(key, 41))).isEqualTo(42L);
        assertThat(ok(store.increment(key, -2))).isEqualTo(40L);
        assertThat(((CacheRead.Hit<String>) store.getText(key)).value()).isEqualTo("40");
    }

    @Test
    void incrementOfTextFailsWithPlainMessage() {
        String key = key("msgs");
        ok(store.set(key, "not a number", MINUTE));
        CacheFailure failure = failure(store.increment(key, 1));
        assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.BAD_REQUEST);
        assertThat(failure.message()).isEqualTo("The cache refused the request: The stored value is not a base-10 64-bit integer");
    }

    @Test
    void concurrentIncrementsAreNotLost() throws Exception {
        String key = key("msgs");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        ok(store.increment(key, 1));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(((CacheRead.Hit<String>) store.getText(key)).value()).isEqualTo("400");
    }

    // ---------------------------------------------------------------- TTL

    @Test
    void itemTtlIsEmptyForAnAbsentKey() {
        assertThat(ok(store.itemTtl(key("absent")))).isEmpty();
    }

    @Test
    void itemExpiresAfterItsTtl() throws Exception {
        String key = key("short");
        ok(store.set(key, "soon gone", Duration.ofMillis(300)));
        assertThat(store.getText(key)).isInstanceOf(CacheRead.Hit.class);
        Thread.sleep(450);
        assertThat(store.getText(key)).isInstanceOf(CacheRead.Miss.class);
        assertThat(ok(store.itemTtl(key))).isEmpty();
        assertThat(ok(store.keysExist(List.of(key)))).containsEntry(key, false);
    }

    @Test
    void updateTtlOverwritesIncreasesAndDecreasesAsAsked() {
        String key = key("ttl");
        ok(store.set(key, "x", Duration.ofSeconds(60)));

        assertThat(ok(store.updateTtl(key, Duration.ofSeconds(30), TtlMode.INCREASE))).isEqualTo(TtlChange.NOT_SET);
        assertThat(ok(store.updateTtl(key, Duration.ofSeconds(120), TtlMode.INCREASE))).isEqualTo(TtlChange.SET);
        assertThat(ok(store.itemTtl(key)).orElseThrow()).isGreaterThan(Duration.ofSeconds(100));

        assertThat(ok(store.updateTtl(key, Duration.ofSeconds(300), TtlMode.DECREASE))).isEqualTo(TtlChange.NOT_SET);
        assertThat(ok(store.updateTtl(key, Duration.ofSeconds(10), TtlMode.DECREASE))).isEqualTo(TtlChange.SET);
        assertThat(ok(store.itemTtl(key)).orElseThrow()).isLessThanOrEqualTo(Duration.ofSeconds(10));

        assertThat(ok(store.updateTtl(key, Duration.ofSeconds(500), TtlMode.OVERWRITE))).isEqualTo(TtlChange.SET);
        assertThat(ok(store.itemTtl(key)).orElseThrow()).isGreaterThan(Duration.ofSeconds(400));

        for (TtlMode mode : TtlMode.values()) {
            assertThat(ok(store.updateTtl(key("absent"), Duration.ofSeconds(5), mode))).isEqualTo(TtlChange.MISSING);
        }
    }

    @Test
    void ttlOverMomentosDayLimitIsRefusedWithPlainMessage() {
        CacheFailure failure = failure(store.set(key("long"), "x", Duration.ofHours(25)));
        assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.BAD_REQUEST);
        assertThat(failure.message()).isEqualTo("The cache refused the request: The TTL of 25 h is over the limit of 24 h");
        CacheFailure update = failure(store.updateTtl(key("long"), Duration.ofHours(48), TtlMode.OVERWRITE));
        assertThat(update.message()).contains("over the limit of 24 h");
    }

    @Test
    void negativeTtlIsRefusedByTheSdkWithPlainMessage() {
        CacheFailure failure = failure(store.set(key("negative"), "x", Duration.ofSeconds(-1)));
        assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.INVALID_ARGUMENT);
        assertThat(failure.message()).isEqualTo("The request was not valid: Cache item TTL cannot be negative");
    }

    @Test
    void itemOverFiveMillionBytesIsRefusedWithPlainMessage() {
        // Momento's SDK tests expect the service to refuse an item over 5,000,000 bytes (key and value)
        String key = key("big");
        byte[] big = new byte[5_000_000 - key.length() + 1];
        CacheFailure failure = failure(store.set(key, big, MINUTE));
        assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.LIMIT_EXCEEDED);
        assertThat(failure.message()).isEqualTo("The item is too large for the cache (Momento's limit is 5 MB)");
    }

    @Test
    void itemOfExactlyFiveMillionBytesIsStored() {
        String key = key("big");
        byte[] almost = new byte[5_000_000 - key.length()];
        ok(store.set(key, almost, MINUTE));
        ok(store.delete(key));
    }

    // ---------------------------------------------------------------- batch reads

    @Test
    void batchReadAnswersEachKeyInOrderInOneCall() {
        String a = key("messages");
        String absent = key("messages");
        String c = key("generation/messages");
        ok(store.set(a, "page héllo ✓", MINUTE));
        ok(store.increment(c, 1_234_567, MINUTE)); // a counter reads back as its decimal text

        CacheOutcome<List<Optional<String>>> read = store.getTextBatch(List.of(c, absent, a, c));

        assertThat(ok(read)).containsExactly(Optional.of("1234567"), Optional.empty(), Optional.of("page héllo ✓"),
                Optional.of("1234567"));
        assertThat(read.took()).isPositive();
        assertThat(ok(store.getTextBatch(List.of(absent)))).containsExactly(Optional.empty());
    }

    @Test
    void batchReadCountsOneHitOrMissOfTheFirstKeyOnly() {
        String page = key("groups");
        String counter = key("generation/groups");
        ok(store.set(page, "[]", MINUTE));
        ok(store.increment(counter, 5, MINUTE));
        CacheStatistics.Snapshot before = store.statistics().snapshot();

        ok(store.getTextBatch(List.of(page, counter)));
        CacheStatistics.Snapshot afterHit = store.statistics().snapshot();
        assertThat(afterHit.hits()).isEqualTo(before.hits() + 1);
        assertThat(afterHit.misses()).isEqualTo(before.misses());
        assertThat(afterHit.cacheSamples()).isEqualTo(before.cacheSamples() + 1);

        ok(store.getTextBatch(List.of(key("groups"), counter))); // the first key is absent, the second is not
        CacheStatistics.Snapshot afterMiss = store.statistics().snapshot();
        assertThat(afterMiss.hits()).isEqualTo(afterHit.hits());
        assertThat(afterMiss.misses()).isEqualTo(afterHit.misses() + 1);
        assertThat(afterMiss.errors()).isEqualTo(before.errors());
    }

    @Test
    void batchReadFromAMissingCacheFailsPlainlyAndCountsOneError() {
        CacheStore elsewhere = store.forCache("missing-cache");
        CacheStatistics.Snapshot before = store.statistics().snapshot();
        CacheFailure failure = failure(elsewhere.getTextBatch(List.of("groups/someone", "generation/groups/someone")));
        assertThat(failure.kind()).isEqualTo(CacheFailure.Kind.CACHE_NOT_FOUND);
        assertThat(failure.message()).isEqualTo("The cache 'missing-cache' does not exist");
        CacheStatistics.Snapshot after = store.statistics().snapshot();
        assertThat(after.errors()).isEqualTo(before.errors() + 1);
        assertThat(after.hits() + after.misses()).isEqualTo(before.hits() + before.misses());
    }

    @Test
    void batchReadOfNoKeysIsAProgrammingError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.getTextBatch(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- keys

    @Test
    void keysExistAnswersForEachKeyInOrder() {
        String present = key("groups");
        String absent = key("groups");
        ok(store.set(present, "x", MINUTE));
        Map<String, Boolean> exists = ok(store.keysExist(List.of(absent, present)));
        assertThat(exists).containsExactly(Map.entry(absent, false), Map.entry(present, true));
    }

    @Test
    void itemTypeIsScalarOrMissing() {
        String key = key("messages");
        ok(store.set(key, "x", MINUTE));
        assertThat(ok(store.itemType(key))).isEqualTo(ItemType.SCALAR);
        assertThat(ok(store.itemType(key("absent")))).isEqualTo(ItemType.MISSING);
        assertThat(failure(store.forCache("gone").itemType(key)).message()).isEqualTo("The cache 'gone' does not exist");
    }

    @Test
    void keysWithNonAsciiCharactersWork() {
        String key = "msgs/" + "lóndo-✓";
        ok(store.set(key, "1", MINUTE));
        assertThat(ok(store.keysExist(List.of(key)))).containsEntry(key, true);
        assertThat(new String(((CacheRead.Hit<byte[]>) store.getBytes(key)).value(), StandardCharsets.UTF_8)).isEqualTo("1");
    }

    @Test
    void aClosedStoreFailsPlainlyInsteadOfThrowing() throws Exception {
        CacheStore shortLived = CacheStore.open(CacheSettings.embedded());
        shortLived.close();
        shortLived.close();
        assertThat(failure(shortLived.getText("k")).message()).isEqualTo("The cache connection is closed");
        assertThat(failure(shortLived.getTextBatch(List.of("k"))).message()).isEqualTo("The cache connection is closed");
        assertThat(failure(shortLived.listCaches()).message()).isEqualTo("The cache connection is closed");
    }
}
