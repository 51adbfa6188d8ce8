package dev.cruddur.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.cache.ApiKey;
import dev.cruddur.admin.cache.CacheConnection;
import dev.cruddur.admin.cache.CacheFailure;
import dev.cruddur.admin.cache.CacheOutcome;
import dev.cruddur.admin.cache.CacheRead;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.TableSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The embedded services' cache: its token per data directory, its open mode, its memory bound beside the DynamoDB endpoint. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EmbeddedServicesCacheTest {

    private static CacheStore client(EmbeddedServices services, Optional<String> token) throws Exception {
        Optional<ApiKey> key = token.isPresent() ? Optional.of(ApiKey.of(token.get())) : Optional.empty();
        return CacheStore.open(CacheSettings.embedded().withConnection(
                new CacheConnection.Local("127.0.0.1", services.cachePort(), key)));
    }

    @Test
    void aDataDirectoryKeepsOneOwnerOnlyTokenThatTheCacheRequires() throws Exception {
        Path dir = Files.createTempDirectory("services-token");
        String first;
        try (EmbeddedServices services = EmbeddedServices.persistent(dir, 0, 0)) {
            first = services.cacheToken().orElseThrow();
            Path file = dir.resolve(EmbeddedServices.CACHE_TOKEN_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(EmbeddedServices.cacheTokenIn(dir)).contains(first);
            try (CacheStore right = client(services, Optional.of(first))) {
                assertThat(right.ensureCache()).isInstanceOf(CacheOutcome.Ok.class);
                assertThat(right.set("k", "v").ok()).isTrue();
            }
            try (CacheStore none = client(services, Optional.empty())) {
                CacheOutcome<?> refused = none.listCaches();
                assertThat(((CacheOutcome.Failed<?>) refused).failure().kind()).isEqualTo(CacheFailure.Kind.AUTHENTICATION);
            }
        }
        // the next run of the same directory serves the same token: a client's saved copy stays good
        try (EmbeddedServices again = EmbeddedServices.persistent(dir, 0, 0)) {
            assertThat(again.cacheToken()).contains(first);
        }
        Path other = Files.createTempDirectory("services-token-other");
        try (EmbeddedServices elsewhere = EmbeddedServices.persistent(other, 0, 0)) {
            assertThat(elsewhere.cacheToken()).isPresent().isNotEqualTo(Optional.of(first));
        }
    }

    @Test
    void theOpenModeServesAnyoneOnLoopbackAndKeepsNoToken() throws Exception {
        Path dir = Files.createTempDirectory("services-open");
        try (EmbeddedServices services = EmbeddedServices.persistent(dir, 0, 0, EmbeddedServices.CacheAccess.open(), dev.cruddur.admin.engine.EngineConfig.DEFAULT_DURABILITY);
             CacheStore anyone = client(services, Optional.empty())) {
            assertThat(services.cacheToken()).isEmpty();
            assertThat(Files.exists(dir.resolve(EmbeddedServices.CACHE_TOKEN_FILE))).isFalse();
            assertThat(anyone.ensureCache()).isInstanceOf(CacheOutcome.Ok.class);
        }
    }

    /**
     * 40 items of 100 KB through a 1 MB bound: the least recently used go, the one read just
     * before the flood stays, and the DynamoDB endpoint in the same process answers throughout.
     */
    @Test
    void pastItsBoundTheCacheEvictsTheLeastRecentlyUsedAndTheEndpointStillAnswers() throws Exception {
        long bound = 1024 * 1024;
        try (EmbeddedServices services = EmbeddedServices.inMemory(0, 0, EmbeddedServices.CacheAccess.withToken().withMaxValueBytes(bound));
             CacheStore cache = client(services, services.cacheToken())) {
            cache.ensureCache();
            byte[] value = new byte[100 * 1024];
            Duration ttl = Duration.ofMinutes(10);
            assertThat(cache.set("first", value, ttl).ok()).isTrue();
            assertThat(cache.set("kept", value, ttl).ok()).isTrue();
            for (int i = 0; i < 40; i++) {
                assertThat(cache.getBytes("kept")).isInstanceOf(CacheRead.Hit.class); // used again and again
                assertThat(cache.set("flood-" + i, value, ttl).ok()).as("set %d", i).isTrue();
            }
            assertThat(services.cacheHeldBytes()).isLessThanOrEqualTo(bound);
            assertThat(services.cacheEvictions()).isGreaterThanOrEqualTo(30);
            assertThat(cache.getBytes("first")).isInstanceOf(CacheRead.Miss.class);
            assertThat(cache.getBytes("kept")).isInstanceOf(CacheRead.Hit.class);
            assertThat(cache.getBytes("flood-39")).isInstanceOf(CacheRead.Hit.class);

            services.seedDemoOnFirstStart(TableKeys.DEFAULT_TABLE);
            try (DynamoConnection dynamo = DynamoConnection.open(DynamoTarget.endpoint(services.dynamoEndpoint(), TableKeys.DEFAULT_TABLE))) {
                assertThat(new TableSchema(dynamo).describe().exists()).isTrue();
            }
        }
    }
}
