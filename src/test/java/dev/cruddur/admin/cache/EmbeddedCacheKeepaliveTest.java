package dev.cruddur.admin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.cacheengine.CacheEngineConfig;
import dev.cruddur.admin.cacheengine.CacheToken;
import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import momento.sdk.CacheClient;
import momento.sdk.config.Configurations;
import momento.sdk.responses.cache.GetResponse;
import momento.sdk.responses.cache.SetResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java SDK's keepalive (a ping every 5 s, with or without calls in flight, in its Laptop
 * configuration) is permitted: a client held idle longer than the 15 s after which the server
 * used to answer its pings with GOAWAY too_many_pings keeps its one connection.
 */
class EmbeddedCacheKeepaliveTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anIdleSdkClientKeepsItsConnectionPastTheOldDropTime() throws Exception {
        String token = CacheToken.generate();
        try (EmbeddedCacheServer server = EmbeddedCacheServer.start(CacheEngineConfig.onPort(0).withToken(token).withCaches("cruddur"));
             CacheClient client = CacheClient.builder(new LoopbackCredentials(server.host(), server.port(), ApiKey.of(token)),
                     Configurations.Laptop.latest(), Duration.ofMinutes(1)).build()) {
            assertThat(client.set("cruddur", "k", "v").get(10, TimeUnit.SECONDS)).isInstanceOf(SetResponse.Success.class);
            long connected = server.connectionsAccepted();
            assertThat(connected).isPositive();

            Thread.sleep(Duration.ofSeconds(20).toMillis()); // idle: only the SDK's pings go over the wire

            assertThat(server.connectionsOpen()).as("connections still open after 20 s idle").isEqualTo(connected);
            assertThat(client.get("cruddur", "k").get(10, TimeUnit.SECONDS)).isInstanceOf(GetResponse.Hit.class);
            assertThat(server.connectionsAccepted()).as("no reconnect after a GOAWAY").isEqualTo(connected);
        }
    }
}
