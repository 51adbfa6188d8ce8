package dev.cruddur.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.EmbeddedServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The collection verbs and {@code type}, and the options before or after the verb, through the
 * real SDK against the embedded services' cache, which serves only its data directory's token:
 * the command line finds it there (XDG_DATA_HOME) when pointed at it with --local.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CacheCollectionCommandsTest {
    private static Path xdg;
    private static EmbeddedServices services;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void start() throws Exception {
        xdg = Files.createTempDirectory("cli-collections");
        services = EmbeddedServices.persistent(xdg.resolve("cruddur-admin"), 0, 0);
        assertThat(cache("create-cache", "cruddur").code()).isZero();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CruddurCommand.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code cache --local H:P VERB args…}: the option before the verb. */
    static Run cache(String... verbAndArgs) {
        List<String> all = new ArrayList<>(List.of("cache", "--local", "127.0.0.1:" + services.cachePort()));
        all.addAll(List.of(verbAndArgs));
        return run(Map.of("XDG_DATA_HOME", xdg.toString()), all.toArray(String[]::new));
    }

    @Test
    void optionsAreAcceptedBeforeAndAfterTheVerb() {
        assertThat(cache("set", "k-options", "v").code()).isZero();
        Run before = run(Map.of("XDG_DATA_HOME", xdg.toString()),
                "cache", "--local", "127.0.0.1:" + services.cachePort(), "--cache", "cruddur", "ttl", "k-options");
        assertThat(before.code()).as(before.err()).isZero();
        Run after = run(Map.of("XDG_DATA_HOME", xdg.toString()),
                "cache", "ttl", "k-options", "--local", "127.0.0.1:" + services.cachePort(), "--cache", "cruddur");
        assertThat(after.code()).as(after.err()).isZero();
        Run mixed = run(Map.of("XDG_DATA_HOME", xdg.toString()),
                "cache", "--cache", "cruddur", "get", "k-options", "--local", "127.0.0.1:" + services.cachePort());
        assertThat(mixed.out().strip()).isEqualTo("v");
    }

    @Test
    void withoutTheDataDirectorysTokenTheCacheRefuses() throws Exception {
        Path elsewhere = Files.createTempDirectory("cli-no-token");
        Run refused = run(Map.of("XDG_DATA_HOME", elsewhere.toString()),
                "cache", "--local", "127.0.0.1:" + services.cachePort(), "get", "k");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).containsIgnoringCase("key");
    }

    @Test
    void dictionaryVerbs() {
        assertThat(cache("dictionary-set", "d", "handle", "andrewbrown").code()).isZero();
        assertThat(cache("dictionary-set", "d", "count", "41").code()).isZero();
        assertThat(cache("dictionary-incr", "d", "count").out().strip()).isEqualTo("42");
        assertThat(cache("dictionary-get", "d", "handle").out().strip()).isEqualTo("andrewbrown");
        assertThat(cache("dictionary-get", "d", "absent").code()).isEqualTo(1);
        assertThat(cache("dictionary-fetch", "d").out().lines()).containsExactly("count\t42", "handle\tandrewbrown");
        assertThat(cache("type", "d").out().strip()).isEqualTo("dictionary");
        assertThat(cache("dictionary-remove", "d", "count").code()).isZero();
        assertThat(cache("dictionary-fetch", "d").out().lines()).containsExactly("handle\tandrewbrown");
    }

    @Test
    void listVerbs() {
        assertThat(cache("list-push", "l", "b").out().strip()).isEqualTo("1");
        assertThat(cache("list-push", "l", "a", "--front").out().strip()).isEqualTo("2");
        assertThat(cache("list-push", "l", "c").out().strip()).isEqualTo("3");
        assertThat(cache("list-fetch", "l").out().lines()).containsExactly("a", "b", "c");
        assertThat(cache("list-pop", "l").out().strip()).isEqualTo("c");
        assertThat(cache("list-remove", "l", "a").code()).isZero();
        assertThat(cache("list-length", "l").out().strip()).isEqualTo("1");
        assertThat(cache("type", "l").out().strip()).isEqualTo("list");
        assertThat(cache("list-pop", "l", "--front").out().strip()).isEqualTo("b");
        Run gone = cache("list-fetch", "l");
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err().strip()).isEqualTo("No list at 'l' in cache 'cruddur'.");
    }

    @Test
    void setAndSortedSetVerbs() {
        assertThat(cache("set-add", "s", "x").code()).isZero();
        assertThat(cache("set-add", "s", "y").code()).isZero();
        assertThat(cache("set-remove", "s", "x").code()).isZero();
        assertThat(cache("set-fetch", "s").out().lines()).containsExactly("y");
        assertThat(cache("type", "s").out().strip()).isEqualTo("set");

        assertThat(cache("sorted-set-put", "z", "bayko", "3").code()).isZero();
        assertThat(cache("sorted-set-put", "z", "brown", "1.5").code()).isZero();
        assertThat(cache("sorted-set-incr", "z", "brown", "--by", "2").out().strip()).isEqualTo("3.5");
        assertThat(cache("sorted-set-fetch", "z").out().lines()).containsExactly("0\tbayko\t3", "1\tbrown\t3.5");
        assertThat(cache("sorted-set-rank", "z", "brown", "--descending").out().strip()).isEqualTo("0");
        assertThat(cache("sorted-set-remove", "z", "bayko").code()).isZero();
        assertThat(cache("sorted-set-rank", "z", "bayko").code()).isEqualTo(1);
        assertThat(cache("type", "z").out().strip()).isEqualTo("sorted-set");
        assertThat(cache("type", "nothing-here").out().strip()).isEqualTo("missing");
    }
}
