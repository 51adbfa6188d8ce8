package dev.cruddur.admin.bench;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.cache.CacheKeys;
import dev.cruddur.admin.app.cache.CachedMessages;
import dev.cruddur.admin.app.cache.CachedPage;
import dev.cruddur.admin.cache.CacheConnection;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Cache-aside first-page reads of patterns B and A: a cache hit against a DynamoDB read of the
 * same page, measured interleaved in one run (and the miss that fills the cache, for scale).
 * DynamoDB is dynalite unless {@code --endpoint} names another (e.g. the embedded engine); the
 * cache is the embedded one unless {@code --local host:port} names a Momento-compatible server.
 *
 * <pre>mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.bench.CacheAsideBenchmark \
 *     [-Dbench.endpoint=http://127.0.0.1:8000] [-Dbench.local=127.0.0.1:4040] [-Dbench.rounds=1000]</pre>
 *
 * (or {@code --endpoint URL --local HOST:PORT --rounds N} as arguments when run from a jar or an IDE)
 */
public final class CacheAsideBenchmark {

    public static void main(String[] args) throws Exception {
        // system properties too: -Dexec.args would also reach the pom's other exec execution (npm ci)
        Optional<URI> endpoint = Optional.ofNullable(System.getProperty("bench.endpoint")).map(URI::create);
        Optional<String> local = Optional.ofNullable(System.getProperty("bench.local"));
        int rounds = Integer.getInteger("bench.rounds", 500);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--endpoint" -> endpoint = Optional.of(URI.create(args[i + 1]));
                case "--local" -> local = Optional.of(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        CacheSettings settings = CacheSettings.embedded();
        if (local.isPresent()) {
            String[] hostPort = local.get().split(":");
            settings = settings.withConnection(new CacheConnection.Local(hostPort[0], Integer.parseInt(hostPort[1])));
        }
        if (endpoint.isPresent()) {
            run(endpoint.get().toString(), endpoint.get(), settings, rounds);
        } else {
            try (DynaliteServer dynalite = DynaliteServer.start()) {
                run("dynalite 4.0.0", dynalite.endpoint(), settings, rounds);
            }
        }
        System.exit(0);
    }

    static void run(String name, URI endpoint, CacheSettings settings, int rounds) throws Exception {
        String table = "cache-aside-bench";
        try (DirectMessages dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(endpoint, table)), Clock.systemUTC());
             CacheStore cache = CacheStore.open(settings);
             CachedMessages cached = new CachedMessages(dm, cache)) {
            cache.ensureCache();
            dm.schema().create();
            dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
            System.out.printf(Locale.ROOT, "== cache-aside, DynamoDB: %s at %s, cache: %s, %d rounds, JVM %s, %d cores%n",
                    name, endpoint, cache.where(), rounds, Runtime.version(), Runtime.getRuntime().availableProcessors());
            User viewer = DemoFixture.ANDREW_BROWN;
            String group = DemoFixture.MAIN_GROUP;
            int size = cached.pageSize();

            // warm both paths first, so neither pattern pays for the JIT alone
            for (int i = 0; i < Math.max(300, rounds / 2); i++) {
                cached.conversations(viewer, Optional.empty(), size);
                dm.conversations(viewer, Optional.empty(), size);
                cached.messages(group, Optional.empty(), size);
                dm.messages(group, Optional.empty(), size);
                if (i % 10 == 0) {
                    cache.delete(CacheKeys.conversations(viewer.uuid()));
                    cache.delete(CacheKeys.messages(group));
                }
            }
            compare("B  first page of conversations", rounds,
                    () -> cached.conversations(viewer, Optional.empty(), size),
                    () -> dm.conversations(viewer, Optional.empty(), size),
                    () -> cache.delete(CacheKeys.conversations(viewer.uuid())),
                    () -> cache.getText(CacheKeys.conversations(viewer.uuid())));
            compare("A  first page of " + size + " messages", rounds,
                    () -> cached.messages(group, Optional.empty(), size),
                    () -> dm.messages(group, Optional.empty(), size),
                    () -> cache.delete(CacheKeys.messages(group)),
                    () -> cache.getText(CacheKeys.messages(group)));
            dm.schema().drop(table);
        }
    }

    /** Interleaves the three kinds of read so that drift (JIT, GC, the other process) falls on all alike. */
    private static void compare(String what, int rounds, Supplier<CachedPage<?>> cachedRead, Supplier<?> dynamoRead,
                                Runnable evict, Runnable bareGet) {
        long[] bare = new long[rounds];
        long[] hit = new long[rounds];
        long[] dynamo = new long[rounds];
        long[] fill = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            bareGet.run();
            bare[i] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            CachedPage<?> page = cachedRead.get();
            hit[i] = System.nanoTime() - t0;
            if (!page.source().fromCache()) throw new IllegalStateException("expected a hit, got " + page.source());
            t0 = System.nanoTime();
            dynamoRead.get();
            dynamo[i] = System.nanoTime() - t0;
            evict.run();
            t0 = System.nanoTime();
            cachedRead.get(); // a miss: counter + get, DynamoDB, set
            fill[i] = System.nanoTime() - t0;
        }
        Arrays.sort(bare);
        Arrays.sort(hit);
        Arrays.sort(dynamo);
        Arrays.sort(fill);
        System.out.println("-- " + what);
        line("cache hit", hit);
        line("(bare SDK get)", bare);
        line("DynamoDB read", dynamo);
        line("miss + fill", fill);
        System.out.printf(Locale.ROOT, "   hit is %.1fx faster at p50, %.1fx at p95%n",
                (double) p(dynamo, 50) / p(hit, 50), (double) p(dynamo, 95) / p(hit, 95));
    }

    private static void line(String label, long[] sorted) {
        System.out.printf(Locale.ROOT, "   %-14s p50 %7.3f ms   p95 %7.3f ms%n", label, ms(p(sorted, 50)), ms(p(sorted, 95)));
    }

    private static long p(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
