package dev.cruddur.admin.cache;

import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import java.time.Duration;
import java.time.Instant;

/**
 * The long form of {@link EmbeddedCacheKeepaliveTest} and {@link ChannelKeeperTest}, too long for
 * the suite: the window's client ({@link CacheStore} on the embedded cache, with its token, the
 * SDK's keepalive and the {@link ChannelKeeper}) held idle for the given minutes (default 65,
 * past gRPC's 30-minute client idle mode twice over); prints how many connections the server
 * accepted before and after, and whether the reads still answer. Run with
 * {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.cache.KeepaliveSoak -Dexec.args=65}.
 */
public final class KeepaliveSoak {
    public static void main(String[] args) throws Exception {
        long minutes = args.length > 0 ? Long.parseLong(args[0]) : 65;
        boolean kept;
        try (CacheStore store = CacheStore.open(CacheSettings.embedded())) {
            EmbeddedCacheServer server = store.embeddedServer().orElseThrow();
            // one call on each of the window's channels: control plane (at open), data plane, type probe
            store.set("k", "v", Duration.ofHours(23));
            store.itemType("k");
            long connected = server.connectionsAccepted();
            Instant start = Instant.now();
            System.out.println(start + " connected: " + connected + " connections accepted (control plane, data plane,"
                    + " type probe: one per channel), now idle for " + minutes + " min");
            Thread.sleep(Duration.ofMinutes(minutes).toMillis());
            boolean open = server.connectionsOpen() == connected;
            CacheRead<String> read = store.getText("k");
            CacheOutcome<ItemType> type = store.itemType("k");
            CacheOutcome<?> listed = store.listCaches();
            long accepted = server.connectionsAccepted();
            System.out.println(Instant.now() + " after " + Duration.between(start, Instant.now()).toMinutes()
                    + " min idle: connections accepted " + accepted + " (new during the idle time: " + (accepted - connected)
                    + "), all still open " + open + ", read " + (read instanceof CacheRead.Hit ? "HIT" : read)
                    + ", type " + type + ", list " + (listed instanceof CacheOutcome.Ok ? "OK" : listed));
            kept = open && accepted == connected && read instanceof CacheRead.Hit
                    && type instanceof CacheOutcome.Ok && listed instanceof CacheOutcome.Ok;
        }
        System.exit(kept ? 0 : 1);
    }
}
