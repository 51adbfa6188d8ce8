package dev.cruddur.admin.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.cache.CacheChoice;
import dev.cruddur.admin.cache.CacheConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The cache the owner of the embedded data publishes, and which cache a command then keeps honest. */
@Timeout(60)
class PublishedCacheTest {
    @TempDir
    Path dir;

    @Test
    void theRecordKeepsHostPortAndATokenOnlyWhenThereIsOneReadableByItsOwnerOnly() throws Exception {
        new PublishedCache("127.0.0.1", 41234, Optional.empty()).publishIn(dir);
        assertThat(Files.readString(dir.resolve(PublishedCache.FILE))).contains("host=127.0.0.1", "port=41234").doesNotContain("token");
        assertThat(PublishedCache.readFrom(dir)).contains(new PublishedCache("127.0.0.1", 41234, Optional.empty()));

        new PublishedCache("127.0.0.1", 41235, Optional.of("s3cr3t-token")).publishIn(dir);
        assertThat(PublishedCache.readFrom(dir)).contains(new PublishedCache("127.0.0.1", 41235, Optional.of("s3cr3t-token")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(PublishedCache.FILE)))).isEqualTo("rw-------");

        Files.writeString(dir.resolve(PublishedCache.FILE), "port=nope\n");
        assertThat(PublishedCache.readFrom(dir)).isEmpty();
    }

    @Test
    void theOwnerPublishesItsCacheWhileItRunsAndARecordLeftByARunThatEndedIsIgnored() throws Exception {
        Path data = dir.resolve("data");
        PublishedCache published;
        try (EmbeddedServices services = EmbeddedServices.persistent(data, 0, 0)) {
            published = services.publishedCache();
            assertThat(published.port()).isEqualTo(services.cachePort());
            assertThat(EmbeddedServices.cacheRunningIn(data)).contains(published);
            // asking twice in the owning JVM must not release its lock
            assertThat(EmbeddedServices.cacheRunningIn(data)).contains(published);
            assertThat(EmbeddedServices.runningIn(data)).contains(services.dynamoEndpoint());
        }
        assertThat(PublishedCache.readFrom(data)).as("withdrawn at close").isEmpty();
        published.publishIn(data); // as a run that crashed would leave it
        assertThat(EmbeddedServices.cacheRunningIn(data)).isEmpty();
    }

    @Test
    void aCommandUsesTheCacheTheEnvironmentNamesElseTheOwnersWithItsTokenElseNone() throws Exception {
        PublishedCache owner = new PublishedCache("127.0.0.1", 41236, Optional.of("owner-token"));
        CacheChoice local = CacheChoice.of(Map.of("MOMENTO_LOCAL_ENDPOINT", "127.0.0.1:9999"), Optional.of(owner));
        assertThat(((CacheChoice.Use) local).settings().connection()).isEqualTo(new CacheConnection.Local("127.0.0.1", 9999));

        CacheChoice owners = CacheChoice.of(Map.of("MOMENTO_CACHE_NAME", "mine"), Optional.of(owner));
        CacheChoice.Use use = (CacheChoice.Use) owners;
        CacheConnection.Local connection = (CacheConnection.Local) use.settings().connection();
        assertThat(connection.port()).isEqualTo(41236);
        assertThat(connection.key()).contains(dev.cruddur.admin.cache.ApiKey.of("owner-token"));
        assertThat(use.settings().cacheName()).isEqualTo("mine");

        assertThat(CacheChoice.of(Map.of(), Optional.empty())).isInstanceOf(CacheChoice.None.class);
    }
}
