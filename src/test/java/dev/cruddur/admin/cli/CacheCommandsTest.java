package dev.cruddur.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every {@code cache} subcommand through the real SDK against an embedded cache server, picked with --local. */
class CacheCommandsTest {
    private static final String SECRET = "cruddur-cli-secret-0123456789abcdefghijkl";
    private static EmbeddedCacheServer server;
    private static int caches;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void start() {
        server = EmbeddedCacheServer.start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CruddurCommand.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code cache SUB args... --local host:port} with the given cache name. */
    static Run cache(String cacheName, String... args) {
        List<String> all = new ArrayList<>(List.of("cache"));
        all.addAll(List.of(args));
        all.addAll(List.of("--local", "127.0.0.1:" + server.port()));
        return run(Map.of("MOMENTO_CACHE_NAME", cacheName), all.toArray(String[]::new));
    }

    static String freshCache() {
        String name = "cli-" + (++caches);
        assertThat(cache(name, "create-cache", name).code()).isZero();
        return name;
    }

    @Test
    void createListAndDeleteCaches() {
        Run created = cache("x", "create-cache", "cli-made");
        assertThat(created.code()).isZero();
        assertThat(created.out().strip()).isEqualTo("Created cache 'cli-made'.");
        assertThat(cache("x", "create-cache", "cli-made").out().strip()).isEqualTo("Cache 'cli-made' already exists.");
        assertThat(cache("x", "list-caches").out().lines()).contains("cli-made");

        Run mismatch = cache("x", "delete-cache", "cli-made", "--confirm", "cli-mad");
        assertThat(mismatch.code()).isEqualTo(2);
        assertThat(mismatch.err().strip()).isEqualTo("To delete cache 'cli-made', repeat its name: --confirm cli-made");
        assertThat(cache("x", "list-caches").out().lines()).contains("cli-made");

        Run deleted = cache("x", "delete-cache", "cli-made", "--confirm", "cli-made");
        assertThat(deleted.code()).isZero();
        assertThat(cache("x", "list-caches").out().lines()).doesNotContain("cli-made");
        Run again = cache("x", "delete-cache", "cli-made", "--confirm", "cli-made");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err().lines()).hasSize(1);
    }

    @Test
    void setGetTtlDeleteAndGetAgain() {
        String name = freshCache();
        Run set = cache(name, "set", "groups/abc", "{\"format\":1}", "--ttl", "120");
        assertThat(set.code()).isZero();
        assertThat(set.out().strip()).isEqualTo("Set 'groups/abc' (12 bytes, TTL 120 s).");
        Run got = cache(name, "get", "groups/abc");
        assertThat(got.code()).isZero();
        assertThat(got.out().strip()).isEqualTo("{\"format\":1}");
        Run ttl = cache(name, "ttl", "groups/abc");
        assertThat(ttl.code()).isZero();
        assertThat(Double.parseDouble(ttl.out().strip())).isBetween(100.0, 120.0);

        assertThat(cache(name, "delete", "groups/abc").code()).isZero();
        Run miss = cache(name, "get", "groups/abc");
        assertThat(miss.code()).isEqualTo(1);
        assertThat(miss.out()).isEmpty();
        assertThat(miss.err().strip()).isEqualTo("No item at 'groups/abc' in cache '" + name + "'.");
        assertThat(cache(name, "ttl", "groups/abc").code()).isEqualTo(1);
    }

    @Test
    void theCacheOptionOverridesTheEnvironment() {
        String name = freshCache();
        assertThat(cache("elsewhere", "set", "k", "v", "--cache", name).code()).isZero();
        assertThat(cache(name, "get", "k").out().strip()).isEqualTo("v");
        Run missing = cache("no-such-cache", "get", "k");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).endsWith("(create it with: cruddur-admin cache create-cache no-such-cache)");
    }

    @Test
    void incrCountsLikeCruddursCounter() {
        String name = freshCache();
        assertThat(cache(name, "incr", "msgs/andrewbrown").out().strip()).isEqualTo("1");
        assertThat(cache(name, "incr", "msgs/andrewbrown", "--by", "5").out().strip()).isEqualTo("6");
        assertThat(cache(name, "incr", "msgs/andrewbrown", "--by", "-2").out().strip()).isEqualTo("4");
        assertThat(cache(name, "get", "msgs/andrewbrown").out().strip()).isEqualTo("4");
    }

    @Test
    void flushNeedsTheNameTypedAndEmptiesTheCache() {
        String name = freshCache();
        cache(name, "set", "a", "1");
        cache(name, "set", "b", "2");
        assertThat(cache(name, "flush", name, "--confirm", "other").code()).isEqualTo(2);
        assertThat(cache(name, "get", "a").code()).isZero();
        Run flushed = cache(name, "flush", name, "--confirm", name);
        assertThat(flushed.code()).isZero();
        assertThat(cache(name, "get", "a").code()).isEqualTo(1);
        assertThat(cache(name, "get", "b").code()).isEqualTo(1);
    }

    @Test
    void anEmptyKeyIsAKeyAsOnTheService() {
        String name = freshCache();
        assertThat(cache(name, "get", "").code()).isEqualTo(1); // a miss, not bad input
        assertThat(cache(name, "set", "", "empty-keyed").code()).isZero();
        Run got = cache(name, "get", "");
        assertThat(got.code()).isZero();
        assertThat(got.out()).contains("empty-keyed");
        assertThat(cache(name, "delete", "").code()).isZero();
        assertThat(cache(name, "get", "").code()).isEqualTo(1);
    }

    @Test
    void badInputIsExitTwo() {
        String name = freshCache();
        assertThat(cache(name, "set", "k", "v", "--ttl", "0").code()).isEqualTo(2);
        assertThat(cache(name, "set", "k", "v", "--ttl", "86401").code()).isEqualTo(2);
        assertThat(cache(name, "incr", "k", "--by", "many").code()).isEqualTo(2);
        assertThat(run(Map.of(), "cache", "get", "k", "--local", "nowhere").code()).isEqualTo(2);
        assertThat(run(Map.of(), "cache", "get", "k", "--local", "127.0.0.1:99999").code()).isEqualTo(2);
        assertThat(run(Map.of("MOMENTO_TTL_SECONDS", "soon"), "cache", "list-caches").code()).isEqualTo(2);
        assertThat(run(Map.of(), "cache").code()).isEqualTo(2);
    }

    @Test
    void aFailureIsOneLineAndTheKeyIsNeverPrinted() throws Exception {
        try (EmbeddedCacheServer guarded = EmbeddedCacheServer.startWithToken(0, SECRET)) {
            Map<String, String> wrongKey = Map.of("MOMENTO_API_KEY", "not-the-" + SECRET);
            Run refused = run(wrongKey, "cache", "list-caches", "--local", "127.0.0.1:" + guarded.port());
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err().lines()).hasSize(1);
            assertThat(refused.out() + refused.err()).doesNotContain(SECRET);

            Map<String, String> rightKey = Map.of("MOMENTO_API_KEY", SECRET);
            Run listed = run(rightKey, "cache", "create-cache", "guarded", "--local", "127.0.0.1:" + guarded.port());
            assertThat(listed.code()).isZero();
            assertThat(listed.out() + listed.err()).doesNotContain(SECRET);
        }
    }

    @Test
    void withNothingConfiguredTheEmbeddedCacheIsUsedAndSaysItForgets() {
        Run r = run(Map.of(), "cache", "list-caches");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).containsExactly("cruddur");
        assertThat(r.err()).contains("embedded cache that ends with this command");
    }
}
