package dev.cruddur.admin.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyTest {
    // shaped like a Momento v1 key: long base64, no meaning
    private static final String LONG_KEY = "eyJhcGlfa2V5IjoiZmFrZS1rZXktZm9yLXRlc3RzLW9ubHkiLCJlbmRwb2ludCI6ImNhY2hlLmV4YW1wbGUuY29tIn0x9Q";

    @TempDir
    Path dir;

    @Test
    void longKeyIsMaskedToItsEndsAndLength() throws Exception {
        ApiKey key = ApiKey.of(LONG_KEY);
        assertThat(key.masked()).isEqualTo("eyJh…(" + LONG_KEY.length() + " chars)…x9Q");
    }

    @Test
    void shortKeysRevealLittleOrNothing() throws Exception {
        assertThat(ApiKey.of("abcdefgh12345").masked()).isEqualTo("••••2345");
        assertThat(ApiKey.of("tiny-key").masked()).isEqualTo("••••");
    }

    @Test
    void keyNeverAppearsInToStringOfAnythingHoldingIt() throws Exception {
        ApiKey key = ApiKey.of(LONG_KEY);
        assertThat(key.toString()).doesNotContain(LONG_KEY).contains(key.masked());
        CacheConnection momento = new CacheConnection.Momento(key);
        assertThat(momento.toString()).doesNotContain(LONG_KEY);
        assertThat(momento.describe()).doesNotContain(LONG_KEY);
        CacheConnection local = new CacheConnection.Local("127.0.0.1", 8080, Optional.of(key));
        assertThat(local.toString()).doesNotContain(LONG_KEY);
        CacheSettings settings = CacheSettings.embedded().withConnection(momento);
        assertThat(settings.toString()).doesNotContain(LONG_KEY);
    }

    @Test
    void keyIsStrippedOfSurroundingWhitespaceAndMustNotBeEmpty() throws Exception {
        assertThat(ApiKey.of("  " + LONG_KEY + "\n")).isEqualTo(ApiKey.of(LONG_KEY));
        assertThatThrownBy(() -> ApiKey.of("  \n")).isInstanceOf(CacheSettingsException.class)
                .hasMessage("The Momento API key is empty");
    }

    @Test
    void keyFileReadableByOthersIsRefusedWithTheFix() throws Exception {
        Path file = dir.resolve("momento.key");
        Files.writeString(file, LONG_KEY + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ApiKey.fromFile(file))
                .isInstanceOf(CacheSettingsException.class)
                .hasMessage("The key file " + file + " can be read by other users (permissions rw-r--r--);"
                        + " make it private with: chmod 600 " + file)
                .hasMessageNotContaining(LONG_KEY);
    }

    @Test
    void keyFileWritableByGroupIsRefused() throws Exception {
        Path file = dir.resolve("group.key");
        Files.writeString(file, LONG_KEY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw--w----"));
        assertThatThrownBy(() -> ApiKey.fromFile(file)).isInstanceOf(CacheSettingsException.class);
    }

    @Test
    void ownerOnlyKeyFileIsAccepted() throws Exception {
        Path file = dir.resolve("private.key");
        Files.writeString(file, LONG_KEY + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(ApiKey.fromFile(file)).isEqualTo(ApiKey.of(LONG_KEY));
    }

    @Test
    void missingKeyFileIsReportedPlainly() {
        Path file = dir.resolve("absent.key");
        assertThatThrownBy(() -> ApiKey.fromFile(file)).isInstanceOf(CacheSettingsException.class)
                .hasMessage("The key file " + file + " does not exist");
    }

    @Test
    void keyFileNamedInTheEnvironmentIsCheckedToo() throws Exception {
        Path file = dir.resolve("env.key");
        Files.writeString(file, LONG_KEY);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        assertThatThrownBy(() -> CacheSettings.fromEnvironment(Map.of("MOMENTO_API_KEY_FILE", file.toString())))
                .isInstanceOf(CacheSettingsException.class).hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        CacheSettings settings = CacheSettings.fromEnvironment(Map.of("MOMENTO_API_KEY_FILE", file.toString()));
        assertThat(settings.connection()).isEqualTo(new CacheConnection.Momento(ApiKey.of(LONG_KEY)));
    }

    @Test
    void malformedMomentoKeyIsRefusedWithoutQuotingIt() throws Exception {
        String notAKey = "this-is-not-a-momento-key-but-it-is-secret-anyway";
        CacheSettings settings = CacheSettings.embedded().withConnection(new CacheConnection.Momento(ApiKey.of(notAKey)));
        assertThatThrownBy(() -> CacheStore.open(settings))
                .isInstanceOf(CacheSettingsException.class)
                .hasMessageNotContaining(notAKey)
                .hasMessageContaining("is not in a form Momento issues");
    }
}
