package dev.cruddur.admin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.cacheengine.CacheEngineConfig;
import dev.cruddur.admin.cacheengine.CacheRateLimits;
import dev.cruddur.admin.cacheengine.CacheToken;
import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import momento.sdk.CacheClient;
import momento.sdk.config.Configurations;
import momento.sdk.exceptions.MomentoErrorCode;
import momento.sdk.exceptions.SdkException;
import momento.sdk.responses.cache.GetResponse;
import momento.sdk.responses.cache.SetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Enforced rate limits ({@code serve --cache-limits service}) as Momento's Java SDK sees them:
 * a burst beyond a cache's rate, or a cache whose throughput is spent, gets LIMIT_EXCEEDED; the
 * cache answers again once its budget refills; another cache is not held back. Small limits keep
 * the bursts short. ({@code listCaches} reporting them: {@code EmbeddedCacheServerTest}, as SDK 1.21
 * does not show a cache's limits.)
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SdkRateLimitsTest {
    private static final int OPERATIONS_PER_SECOND = 5;
    private static final int KIB_PER_SECOND = 64;

    @Test
    void aBurstBeyondTheRateIsRefusedThenTheCacheRecovers() throws Exception {
        try (Fixture fixture = new Fixture()) {
            List<CompletableFuture<GetResponse>> burst = new ArrayList<>();
            for (int call = 0; call < 60; call++) {
                burst.add(fixture.client.get("a", "k"));
            }
            long refused = 0;
            for (CompletableFuture<GetResponse> call : burst) {
                GetResponse response = call.get(10, TimeUnit.SECONDS);
                if (response instanceof SdkException error) {
                    assertThat(error.getErrorCode()).isEqualTo(MomentoErrorCode.LIMIT_EXCEEDED_ERROR);
                    assertThat(error.getMessage()).contains("Request rate limit exceeded");
                    refused++;
                } else {
                    assertThat(response).isInstanceOf(GetResponse.Miss.class);
                }
            }
            assertThat(refused).as("calls refused of 60 at a limit of " + OPERATIONS_PER_SECOND + " per second").isPositive();

            assertThat(fixture.client.get("b", "k").get(10, TimeUnit.SECONDS))
                    .as("another cache keeps its own budget").isInstanceOf(GetResponse.Miss.class);
            assertThat(untilAnswered(() -> fixture.client.get("a", "k"))).isInstanceOf(GetResponse.Miss.class);
        }
    }

    @Test
    void aSpentThroughputIsRefusedUntilItRefills() throws Exception {
        try (Fixture fixture = new Fixture()) {
            // Eight seconds' worth, so the budget stays spent for about seven seconds: long enough that
            // the next call is refused even when a loaded machine delays it by seconds.
            String eightTimesTheThroughput = "x".repeat(8 * KIB_PER_SECOND * 1024);
            assertThat(fixture.client.set("a", "big", eightTimesTheThroughput).get(10, TimeUnit.SECONDS))
                    .as("one item over a second's throughput is served").isInstanceOf(SetResponse.Success.class);

            Object next = fixture.client.get("a", "k").get(10, TimeUnit.SECONDS);
            assertThat(next).isInstanceOf(SdkException.class);
            assertThat(((SdkException) next).getErrorCode()).isEqualTo(MomentoErrorCode.LIMIT_EXCEEDED_ERROR);
            assertThat(((SdkException) next).getMessage()).contains("Bandwidth limit exceeded");

            assertThat(untilAnswered(() -> fixture.client.get("a", "k"))).isInstanceOf(GetResponse.Miss.class);
        }
    }

    /** Calls again every 100 ms until the answer is not LIMIT_EXCEEDED, for at most 30 s. */
    private static Object untilAnswered(java.util.function.Supplier<CompletableFuture<GetResponse>> call) throws Exception {
        Object answer = null;
        for (int attempt = 0; attempt < 300; attempt++) {
            answer = call.get().get(10, TimeUnit.SECONDS);
            if (!(answer instanceof SdkException error && error.getErrorCode() == MomentoErrorCode.LIMIT_EXCEEDED_ERROR)) {
                return answer;
            }
            Thread.sleep(100);
        }
        return answer;
    }

    private static final class Fixture implements AutoCloseable {
        final EmbeddedCacheServer server;
        final CacheClient client;

        Fixture() throws CacheSettingsException {
            String token = CacheToken.generate();
            server = EmbeddedCacheServer.start(CacheEngineConfig.onPort(0).withToken(token).withCaches("a", "b")
                    .withRateLimits(CacheRateLimits.enforced(OPERATIONS_PER_SECOND, KIB_PER_SECOND)));
            client = CacheClient.builder(new LoopbackCredentials(server.host(), server.port(), ApiKey.of(token)),
                    Configurations.Laptop.latest().withRetryStrategy((status, method, attempts) -> java.util.Optional.empty()),
                    Duration.ofMinutes(1)).build();
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }
}
