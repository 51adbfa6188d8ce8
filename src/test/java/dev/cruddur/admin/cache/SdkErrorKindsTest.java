package dev.cruddur.admin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.cacheengine.CacheEngineConfig;
import dev.cruddur.admin.cacheengine.CacheToken;
import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import momento.sdk.CacheClient;
import momento.sdk.config.Configurations;
import momento.sdk.exceptions.MomentoErrorCode;
import momento.sdk.exceptions.SdkException;
import momento.sdk.requests.CollectionTtl;
import momento.sdk.responses.SortOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every data-plane call of Momento's Java SDK (the project's version) against the embedded server,
 * with each error kind that applies to it: a cache that does not exist (NOT_FOUND), a wrong API key
 * (AUTHENTICATION), a key of another type (BAD_REQUEST from FAILED_PRECONDITION), a TTL over the
 * 24 h limit (BAD_REQUEST from INVALID_ARGUMENT: the SDK keeps its INVALID_ARGUMENT code for what
 * it refuses itself, before sending), an item over 5,000,000 bytes or a collection element over
 * 128 KiB (LIMIT_EXCEEDED). Each row checks the SDK's error code and the gRPC status the server
 * sent, the pair the SDK would see from the service. One server for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SdkErrorKindsTest {
    private static final String CACHE = "cruddur";
    private static final String MISSING_CACHE = "no-such-cache";
    private static final Duration TOO_LONG = Duration.ofHours(25);
    private static final CollectionTtl TOO_LONG_COLLECTION = CollectionTtl.of(TOO_LONG);
    private static final String SCALAR_KEY = "fixture/scalar";
    private static final String DICTIONARY_KEY = "fixture/dictionary";
    private static final String OVER_ITEM = "x".repeat((int) CacheEngineConfig.MOMENTO_MAX_ITEM_BYTES + 1);
    private static final String OVER_ELEMENT = "x".repeat(128 * 1024 + 1);

    private EmbeddedCacheServer server;
    private CacheClient client;
    private CacheClient wrongKeyClient;

    /** One SDK call on (client, cache, key). */
    @FunctionalInterface
    interface Call {
        CompletableFuture<?> on(CacheClient client, String cache, String key);
    }

    /** What a verb expects its key to hold: a call on a key of another type is refused. */
    enum Holds { ANY, SCALAR, COLLECTION }

    /**
     * One SDK verb: its plain call (valid, on a fresh key), and where it takes them, its call with a
     * TTL over the limit and its call with an over-size item or element.
     */
    record Verb(String name, Holds holds, Call plain, Call tooLongTtl, Call overSize) {
        static Verb of(String name, Holds holds, Call plain) {
            return new Verb(name, holds, plain, null, null);
        }
    }

    /** One row of the table: a verb, an error kind, the call that provokes it and what must come back. */
    record Row(String verb, String kind, boolean wrongKey, String cache, String key, Call call,
               MomentoErrorCode sdkCode, Status.Code grpcCode) {
        @Override
        public String toString() {
            return verb + " / " + kind;
        }
    }

    static List<Verb> verbs() {
        List<String> one = List.of("a");
        return List.of(
                // scalars
                Verb.of("get", Holds.SCALAR, (c, cache, k) -> c.get(cache, k)),
                new Verb("set", Holds.ANY, (c, cache, k) -> c.set(cache, k, "v"),
                        (c, cache, k) -> c.set(cache, k, "v", TOO_LONG), (c, cache, k) -> c.set(cache, k, OVER_ITEM)),
                new Verb("setIfNotExists", Holds.ANY, (c, cache, k) -> c.setIfNotExists(cache, k, "v"),
                        (c, cache, k) -> c.setIfNotExists(cache, k, "v", TOO_LONG),
                        (c, cache, k) -> c.setIfNotExists(cache, k, OVER_ITEM)),
                Verb.of("delete", Holds.ANY, (c, cache, k) -> c.delete(cache, k)),
                new Verb("increment", Holds.SCALAR, (c, cache, k) -> c.increment(cache, k, 1),
                        (c, cache, k) -> c.increment(cache, k, 1, TOO_LONG), null),
                Verb.of("itemGetTtl", Holds.ANY, (c, cache, k) -> c.itemGetTtl(cache, k)),
                new Verb("updateTtl", Holds.ANY, (c, cache, k) -> c.updateTtl(cache, k, Duration.ofMinutes(1)),
                        (c, cache, k) -> c.updateTtl(cache, k, TOO_LONG), null),
                new Verb("increaseTtl", Holds.ANY, (c, cache, k) -> c.increaseTtl(cache, k, Duration.ofMinutes(1)),
                        (c, cache, k) -> c.increaseTtl(cache, k, TOO_LONG), null),
                new Verb("decreaseTtl", Holds.ANY, (c, cache, k) -> c.decreaseTtl(cache, k, Duration.ofMinutes(1)),
                        (c, cache, k) -> c.decreaseTtl(cache, k, TOO_LONG), null),
                Verb.of("getBatch", Holds.ANY, (c, cache, k) -> c.getBatch(cache, List.of(k))),
                new Verb("setBatch", Holds.ANY, (c, cache, k) -> c.setBatch(cache, Map.of(k, "v")),
                        (c, cache, k) -> c.setBatch(cache, Map.of(k, "v"), TOO_LONG),
                        (c, cache, k) -> c.setBatch(cache, Map.of(k, OVER_ITEM))),
                // dictionaries
                new Verb("dictionarySetField", Holds.COLLECTION, (c, cache, k) -> c.dictionarySetField(cache, k, "f", "v"),
                        (c, cache, k) -> c.dictionarySetField(cache, k, "f", "v", TOO_LONG_COLLECTION),
                        (c, cache, k) -> c.dictionarySetField(cache, k, "f", OVER_ELEMENT)),
                new Verb("dictionarySetFields", Holds.COLLECTION, (c, cache, k) -> c.dictionarySetFields(cache, k, Map.of("f", "v")),
                        (c, cache, k) -> c.dictionarySetFields(cache, k, Map.of("f", "v"), TOO_LONG_COLLECTION),
                        (c, cache, k) -> c.dictionarySetFields(cache, k, Map.of("f", OVER_ELEMENT))),
                Verb.of("dictionaryGetField", Holds.COLLECTION, (c, cache, k) -> c.dictionaryGetField(cache, k, "f")),
                Verb.of("dictionaryGetFields", Holds.COLLECTION, (c, cache, k) -> c.dictionaryGetFields(cache, k, one)),
                Verb.of("dictionaryFetch", Holds.COLLECTION, (c, cache, k) -> c.dictionaryFetch(cache, k)),
                new Verb("dictionaryIncrement", Holds.COLLECTION, (c, cache, k) -> c.dictionaryIncrement(cache, k, "n", 1),
                        (c, cache, k) -> c.dictionaryIncrement(cache, k, "n", 1, TOO_LONG_COLLECTION), null),
                Verb.of("dictionaryRemoveField", Holds.COLLECTION, (c, cache, k) -> c.dictionaryRemoveField(cache, k, "f")),
                Verb.of("dictionaryRemoveFields", Holds.COLLECTION, (c, cache, k) -> c.dictionaryRemoveFields(cache, k, one)),
                // lists
                new Verb("listConcatenateBack", Holds.COLLECTION, (c, cache, k) -> c.listConcatenateBack(cache, k, one),
                        (c, cache, k) -> c.listConcatenateBack(cache, k, one, null, TOO_LONG_COLLECTION),
                        (c, cache, k) -> c.listConcatenateBack(cache, k, List.of(OVER_ELEMENT))),
                new Verb("listConcatenateFront", Holds.COLLECTION, (c, cache, k) -> c.listConcatenateFront(cache, k, one),
                        (c, cache, k) -> c.listConcatenateFront(cache, k, one, null, TOO_LONG_COLLECTION),
                        (c, cache, k) -> c.listConcatenateFront(cache, k, List.of(OVER_ELEMENT))),
                new Verb("listPushBack", Holds.COLLECTION, (c, cache, k) -> c.listPushBack(cache, k, "a"),
                        (c, cache, k) -> c.listPushBack(cache, k, "a", null, TOO_LONG_COLLECTION),
                        (c, cache, k) -> c.listPushBack(cache, k, OVER_ELEMENT)),
                new Verb("listPushFront", Holds.COLLECTION, (c, cache, k) -> c.listPushFront(cache, k, "a"),
                        (c, cache, k) -> c.listPushFront(cache, k, "a", null, TOO_LONG_COLLECTION),
                        (c, cache, k) -> c.listPushFront(cache, k, OVER_ELEMENT)),
                Verb.of("listPopBack", Holds.COLLECTION, (c, cache, k) -> c.listPopBack(cache, k)),
                Verb.of("listPopFront", Holds.COLLECTION, (c, cache, k) -> c.listPopFront(cache, k)),
                Verb.of("listFetch", Holds.COLLECTION, (c, cache, k) -> c.listFetch(cache, k, 0, 2)),
                Verb.of("listLength", Holds.COLLECTION, (c, cache, k) -> c.listLength(cache, k)),
                Verb.of("listRetain", Holds.COLLECTION, (c, cache, k) -> c.listRetain(cache, k, 0, 2)),
                Verb.of("listRemoveValue", Holds.COLLECTION, (c, cache, k) -> c.listRemoveValue(cache, k, "a")),
                // sets
                new Verb("setAddElement", Holds.COLLECTION, (c, cache, k) -> c.setAddElement(cache, k, "a"),
                        (c, cache, k) -> c.setAddElement(cache, k, "a", TOO_LONG_COLLECTION),
                        (c, cache, k) -> c.setAddElement(cache, k, OVER_ELEMENT)),
                new Verb("setAddElements", Holds.COLLECTION, (c, cache, k) -> c.setAddElements(cache, k, one),
                        (c, cache, k) -> c.setAddElements(cache, k, one, TOO_LONG_COLLECTION),
                        (c, cache, k) -> c.setAddElements(cache, k, List.of(OVER_ELEMENT))),
                Verb.of("setRemoveElement", Holds.COLLECTION, (c, cache, k) -> c.setRemoveElement(cache, k, "a")),
                Verb.of("setRemoveElements", Holds.COLLECTION, (c, cache, k) -> c.setRemoveElements(cache, k, one)),
                Verb.of("setFetch", Holds.COLLECTION, (c, cache, k) -> c.setFetch(cache, k)),
                // sorted sets
                new Verb("sortedSetPutElement", Holds.COLLECTION, (c, cache, k) -> c.sortedSetPutElement(cache, k, "a", 1),
                        (c, cache, k) -> c.sortedSetPutElement(cache, k, "a", 1, TOO_LONG_COLLECTION),
                        (c, cache, k) -> c.sortedSetPutElement(cache, k, OVER_ELEMENT, 1)),
                new Verb("sortedSetPutElements", Holds.COLLECTION, (c, cache, k) -> c.sortedSetPutElements(cache, k, Map.of("a", 1.0)),
                        (c, cache, k) -> c.sortedSetPutElements(cache, k, Map.of("a", 1.0), TOO_LONG_COLLECTION),
                        (c, cache, k) -> c.sortedSetPutElements(cache, k, Map.of(OVER_ELEMENT, 1.0))),
                Verb.of("sortedSetFetchByRank", Holds.COLLECTION, (c, cache, k) -> c.sortedSetFetchByRank(cache, k)),
                Verb.of("sortedSetFetchByScore", Holds.COLLECTION, (c, cache, k) -> c.sortedSetFetchByScore(cache, k)),
                Verb.of("sortedSetGetRank", Holds.COLLECTION, (c, cache, k) -> c.sortedSetGetRank(cache, k, "a", SortOrder.ASCENDING)),
                Verb.of("sortedSetGetScore", Holds.COLLECTION, (c, cache, k) -> c.sortedSetGetScore(cache, k, "a")),
                Verb.of("sortedSetGetScores", Holds.COLLECTION, (c, cache, k) -> c.sortedSetGetScores(cache, k, one)),
                new Verb("sortedSetIncrementScore", Holds.COLLECTION, (c, cache, k) -> c.sortedSetIncrementScore(cache, k, "a", 1),
                        (c, cache, k) -> c.sortedSetIncrementScore(cache, k, "a", 1, TOO_LONG_COLLECTION), null),
                Verb.of("sortedSetRemoveElement", Holds.COLLECTION, (c, cache, k) -> c.sortedSetRemoveElement(cache, k, "a")),
                Verb.of("sortedSetRemoveElements", Holds.COLLECTION, (c, cache, k) -> c.sortedSetRemoveElements(cache, k, one)));
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Verb verb : verbs()) {
            rows.add(new Row(verb.name(), "cache not found", false, MISSING_CACHE, fresh(), verb.plain(),
                    MomentoErrorCode.NOT_FOUND_ERROR, Status.Code.NOT_FOUND));
            rows.add(new Row(verb.name(), "wrong API key", true, CACHE, fresh(), verb.plain(),
                    MomentoErrorCode.AUTHENTICATION_ERROR, Status.Code.UNAUTHENTICATED));
            if (verb.holds() != Holds.ANY) {
                // the dictionary stands for every collection: the engine checks the type before the verb
                String otherType = verb.holds() == Holds.SCALAR ? DICTIONARY_KEY : SCALAR_KEY;
                rows.add(new Row(verb.name(), "key of another type", false, CACHE, otherType, verb.plain(),
                        MomentoErrorCode.BAD_REQUEST_ERROR, Status.Code.FAILED_PRECONDITION));
            }
            if (verb.tooLongTtl() != null) {
                rows.add(new Row(verb.name(), "TTL over 24 h", false, CACHE, fresh(), verb.tooLongTtl(),
                        MomentoErrorCode.BAD_REQUEST_ERROR, Status.Code.INVALID_ARGUMENT));
            }
            if (verb.overSize() != null) {
                rows.add(new Row(verb.name(), verb.holds() == Holds.COLLECTION ? "element over 128 KiB" : "item over 5,000,000 bytes",
                        false, CACHE, fresh(), verb.overSize(), MomentoErrorCode.LIMIT_EXCEEDED_ERROR, Status.Code.RESOURCE_EXHAUSTED));
            }
        }
        return rows.stream();
    }

    private static String fresh() {
        return "row/" + UUID.randomUUID();
    }

    @BeforeAll
    void start() throws Exception {
        String token = CacheToken.generate();
        server = EmbeddedCacheServer.start(CacheEngineConfig.onPort(0).withToken(token).withCaches(CACHE));
        client = CacheClient.builder(new LoopbackCredentials(server.host(), server.port(), ApiKey.of(token)),
                Configurations.Laptop.latest(), Duration.ofMinutes(1)).build();
        wrongKeyClient = CacheClient.builder(new LoopbackCredentials(server.host(), server.port(), ApiKey.of(CacheToken.generate())),
                Configurations.Laptop.latest(), Duration.ofMinutes(1)).build();
        client.set(CACHE, SCALAR_KEY, "not a number").get(10, TimeUnit.SECONDS);
        client.dictionarySetField(CACHE, DICTIONARY_KEY, "f", "v").get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() {
        wrongKeyClient.close();
        client.close();
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachVerbAnswersEachErrorKindAsTheServiceDoes(Row row) throws Exception {
        Object response = row.call().on(row.wrongKey() ? wrongKeyClient : client, row.cache(), row.key()).get(10, TimeUnit.SECONDS);

        assertThat(response).as("an error response").isInstanceOf(SdkException.class);
        SdkException error = (SdkException) response;
        assertThat(error.getErrorCode()).as("the SDK's error code").isEqualTo(row.sdkCode());
        assertThat(error.getTransportErrorDetails()).as("sent by the server, not refused by the SDK").isPresent();
        assertThat(error.getTransportErrorDetails().get().getGrpcErrorDetails().getStatusCode())
                .as("the gRPC status the server sent").isEqualTo(row.grpcCode());
    }

    @Test
    void theTableCoversEveryDataPlaneVerbOnce() {
        assertThat(verbs()).extracting(Verb::name).doesNotHaveDuplicates().hasSize(44);
        assertThat(rows()).hasSizeGreaterThan(2 * 44);
    }

    @Test
    void aStoredTextIsNotIncrementedAndTheSdkRefusesANegativeTtlItself() throws Exception {
        Object notANumber = client.increment(CACHE, SCALAR_KEY, 1).get(10, TimeUnit.SECONDS);
        assertThat(((SdkException) notANumber).getErrorCode()).isEqualTo(MomentoErrorCode.BAD_REQUEST_ERROR);

        Object negative = client.set(CACHE, fresh(), "v", Duration.ofSeconds(-1)).get(10, TimeUnit.SECONDS);
        assertThat(((SdkException) negative).getErrorCode()).isEqualTo(MomentoErrorCode.INVALID_ARGUMENT_ERROR);
        assertThat(((SdkException) negative).getTransportErrorDetails()).as("never sent").isEmpty();
    }
}
