package dev.cruddur.admin.bench;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.cache.WriteInvalidation;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * What keeping the cache honest costs a write: a direct send (one transaction of three items,
 * three keys invalidated) and seeding (batches of 25 items), each on a connection with the write
 * invalidation and the embedded cache attached against one without, interleaved in one run, on
 * the embedded engine. Seeding is measured invalidating per write and as the app runs it, with one
 * invalidation at the end ({@link WriteInvalidation#deferred}).
 *
 * <pre>mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.bench.WriteInvalidationBenchmark [-Dbench.rounds=300]</pre>
 */
public final class WriteInvalidationBenchmark {
    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 300);
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.inMemory());
             CacheStore cache = CacheStore.open(CacheSettings.embedded())) {
            DirectMessages plain = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(engine.endpoint(), "bench")), Clock.systemUTC());
            DirectMessages honest = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(engine.endpoint(), "bench")), Clock.systemUTC());
            plain.schema().create();
            plain.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
            try (WriteInvalidation invalidation = WriteInvalidation.attach(honest.connection(), cache)) {
                User sender = DemoFixture.ANDREW_BROWN;
                long[] without = new long[rounds];
                long[] with = new long[rounds];
                for (int i = 0; i < 30; i++) { // warm-up of both paths
                    plain.send(plain.prepare(DemoFixture.MAIN_GROUP, sender, "warm " + i));
                    honest.send(honest.prepare(DemoFixture.MAIN_GROUP, sender, "warm " + i));
                }
                for (int i = 0; i < rounds; i++) {
                    long a = System.nanoTime();
                    plain.send(plain.prepare(DemoFixture.MAIN_GROUP, sender, "plain " + i));
                    long b = System.nanoTime();
                    honest.send(honest.prepare(DemoFixture.MAIN_GROUP, sender, "honest " + i));
                    long c = System.nanoTime();
                    without[i] = b - a;
                    with[i] = c - b;
                }
                System.out.printf(Locale.ROOT, "direct send, %d each: p50 %.2f ms without, %.2f ms with invalidation (x%.2f); p95 %.2f / %.2f ms%n",
                        rounds, ms(p(without, 50)), ms(p(with, 50)), (double) p(with, 50) / p(without, 50), ms(p(without, 95)), ms(p(with, 95)));

                int users = 200;
                int conversations = 400;
                int seedRounds = Integer.getInteger("bench.seedRounds", 3);
                // rounds in rotating order, each arm its own users (random seed), so warm-up and a
                // growing table fall on every arm alike
                long[] seedNanos = new long[3]; // without, invalidation per write, one bulk invalidation
                for (int round = 0; round < seedRounds; round++) {
                    for (int k = 0; k < 3; k++) {
                        int arm = (round + k) % 3;
                        long randomSeed = 10L * (arm + 1) + round;
                        long t = System.nanoTime();
                        switch (arm) {
                            case 0 -> plain.seeder().generate(users, conversations, 5, randomSeed, Instant.now(), Seeder.Progress.NONE);
                            case 1 -> honest.seeder().generate(users, conversations, 5, randomSeed, Instant.now(), Seeder.Progress.NONE);
                            default -> invalidation.deferred(() -> // as the app seeds: one invalidation when it ends
                                    honest.seeder().generate(users, conversations, 5, randomSeed, Instant.now(), Seeder.Progress.NONE));
                        }
                        seedNanos[arm] += System.nanoTime() - t;
                    }
                }
                System.out.printf(Locale.ROOT, "seeding %d items, %d rotating rounds: %.0f ms without, %.0f ms with invalidation per write (x%.2f), %.0f ms with one bulk invalidation (x%.2f)%n",
                        conversations * 7, seedRounds, ms(seedNanos[0] / seedRounds), ms(seedNanos[1] / seedRounds), (double) seedNanos[1] / seedNanos[0],
                        ms(seedNanos[2] / seedRounds), (double) seedNanos[2] / seedNanos[0]);
            }
            plain.close();
            honest.close();
        }
    }

    private static long p(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
