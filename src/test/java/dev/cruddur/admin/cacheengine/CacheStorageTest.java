package dev.cruddur.admin.cacheengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The storage on a clock the test moves, so expiry is exact. */
class CacheStorageTest {
    private static final long MS = 1_000_000L;

    private final AtomicLong nanos = new AtomicLong(1_000 * MS);
    private CacheStorage storage;

    @BeforeEach
    void setUp() {
        storage = new CacheStorage(nanos::get, Duration.ofHours(24), 1024);
        storage.createCache("cruddur");
    }

    private static ByteString bytes(String text) {
        return ByteString.copyFromUtf8(text);
    }

    private static Status.Code codeOf(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException refused) {
            return refused.getStatus().getCode();
        }
        return Status.Code.OK;
    }

    @Test
    void itemIsGoneTheMillisecondItsTtlEnds() {
        storage.set("cruddur", bytes("k"), bytes("v"), 100);
        nanos.addAndGet(99 * MS);
        assertThat(storage.get("cruddur", bytes("k"))).contains(bytes("v"));
        assertThat(storage.remainingTtlMillis("cruddur", bytes("k"))).hasValue(1);
        nanos.addAndGet(MS);
        assertThat(storage.get("cruddur", bytes("k"))).isEmpty();
        assertThat(storage.exists("cruddur", bytes("k"))).isFalse();
    }

    @Test
    void sweepRemovesOnlyExpiredItems() {
        storage.set("cruddur", bytes("short"), bytes("v"), 10);
        storage.set("cruddur", bytes("long"), bytes("v"), 10_000);
        nanos.addAndGet(20 * MS);
        assertThat(storage.sweep()).isEqualTo(1);
        assertThat(storage.sweep()).isZero();
        assertThat(storage.exists("cruddur", bytes("long"))).isTrue();
    }

    @Test
    void expiredItemCountsAsAbsentForSetIfAndIncrement() {
        storage.set("cruddur", bytes("k"), bytes("41"), 10);
        nanos.addAndGet(10 * MS);
        assertThat(storage.setIf("cruddur", bytes("k"), bytes("new"), 1000, Optional::isEmpty)).isTrue();
        storage.set("cruddur", bytes("n"), bytes("41"), 10);
        nanos.addAndGet(10 * MS);
        assertThat(storage.increment("cruddur", bytes("n"), 1, 1000)).isEqualTo(1);
    }

    @Test
    void updateTtlFollowsItsMode() {
        storage.set("cruddur", bytes("k"), bytes("v"), 1000);
        assertThat(storage.updateTtl("cruddur", bytes("k"), CacheStorage.TtlMode.INCREASE, 500))
                .isEqualTo(CacheStorage.TtlUpdate.NOT_SET);
        assertThat(storage.updateTtl("cruddur", bytes("k"), CacheStorage.TtlMode.DECREASE, 500))
                .isEqualTo(CacheStorage.TtlUpdate.SET);
        assertThat(storage.remainingTtlMillis("cruddur", bytes("k"))).hasValue(500);
        assertThat(storage.updateTtl("cruddur", bytes("k"), CacheStorage.TtlMode.OVERWRITE, 5)).isEqualTo(CacheStorage.TtlUpdate.SET);
        nanos.addAndGet(5 * MS);
        assertThat(storage.updateTtl("cruddur", bytes("k"), CacheStorage.TtlMode.OVERWRITE, 5))
                .isEqualTo(CacheStorage.TtlUpdate.MISSING);
    }

    @Test
    void incrementRefusesNonIntegersAndOverflow() {
        storage.set("cruddur", bytes("text"), bytes("abc"), 1000);
        assertThat(codeOf(() -> storage.increment("cruddur", bytes("text"), 1, 1000))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        storage.set("cruddur", bytes("max"), bytes(Long.toString(Long.MAX_VALUE)), 1000);
        assertThat(codeOf(() -> storage.increment("cruddur", bytes("max"), 1, 1000))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(storage.get("cruddur", bytes("max"))).contains(bytes(Long.toString(Long.MAX_VALUE)));
    }

    @Test
    void limitsAreMomentos() {
        assertThat(codeOf(() -> storage.set("cruddur", bytes("k"), bytes("v"), 0))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(() -> storage.set("cruddur", bytes("k"), bytes("v"), 86_400_001))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(() -> storage.set("cruddur", bytes("k"), bytes("v"), 86_400_000))).isEqualTo(Status.Code.OK);
        // uint64 TTLs above Long.MAX_VALUE arrive negative
        assertThat(codeOf(() -> storage.set("cruddur", bytes("k"), bytes("v"), -1))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(() -> storage.set("cruddur", bytes("k"), ByteString.copyFrom(new byte[1024]), 10)))
                .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        // the service accepts an empty key
        assertThat(codeOf(() -> storage.set("cruddur", bytes(""), bytes("v"), 10))).isEqualTo(Status.Code.OK);
        assertThat(storage.get("cruddur", bytes(""))).contains(bytes("v"));
    }

    @Test
    void cachesAreCreatedOnceAndDeletedOnce() {
        assertThat(codeOf(() -> storage.createCache("cruddur"))).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(codeOf(() -> storage.createCache(" "))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        storage.createCache("another");
        assertThat(storage.cacheNames()).containsExactly("another", "cruddur");
        storage.deleteCache("another");
        assertThat(codeOf(() -> storage.deleteCache("another"))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(codeOf(() -> storage.get("another", bytes("k")))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(codeOf(() -> storage.get("", bytes("k")))).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void notFoundDescriptionIsNotMistakenForAStoreError() {
        // the SDK reads "item_not_found" or "store_not_found" in NOT_FOUND as Storage errors
        assertThatThrownBy(() -> storage.get("missing", bytes("k")))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(e.getStatus().getDescription()).doesNotContain("item_not_found", "store_not_found"));
    }

    @Test
    void pastTheBoundTheLeastRecentlyUsedGoAcrossCachesAndTheBytesAddUp() {
        CacheStorage bounded = new CacheStorage(nanos::get, Duration.ofHours(24), 1024, 300);
        bounded.createCache("a");
        bounded.createCache("b");
        bounded.set("a", bytes("k1"), ByteString.copyFrom(new byte[98]), 1000);   // 100 bytes with its key
        bounded.set("b", bytes("k2"), ByteString.copyFrom(new byte[98]), 1000);
        bounded.set("a", bytes("k3"), ByteString.copyFrom(new byte[98]), 1000);
        assertThat(bounded.heldBytes()).isEqualTo(300);
        assertThat(bounded.get("a", bytes("k1"))).isPresent();                      // k2 is now the least recently used
        bounded.set("b", bytes("k4"), ByteString.copyFrom(new byte[98]), 1000);
        assertThat(bounded.exists("b", bytes("k2"))).isFalse();
        assertThat(bounded.exists("a", bytes("k1"))).isTrue();
        assertThat(bounded.evictions()).isEqualTo(1);
        assertThat(bounded.heldBytes()).isEqualTo(300);
        // a growing collection counts as it grows, and is never the one evicted for its own write
        bounded.writeCollection("a", bytes("l"), ItemValue.ListValue.class, ItemValue.ListValue::new,
                new CacheStorage.CollectionTtl(1000, true), 199, list -> {
                    list.addBack(ByteString.copyFrom(new byte[199]));
                    return null;
                });
        assertThat(bounded.exists("a", bytes("l"))).isTrue();
        assertThat(bounded.heldBytes()).isLessThanOrEqualTo(300);
        bounded.flushCache("a");
        bounded.deleteCache("b");
        assertThat(bounded.heldBytes()).isZero();
        assertThat(bounded.itemCount()).isZero();
    }

    @Test
    void expiredAndDeletedItemsGiveTheirBytesBack() {
        storage.set("cruddur", bytes("k"), bytes("value"), 10);
        storage.set("cruddur", bytes("d"), bytes("value"), 1000);
        assertThat(storage.heldBytes()).isEqualTo(12);
        storage.delete("cruddur", bytes("d"));
        nanos.addAndGet(10 * MS);
        storage.sweep();
        assertThat(storage.heldBytes()).isZero();
    }
}
