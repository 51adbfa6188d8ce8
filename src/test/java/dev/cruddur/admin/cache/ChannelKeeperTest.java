package dev.cruddur.admin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The window's client keeps its connections through gRPC's client idle mode, which closes a
 * channel's connection after 30 minutes without a call (the reason a 55-minute soak saw a new
 * connection). Here the SDK channels' idle timeout is shrunk to 1.5 s and the store idles 5 s:
 * without {@link ChannelKeeper} the server sees new connections, with it none.
 */
class ChannelKeeperTest {
    private static final Duration SHRUNK_IDLE_TIMEOUT = Duration.ofMillis(1_500);
    private static final Duration IDLE = Duration.ofSeconds(5);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theKeeperHoldsBothChannelsOnTheirConnectionsThroughIdleMode() throws Exception {
        Reconnects seen = idleWith(Duration.ofMillis(300));
        assertThat(seen.before()).as("control plane (the cache made at open) and data plane").isEqualTo(2);
        assertThat(seen.after()).as("connections accepted after the idle time").isEqualTo(seen.before());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void withoutTheKeeperIdleModeClosesTheConnections() throws Exception {
        Reconnects seen = idleWith(Duration.ofHours(1)); // never ticks within the test
        assertThat(seen.after()).as("both channels reconnect").isEqualTo(seen.before() + 2);
    }

    @Test
    void theKeeperTicksWellWithinTheSdkChannelsRealIdleTimeout() throws Exception {
        try (CacheStore store = CacheStore.open(CacheSettings.embedded())) {
            Duration idleTimeout = SdkChannels.idleTimeout(store.client());
            assertThat(idleTimeout).isEqualTo(Duration.ofMinutes(30));
            assertThat(ChannelKeeper.DEFAULT_EVERY).isLessThanOrEqualTo(idleTimeout.multipliedBy(2).dividedBy(3));
        }
    }

    private record Reconnects(long before, long after) {}

    private static Reconnects idleWith(Duration keeperEvery) throws Exception {
        try (CacheStore store = CacheStore.open(CacheSettings.embedded(), new CacheStatistics(), keeperEvery)) {
            EmbeddedCacheServer server = store.embeddedServer().orElseThrow();
            SdkChannels.shrinkIdleTimeout(store.client(), SHRUNK_IDLE_TIMEOUT);
            // a call on each channel, so that each reschedules its idle timer with the shrunk timeout
            assertThat(store.set("k", "v")).isInstanceOf(CacheOutcome.Ok.class);
            assertThat(store.listCaches()).isInstanceOf(CacheOutcome.Ok.class);
            long before = server.connectionsAccepted();

            Thread.sleep(IDLE.toMillis());

            assertThat(store.getText("k")).isInstanceOf(CacheRead.Hit.class);
            assertThat(store.listCaches()).isInstanceOf(CacheOutcome.Ok.class);
            return new Reconnects(before, server.connectionsAccepted());
        }
    }
}
