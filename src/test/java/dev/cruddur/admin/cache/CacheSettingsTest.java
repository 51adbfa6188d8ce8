package dev.cruddur.admin.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheSettingsTest {

    @Test
    void withNoKeyTheEmbeddedCacheIsTheDefault() throws Exception {
        CacheSettings settings = CacheSettings.fromEnvironment(Map.of());
        assertThat(settings.connection()).isEqualTo(new CacheConnection.Embedded());
        assertThat(settings.cacheName()).isEqualTo("cruddur");
        assertThat(settings.defaultTtl()).isEqualTo(Duration.ofSeconds(600));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void cruddursAuthTokenVariableIsAcceptedAndTheApiKeyVariableWins() throws Exception {
        CacheSettings seed = CacheSettings.fromEnvironment(Map.of("MOMENTO_AUTH_TOKEN", "token-from-cruddur-seed-0000"));
        assertThat(seed.connection()).isEqualTo(new CacheConnection.Momento(ApiKey.of("token-from-cruddur-seed-0000")));
        CacheSettings both = CacheSettings.fromEnvironment(Map.of(
                "MOMENTO_AUTH_TOKEN", "token-from-cruddur-seed-0000", "MOMENTO_API_KEY", "api-key-wins-000000000000"));
        assertThat(both.connection()).isEqualTo(new CacheConnection.Momento(ApiKey.of("api-key-wins-000000000000")));
    }

    @Test
    void cacheNameTtlAndLocalEndpointComeFromTheEnvironment() throws Exception {
        CacheSettings settings = CacheSettings.fromEnvironment(Map.of(
                "MOMENTO_CACHE_NAME", "cruddur-dev", "MOMENTO_TTL_SECONDS", "30",
                "MOMENTO_LOCAL_ENDPOINT", "localhost:8080"));
        assertThat(settings.cacheName()).isEqualTo("cruddur-dev");
        assertThat(settings.defaultTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.connection()).isEqualTo(new CacheConnection.Local("localhost", 8080));
    }

    @Test
    void unusableTtlIsRefusedPlainly() {
        assertThatThrownBy(() -> CacheSettings.fromEnvironment(Map.of("MOMENTO_TTL_SECONDS", "ten")))
                .isInstanceOf(CacheSettingsException.class)
                .hasMessage("MOMENTO_TTL_SECONDS must be a whole number of seconds, not 'ten'");
        assertThatThrownBy(() -> CacheSettings.fromEnvironment(Map.of("MOMENTO_TTL_SECONDS", "90000")))
                .isInstanceOf(CacheSettingsException.class)
                .hasMessage("MOMENTO_TTL_SECONDS must be between 1 and 86400 (24 h), not 90000");
    }

    @Test
    void unusableLocalEndpointIsRefusedPlainly() {
        assertThatThrownBy(() -> CacheSettings.fromEnvironment(Map.of("MOMENTO_LOCAL_ENDPOINT", "localhost")))
                .isInstanceOf(CacheSettingsException.class).hasMessageContaining("host:port");
        assertThatThrownBy(() -> CacheSettings.fromEnvironment(Map.of("MOMENTO_LOCAL_ENDPOINT", "localhost:99999")))
                .isInstanceOf(CacheSettingsException.class).hasMessageContaining("1 to 65535");
    }
}
