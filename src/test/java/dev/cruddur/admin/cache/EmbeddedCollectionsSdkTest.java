package dev.cruddur.admin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.cacheengine.CacheEngineConfig;
import dev.cruddur.admin.cacheengine.CacheToken;
import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import momento.sdk.CacheClient;
import momento.sdk.config.Configurations;
import momento.sdk.exceptions.MomentoErrorCode;
import momento.sdk.exceptions.SdkException;
import momento.sdk.requests.CollectionTtl;
import momento.sdk.responses.SortOrder;
import momento.sdk.responses.cache.GetResponse;
import momento.sdk.responses.cache.SetBatchResponse;
import momento.sdk.responses.cache.SetResponse;
import momento.sdk.responses.cache.dictionary.DictionaryFetchResponse;
import momento.sdk.responses.cache.dictionary.DictionaryGetFieldResponse;
import momento.sdk.responses.cache.dictionary.DictionaryIncrementResponse;
import momento.sdk.responses.cache.list.ListConcatenateBackResponse;
import momento.sdk.responses.cache.list.ListFetchResponse;
import momento.sdk.responses.cache.list.ListLengthResponse;
import momento.sdk.responses.cache.list.ListPopBackResponse;
import momento.sdk.responses.cache.list.ListPopFrontResponse;
import momento.sdk.responses.cache.list.ListPushFrontResponse;
import momento.sdk.responses.cache.set.SetFetchResponse;
import momento.sdk.responses.cache.sortedset.ScoredElement;
import momento.sdk.responses.cache.sortedset.SortedSetFetchResponse;
import momento.sdk.responses.cache.sortedset.SortedSetGetRankResponse;
import momento.sdk.responses.cache.sortedset.SortedSetGetScoreResponse;
import momento.sdk.responses.cache.sortedset.SortedSetIncrementScoreResponse;
import momento.sdk.responses.cache.ttl.ItemGetTtlResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Momento's own Java SDK ({@code CacheClient}, the project's version) against the embedded
 * server, with a generated token: SetBatch and each collection call the SDK has, and the error
 * kinds it reports for them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedCollectionsSdkTest {
    private static final String CACHE = "cruddur";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private EmbeddedCacheServer server;
    private CacheClient client;

    @BeforeAll
    void start() throws Exception {
        String token = CacheToken.generate();
        server = EmbeddedCacheServer.start(CacheEngineConfig.onPort(0).withToken(token).withCaches(CACHE));
        client = CacheClient.builder(new LoopbackCredentials(server.host(), server.port(), ApiKey.of(token)),
                Configurations.Laptop.latest(), MINUTE).build();
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    private static <T> T await(CompletableFuture<T> call) throws Exception {
        return call.get(10, TimeUnit.SECONDS);
    }

    private static String key(String prefix) {
        return prefix + "/" + UUID.randomUUID();
    }

    private static MomentoErrorCode errorOf(Object response) {
        assertThat(response).isInstanceOf(SdkException.class);
        return ((SdkException) response).getErrorCode();
    }

    @Test
    void setBatchStoresEveryItem() throws Exception {
        Map<String, String> items = new LinkedHashMap<>();
        items.put(key("a"), "1");
        items.put(key("b"), "2");
        items.put("", "the empty key");
        SetBatchResponse response = await(client.setBatch(CACHE, items));
        assertThat(response).isInstanceOf(SetBatchResponse.Success.class);
        assertThat(((SetBatchResponse.Success) response).results().values()).allMatch(r -> r instanceof SetResponse.Success);
        for (var item : items.entrySet()) {
            assertThat(((GetResponse.Hit) await(client.get(CACHE, item.getKey()))).valueString()).isEqualTo(item.getValue());
        }
    }

    @Test
    void aSetBatchWithOneItemOverTheLimitStoresNothing() throws Exception {
        String small = key("small");
        Map<String, String> items = new LinkedHashMap<>();
        items.put(small, "fits");
        items.put(key("big"), "x".repeat(5_000_001));
        var response = await(client.setBatch(CACHE, items));
        assertThat(errorOf(response)).isEqualTo(MomentoErrorCode.LIMIT_EXCEEDED_ERROR);
        assertThat(await(client.get(CACHE, small))).isInstanceOf(GetResponse.Miss.class);
    }

    @Test
    void collectionTtlsHaveMomentosBounds() throws Exception {
        var tooLong = await(client.setAddElement(CACHE, key("ttl"), "a", CollectionTtl.of(Duration.ofHours(25))));
        // the server's INVALID_ARGUMENT, which the SDK reports as a bad request (its own checks are INVALID_ARGUMENT_ERROR)
        assertThat(errorOf(tooLong)).isEqualTo(MomentoErrorCode.BAD_REQUEST_ERROR);
        var longest = await(client.setAddElement(CACHE, key("ttl"), "a", CollectionTtl.of(Duration.ofHours(24))));
        assertThat(longest).isInstanceOf(momento.sdk.responses.cache.set.SetAddElementResponse.Success.class);
    }

    @Test
    void dictionaryFieldsAreSetReadIncrementedAndRemoved() throws Exception {
        String name = key("dictionary");
        assertThat(await(client.dictionaryFetch(CACHE, name))).isInstanceOf(DictionaryFetchResponse.Miss.class);
        await(client.dictionarySetFields(CACHE, name, Map.of("handle", "andrewbrown", "count", "41")));
        var field = await(client.dictionaryGetField(CACHE, name, "handle"));
        assertThat(((DictionaryGetFieldResponse.Hit) field).valueString()).isEqualTo("andrewbrown");
        assertThat(await(client.dictionaryGetField(CACHE, name, "absent"))).isInstanceOf(DictionaryGetFieldResponse.Miss.class);
        var incremented = await(client.dictionaryIncrement(CACHE, name, "count", 1));
        assertThat(((DictionaryIncrementResponse.Success) incremented).value()).isEqualTo(42);
        assertThat(errorOf(await(client.dictionaryIncrement(CACHE, name, "handle", 1))))
                .isEqualTo(MomentoErrorCode.BAD_REQUEST_ERROR);
        await(client.dictionaryRemoveFields(CACHE, name, List.of("count")));
        var fetched = (DictionaryFetchResponse.Hit) await(client.dictionaryFetch(CACHE, name));
        assertThat(fetched.valueMapStringString()).containsExactly(Map.entry("handle", "andrewbrown"));
        await(client.dictionaryRemoveFields(CACHE, name, List.of("handle")));
        assertThat(await(client.dictionaryFetch(CACHE, name))).isInstanceOf(DictionaryFetchResponse.Miss.class);
    }

    @Test
    void listIsConcatenatedPushedPoppedSlicedRetainedAndFiltered() throws Exception {
        String name = key("list");
        assertThat(await(client.listFetch(CACHE, name))).isInstanceOf(ListFetchResponse.Miss.class);
        var length = await(client.listConcatenateBack(CACHE, name, List.of("c", "d", "e", "f")));
        assertThat(((ListConcatenateBackResponse.Success) length).getListLength()).isEqualTo(4);
        await(client.listConcatenateFront(CACHE, name, List.of("a", "b")));
        var pushed = await(client.listPushFront(CACHE, name, "z"));
        assertThat(((ListPushFrontResponse.Success) pushed).getListLength()).isEqualTo(7);
        assertThat(((ListPopFrontResponse.Hit) await(client.listPopFront(CACHE, name))).valueString()).isEqualTo("z");
        assertThat(((ListFetchResponse.Hit) await(client.listFetch(CACHE, name, 1, 5))).valueListString())
                .containsExactly("b", "c", "d", "e");
        var last = await(client.listFetch(CACHE, name, 4, null));
        assertThat(last).as(String.valueOf(last)).isInstanceOf(ListFetchResponse.Hit.class);
        assertThat(((ListFetchResponse.Hit) last).valueListString())
                .containsExactly("e", "f");
        await(client.listPushBack(CACHE, name, "c"));
        await(client.listRemoveValue(CACHE, name, "c"));
        assertThat(((ListFetchResponse.Hit) await(client.listFetch(CACHE, name))).valueListString())
                .containsExactly("a", "b", "d", "e", "f");
        await(client.listRetain(CACHE, name, 1, 3));
        assertThat(((ListLengthResponse.Hit) await(client.listLength(CACHE, name))).getListLength()).isEqualTo(2);
        assertThat(((ListPopBackResponse.Hit) await(client.listPopBack(CACHE, name))).valueString()).isEqualTo("d");
        // truncation keeps the newest: pushing to the back drops from the front
        await(client.listConcatenateBack(CACHE, name, List.of("x", "y"), 2));
        assertThat(((ListFetchResponse.Hit) await(client.listFetch(CACHE, name))).valueListString()).containsExactly("x", "y");
        assertThat(await(client.listPopFront(CACHE, key("absent")))).isInstanceOf(ListPopFrontResponse.Miss.class);
    }

    @Test
    void setAddsRemovesAndFetchesDistinctElements() throws Exception {
        String name = key("set");
        await(client.setAddElements(CACHE, name, List.of("a", "b", "a")));
        await(client.setAddElement(CACHE, name, "c"));
        await(client.setRemoveElement(CACHE, name, "b"));
        assertThat(((SetFetchResponse.Hit) await(client.setFetch(CACHE, name))).valueSetString()).containsExactlyInAnyOrder("a", "c");
        await(client.setRemoveElements(CACHE, name, List.of("a", "c")));
        assertThat(await(client.setFetch(CACHE, name))).isInstanceOf(SetFetchResponse.Miss.class);
    }

    @Test
    void sortedSetIsReadByRankAndByScore() throws Exception {
        String name = key("leaderboard");
        await(client.sortedSetPutElements(CACHE, name, Map.of("bayko", 3.0, "brown", 1.0, "londo", 2.0, "vir", 2.0)));
        var byRank = (SortedSetFetchResponse.Hit) await(client.sortedSetFetchByRank(CACHE, name));
        assertThat(byRank.elementsList()).extracting(ScoredElement::getValue).containsExactly("brown", "londo", "vir", "bayko");
        var topTwo = (SortedSetFetchResponse.Hit) await(client.sortedSetFetchByRank(CACHE, name, 0, 2, SortOrder.DESCENDING));
        assertThat(topTwo.elementsList()).extracting(ScoredElement::getValue).containsExactly("bayko", "vir");
        var byScore = (SortedSetFetchResponse.Hit) await(client.sortedSetFetchByScore(CACHE, name, 2.0, 3.0, SortOrder.ASCENDING, 1, 5));
        assertThat(byScore.elementsList()).extracting(ScoredElement::getValue).containsExactly("vir", "bayko");
        var rank = await(client.sortedSetGetRank(CACHE, name, "bayko", SortOrder.ASCENDING));
        assertThat(((SortedSetGetRankResponse.Hit) rank).rank()).isEqualTo(3);
        assertThat(await(client.sortedSetGetRank(CACHE, name, "absent", SortOrder.ASCENDING))).isInstanceOf(SortedSetGetRankResponse.Miss.class);
        var score = await(client.sortedSetGetScore(CACHE, name, "londo"));
        assertThat(((SortedSetGetScoreResponse.Hit) score).score()).isEqualTo(2.0);
        var incremented = await(client.sortedSetIncrementScore(CACHE, name, "brown", 10));
        assertThat(((SortedSetIncrementScoreResponse.Success) incremented).score()).isEqualTo(11.0);
        await(client.sortedSetRemoveElements(CACHE, name, List.of("londo", "vir")));
        var rest = (SortedSetFetchResponse.Hit) await(client.sortedSetFetchByRank(CACHE, name));
        assertThat(rest.elementsList()).extracting(ScoredElement::getValue).containsExactly("bayko", "brown");
        assertThat(await(client.sortedSetFetchByRank(CACHE, key("absent")))).isInstanceOf(SortedSetFetchResponse.Miss.class);
    }

    @Test
    void collectionTtlIsSetOnCreationAndRefreshedOnlyWhenAsked() throws Exception {
        String name = key("ttl");
        await(client.setAddElements(CACHE, name, List.of("a"), CollectionTtl.of(Duration.ofSeconds(100))));
        await(client.setAddElements(CACHE, name, List.of("b"), CollectionTtl.of(Duration.ofSeconds(500)).withNoRefreshTtlOnUpdates()));
        assertThat(remainingSeconds(name)).isBetween(90L, 100L);
        await(client.setAddElements(CACHE, name, List.of("c"), CollectionTtl.of(Duration.ofSeconds(500))));
        assertThat(remainingSeconds(name)).isBetween(490L, 500L);
    }

    private long remainingSeconds(String key) throws Exception {
        return ((ItemGetTtlResponse.Hit) await(client.itemGetTtl(CACHE, key))).remainingTtl().toSeconds();
    }

    @Test
    void aCallOnAKeyOfAnotherTypeIsABadRequest() throws Exception {
        String name = key("typed");
        await(client.listPushBack(CACHE, name, "a"));
        assertThat(errorOf(await(client.dictionaryFetch(CACHE, name)))).isEqualTo(MomentoErrorCode.BAD_REQUEST_ERROR);
        assertThat(errorOf(await(client.get(CACHE, name)))).isEqualTo(MomentoErrorCode.BAD_REQUEST_ERROR);
        assertThat(errorOf(await(client.setAddElement(CACHE, name, "x")))).isEqualTo(MomentoErrorCode.BAD_REQUEST_ERROR);
        // a scalar set replaces whatever the key held
        await(client.set(CACHE, name, "scalar"));
        assertThat(((GetResponse.Hit) await(client.get(CACHE, name))).valueString()).isEqualTo("scalar");
    }

    @Test
    void anElementOverMomentosLimitIsRefused() throws Exception {
        String big = "x".repeat(128 * 1024 + 1);
        assertThat(errorOf(await(client.listPushBack(CACHE, key("big"), big)))).isEqualTo(MomentoErrorCode.LIMIT_EXCEEDED_ERROR);
        assertThat(errorOf(await(client.dictionaryFetch("no-such-cache", "d")))).isEqualTo(MomentoErrorCode.NOT_FOUND_ERROR);
    }
}
