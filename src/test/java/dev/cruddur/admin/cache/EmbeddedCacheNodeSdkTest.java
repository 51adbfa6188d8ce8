package dev.cruddur.admin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.cacheengine.CacheEngineConfig;
import dev.cruddur.admin.cacheengine.CacheToken;
import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A second client: Momento's Node.js SDK ({@code @gomomento/sdk}, installed by the build's
 * {@code npm ci} under {@code src/test/node}) runs {@code momento-sdk-check.js} against the
 * embedded cache. It is given the token as a Momento API key with the endpoints overridden to
 * loopback, so it sends the key's {@code api_key} part, as it would to the service.
 */
class EmbeddedCacheNodeSdkTest {

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void theNodeSdkSetsGetsUsesCollectionsAndIsRefusedWithAWrongKey() throws Exception {
        Path home = Path.of(System.getProperty("dynalite.dir", "src/test/node"));
        Path script = home.resolve("momento-sdk-check.js");
        assertThat(home.resolve("node_modules/@gomomento/sdk")).as("run 'npm ci' in " + home).exists();
        String token = CacheToken.generate();
        try (EmbeddedCacheServer server = EmbeddedCacheServer.start(CacheEngineConfig.onPort(0).withToken(token).withCaches("cruddur"))) {
            ProcessBuilder builder = new ProcessBuilder(List.of("node", script.getFileName().toString()))
                    .directory(home.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("CACHE_ENDPOINT", server.host() + ":" + server.port());
            builder.environment().put("CACHE_NAME", "cruddur");
            builder.environment().put("MOMENTO_API_KEY", token);
            builder.environment().put("WRONG_API_KEY", CacheToken.generate());
            Process node = builder.start();
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(node.exitValue()).as(out).isZero();
            JsonNode seen = new ObjectMapper().readTree(out);
            assertThat(seen.get("set").asText()).isEqualTo("ok");
            assertThat(seen.get("get").asText()).isEqualTo("from node");
            assertThat(seen.get("dictionarySetFields").asText()).isEqualTo("ok");
            assertThat(seen.get("dictionaryFetch").get("handle").asText()).isEqualTo("andrewbrown");
            assertThat(seen.get("listConcatenateBack").asInt()).isEqualTo(3);
            assertThat(seen.get("listFetch").toString()).isEqualTo("[\"b\",\"c\"]");
            assertThat(seen.get("sortedSetFetchByRank").toString()).isEqualTo("[\"brown:1\",\"bayko:3\"]");
            assertThat(seen.get("wrongKeyGet").get("error").asText()).isEqualTo("AUTHENTICATION_ERROR");
        }
        assertThat(Files.isRegularFile(script)).isTrue();
    }
}
