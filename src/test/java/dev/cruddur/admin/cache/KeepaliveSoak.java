package dev.cruddur.admin.cache;

import dev.cruddur.admin.cacheengine.CacheEngineConfig;
import dev.cruddur.admin.cacheengine.CacheToken;
import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import momento.sdk.CacheClient;
import momento.sdk.config.Configurations;
import momento.sdk.responses.cache.GetResponse;

/**
 * The long form of {@link EmbeddedCacheKeepaliveTest}, too long for the suite: the Java SDK's client
 * (the window's configuration) held idle for the given minutes (default 60) against the embedded
 * cache; prints whether it kept its one connection and still reads. Run with
 * {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.cache.KeepaliveSoak -Dexec.args=60}.
 */
public final class KeepaliveSoak {
    public static void main(String[] args) throws Exception {
        long minutes = args.length > 0 ? Long.parseLong(args[0]) : 60;
        String token = CacheToken.generate();
        try (EmbeddedCacheServer server = EmbeddedCacheServer.start(CacheEngineConfig.onPort(0).withToken(token).withCaches("cruddur"));
             CacheClient client = CacheClient.builder(new LoopbackCredentials(server.host(), server.port(), ApiKey.of(token)),
                     Configurations.Laptop.latest(), Duration.ofMinutes(1)).build()) {
            client.set("cruddur", "k", "v", Duration.ofHours(23)).get(10, TimeUnit.SECONDS);
            long connected = server.connectionsAccepted();
            Instant start = Instant.now();
            System.out.println(start + " connected (" + connected + " connection), now idle for " + minutes + " min");
            Thread.sleep(Duration.ofMinutes(minutes).toMillis());
            boolean open = server.connectionsOpen() == connected;
            GetResponse after = client.get("cruddur", "k").get(10, TimeUnit.SECONDS);
            boolean noReconnect = server.connectionsAccepted() == connected;
            System.out.println(Instant.now() + " after " + Duration.between(start, Instant.now()).toMinutes() + " min idle: connection still open "
                    + open + ", read " + (after instanceof GetResponse.Hit ? "HIT" : after) + ", no reconnect " + noReconnect);
            System.exit(open && noReconnect && after instanceof GetResponse.Hit ? 0 : 1);
        }
    }
}
