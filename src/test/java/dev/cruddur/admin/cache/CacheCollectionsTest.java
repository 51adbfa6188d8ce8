package dev.cruddur.admin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.cacheengine.CacheEngineConfig;
import dev.cruddur.admin.cacheengine.CacheToken;
import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@link CacheStore#collections()} and {@link CacheStore#itemType} through the real SDK against
 * the embedded server; and the server's token: presented it is served, wrong or missing it is
 * refused with the service's authentication error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CacheCollectionsTest {
    private CacheStore store;

    @BeforeAll
    void open() throws Exception {
        store = CacheStore.open(CacheSettings.embedded());
    }

    @AfterAll
    void close() {
        store.close();
    }

    private static <T> T ok(CacheOutcome<T> outcome) {
        assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(CacheOutcome.Ok.class);
        return ((CacheOutcome.Ok<T>) outcome).value();
    }

    private static String key(String prefix) {
        return prefix + "/" + UUID.randomUUID();
    }

    @Test
    void theEmbeddedCacheOfAStoreIsNeverOpen() {
        assertThat(store.apiKey()).isPresent();
        assertThat(CacheToken.apiKeyOf(store.apiKey().get().plainTextForCopy())).isPresent();
        assertThat(store.apiKey().get().masked()).doesNotContain(store.apiKey().get().plainTextForCopy());
    }

    @Test
    void eachTypeIsNamedAndReadAsRows() {
        var collections = store.collections();
        String dictionary = key("dictionary");
        ok(collections.dictionarySetField(dictionary, "b", "2"));
        ok(collections.dictionarySetField(dictionary, "a", "1"));
        assertThat(ok(collections.dictionaryIncrement(dictionary, "a", 41))).isEqualTo(42L);
        String list = key("list");
        ok(collections.listPush(list, "second", false));
        assertThat(ok(collections.listPush(list, "first", true))).isEqualTo(2);
        String set = key("set");
        ok(collections.setAddElement(set, "x"));
        String sorted = key("sorted");
        ok(collections.sortedSetPut(sorted, "low", 1));
        ok(collections.sortedSetPut(sorted, "high", 9));
        String scalar = key("scalar");
        ok(store.set(scalar, "v"));

        assertThat(ok(store.itemType(dictionary))).isEqualTo(ItemType.DICTIONARY);
        assertThat(ok(store.itemType(list))).isEqualTo(ItemType.LIST);
        assertThat(ok(store.itemType(set))).isEqualTo(ItemType.SET);
        assertThat(ok(store.itemType(sorted))).isEqualTo(ItemType.SORTED_SET);
        assertThat(ok(store.itemType(scalar))).isEqualTo(ItemType.SCALAR);
        assertThat(ok(store.itemType(key("absent")))).isEqualTo(ItemType.MISSING);

        assertThat(ok(collections.fetch(dictionary, ItemType.DICTIONARY)).orElseThrow().rows()).containsExactly(
                new CollectionContents.Row(0, "a", "42", OptionalDouble.empty()),
                new CollectionContents.Row(1, "b", "2", OptionalDouble.empty()));
        assertThat(ok(collections.fetch(list, ItemType.LIST)).orElseThrow().rows())
                .extracting(CollectionContents.Row::value).containsExactly("first", "second");
        assertThat(ok(collections.fetch(sorted, ItemType.SORTED_SET)).orElseThrow().rows()).containsExactly(
                new CollectionContents.Row(0, "", "low", OptionalDouble.of(1)),
                new CollectionContents.Row(1, "", "high", OptionalDouble.of(9)));
        assertThat(ok(collections.sortedSetRank(sorted, "high", true))).contains(0L);
        assertThat(ok(collections.fetch(key("absent"), ItemType.SET))).isEmpty();
    }

    @Test
    void editsRemoveWhatTheyNameAndAnEmptiedCollectionIsGone() {
        var collections = store.collections();
        String list = key("list");
        ok(collections.listPush(list, "a", false));
        ok(collections.listPush(list, "b", false));
        ok(collections.listPush(list, "a", false));
        ok(collections.listRemoveValue(list, "a"));
        assertThat(ok(collections.listLength(list))).contains(1);
        assertThat(ok(collections.listPop(list, true))).contains("b");
        assertThat(ok(collections.listLength(list))).isEmpty();
        assertThat(ok(store.itemType(list))).isEqualTo(ItemType.MISSING);

        String set = key("set");
        ok(collections.setAddElement(set, "x"));
        ok(collections.setRemoveElement(set, "x"));
        assertThat(ok(collections.fetch(set, ItemType.SET))).isEmpty();

        String sorted = key("sorted");
        assertThat(ok(collections.sortedSetIncrement(sorted, "e", 2.5))).isEqualTo(2.5);
        ok(collections.sortedSetRemove(sorted, "e"));
        assertThat(ok(collections.sortedSetRank(sorted, "e", false))).isEmpty();

        String dictionary = key("dictionary");
        ok(collections.dictionarySetField(dictionary, "f", "v"));
        ok(collections.dictionaryRemoveField(dictionary, "f"));
        assertThat(ok(collections.fetch(dictionary, ItemType.DICTIONARY))).isEmpty();
    }

    @Test
    void aCollectionCallOnAScalarIsABadRequest() {
        String scalar = key("scalar");
        ok(store.set(scalar, "v"));
        var failed = store.collections().listPush(scalar, "x", false);
        assertThat(failed).isInstanceOf(CacheOutcome.Failed.class);
        assertThat(((CacheOutcome.Failed<?>) failed).failure().kind()).isEqualTo(CacheFailure.Kind.BAD_REQUEST);
    }

    @Test
    void theTokenIsRequiredAndAWrongOneGetsTheServicesAuthenticationError() throws Exception {
        String token = CacheToken.generate();
        try (EmbeddedCacheServer server = EmbeddedCacheServer.start(CacheEngineConfig.onPort(0).withToken(token).withCaches("cruddur"))) {
            CacheSettings base = CacheSettings.embedded();
            try (CacheStore right = CacheStore.open(base.withConnection(
                    new CacheConnection.Local(server.host(), server.port(), Optional.of(ApiKey.of(token)))))) {
                ok(right.set("k", "v"));
                assertThat(ok(right.collections().listPush("l", "v", false))).isEqualTo(1);
            }
            for (Optional<ApiKey> wrong : List.of(Optional.<ApiKey>empty(), Optional.of(ApiKey.of(CacheToken.generate())))) {
                try (CacheStore refused = CacheStore.open(base.withConnection(
                        new CacheConnection.Local(server.host(), server.port(), wrong)))) {
                    var read = refused.getText("k");
                    assertThat(read).isInstanceOf(CacheRead.Failed.class);
                    assertThat(((CacheRead.Failed<String>) read).failure().kind()).isEqualTo(CacheFailure.Kind.AUTHENTICATION);
                    var listed = refused.listCaches();
                    assertThat(((CacheOutcome.Failed<?>) listed).failure().kind()).isEqualTo(CacheFailure.Kind.AUTHENTICATION);
                    // the collections too: one door checks every call
                    var fetched = refused.collections().fetch("l", ItemType.LIST);
                    assertThat(((CacheOutcome.Failed<?>) fetched).failure().kind()).isEqualTo(CacheFailure.Kind.AUTHENTICATION);
                }
            }
        }
    }
}
