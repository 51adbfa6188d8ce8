package dev.cruddur.admin.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.cache.ApiKey;
import dev.cruddur.admin.cache.CacheConnection;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStatistics;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.cache.MisbehavingCacheServer;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real SDK against a cache that fails every call: reads answer from DynamoDB and say so, sends still succeed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachedMessagesOnFailingCacheTest {
    private static final String SECRET = "cruddur-test-secret-0123456789abcdefghij";
    private static final Duration TIMEOUT = Duration.ofMillis(400);

    private DynaliteServer dynalite;
    private DirectMessages dm;

    @BeforeAll
    void seed() {
        dynalite = DynaliteServer.start();
        dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(dynalite.endpoint(), "failing-cache")), Clock.systemUTC());
        dm.schema().create();
        dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
    }

    @AfterAll
    void stop() {
        dm.close();
        dynalite.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unavailable     | is unavailable",
            "slow            | did not answer within",
            "unauthenticated | API key was refused",
    })
    void readsFallBackToDynamoDbAndSendsStillSucceed(String failure, String message) throws Exception {
        CacheStatistics statistics = new CacheStatistics();
        // only the slow server needs the short deadline; the others answer at once, and on a loaded
        // machine a first call (which also opens the connection) can take longer than 400 ms
        Duration timeout = failure.equals("slow") ? TIMEOUT : Duration.ofSeconds(5);
        try (MisbehavingCacheServer server = MisbehavingCacheServer.failingEveryCallAs(failure);
             CacheStore cache = CacheStore.open(CacheSettings.embedded().withTimeout(timeout).withConnection(
                     new CacheConnection.Local("127.0.0.1", server.port(), Optional.of(ApiKey.of(SECRET)))), statistics);
             CachedMessages cached = new CachedMessages(dm, cache)) {

            CachedPage<Conversation> b = cached.conversations(DemoFixture.ANDREW_BROWN, Optional.empty(), cached.pageSize());
            assertThat(b.source()).isInstanceOf(Source.DynamoDbAfterCacheError.class);
            assertThat(b.source().cacheProblem().orElseThrow()).contains(message).doesNotContain(SECRET);
            assertThat(b.page()).isEqualTo(dm.conversations(DemoFixture.ANDREW_BROWN, Optional.empty(), 20));
            assertThat(b.took()).isLessThan(timeout.multipliedBy(2).plusSeconds(2));

            CachedPage<Message> a = cached.messages(DemoFixture.MAIN_GROUP, Optional.empty(), cached.pageSize());
            assertThat(a.source()).isInstanceOf(Source.DynamoDbAfterCacheError.class);
            assertThat(a.page().items()).hasSize(20);

            CacheStatistics.Snapshot stats = statistics.snapshot();
            assertThat(stats.errors()).isGreaterThanOrEqualTo(2); // at least the two reads' failures
            assertThat(stats.hits()).isZero();
            assertThat(stats.sourceSamples()).isEqualTo(2);

            CachedSend send = cached.send(dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BAYKO, "the cache is down, the message is not"));
            assertThat(send.result()).isInstanceOf(SendResult.Sent.class);
            assertThat(send.invalidation().complete()).isFalse();
            assertThat(send.invalidation().failures()).hasSize(3).allMatch(f -> f.contains(message));
            assertThat(cached.messages(DemoFixture.MAIN_GROUP, Optional.empty(), 20).page().items())
                    .extracting(Message::text).contains("the cache is down, the message is not");
        }
    }
}
