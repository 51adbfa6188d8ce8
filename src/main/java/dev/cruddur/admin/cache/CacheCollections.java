package dev.cruddur.admin.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import momento.sdk.requests.CollectionTtl;
import momento.sdk.responses.SortOrder;
import momento.sdk.responses.cache.dictionary.DictionaryFetchResponse;
import momento.sdk.responses.cache.dictionary.DictionaryIncrementResponse;
import momento.sdk.responses.cache.dictionary.DictionaryRemoveFieldResponse;
import momento.sdk.responses.cache.dictionary.DictionarySetFieldResponse;
import momento.sdk.responses.cache.list.ListFetchResponse;
import momento.sdk.responses.cache.list.ListLengthResponse;
import momento.sdk.responses.cache.list.ListPopBackResponse;
import momento.sdk.responses.cache.list.ListPopFrontResponse;
import momento.sdk.responses.cache.list.ListPushBackResponse;
import momento.sdk.responses.cache.list.ListPushFrontResponse;
import momento.sdk.responses.cache.list.ListRemoveValueResponse;
import momento.sdk.responses.cache.set.SetAddElementResponse;
import momento.sdk.responses.cache.set.SetFetchResponse;
import momento.sdk.responses.cache.set.SetRemoveElementResponse;
import momento.sdk.responses.cache.sortedset.ScoredElement;
import momento.sdk.responses.cache.sortedset.SortedSetFetchResponse;
import momento.sdk.responses.cache.sortedset.SortedSetGetRankResponse;
import momento.sdk.responses.cache.sortedset.SortedSetIncrementScoreResponse;
import momento.sdk.responses.cache.sortedset.SortedSetPutElementResponse;
import momento.sdk.responses.cache.sortedset.SortedSetRemoveElementResponse;

/**
 * Momento's collections through the SDK, as {@link CacheStore} does scalars: blocking calls that
 * never throw for cache trouble. Writes give the collection the store's default TTL when they
 * create it and refresh it to that TTL on every later write (the SDK's {@code fromCacheTtl}).
 * A call on a key holding another type fails with the service's bad-request error.
 */
public final class CacheCollections {
    private final CacheStore store;

    CacheCollections(CacheStore store) {
        this.store = store;
    }

    private String cache() {
        return store.cacheName();
    }

    /** The collection at the key, read whole; empty when the key holds nothing. */
    public CacheOutcome<Optional<CollectionContents>> fetch(String key, ItemType type) {
        return switch (type) {
            case DICTIONARY -> store.call(cache(), () -> store.client().dictionaryFetch(cache(), key), response -> {
                if (response instanceof DictionaryFetchResponse.Miss) return Optional.empty();
                if (!(response instanceof DictionaryFetchResponse.Hit hit)) throw CacheStore.unexpected(response);
                List<CollectionContents.Row> rows = new ArrayList<>();
                int position = 0;
                for (Map.Entry<String, String> field : new java.util.TreeMap<>(hit.valueMapStringString()).entrySet()) {
                    rows.add(new CollectionContents.Row(position++, field.getKey(), field.getValue(), OptionalDouble.empty()));
                }
                return Optional.of(new CollectionContents(type, rows));
            });
            case LIST -> store.call(cache(), () -> store.client().listFetch(cache(), key), response -> {
                if (response instanceof ListFetchResponse.Miss) return Optional.empty();
                if (!(response instanceof ListFetchResponse.Hit hit)) throw CacheStore.unexpected(response);
                return Optional.of(new CollectionContents(type, rowsOf(hit.valueListString())));
            });
            case SET -> store.call(cache(), () -> store.client().setFetch(cache(), key), response -> {
                if (response instanceof SetFetchResponse.Miss) return Optional.empty();
                if (!(response instanceof SetFetchResponse.Hit hit)) throw CacheStore.unexpected(response);
                return Optional.of(new CollectionContents(type, rowsOf(hit.valueSetString().stream().sorted().toList())));
            });
            case SORTED_SET -> store.call(cache(), () -> store.client().sortedSetFetchByRank(cache(), key), response -> {
                if (response instanceof SortedSetFetchResponse.Miss) return Optional.empty();
                if (!(response instanceof SortedSetFetchResponse.Hit hit)) throw CacheStore.unexpected(response);
                List<CollectionContents.Row> rows = new ArrayList<>();
                int rank = 0;
                for (ScoredElement element : hit.elementsList()) {
                    rows.add(new CollectionContents.Row(rank++, "", element.getValue(), OptionalDouble.of(element.getScore())));
                }
                return Optional.of(new CollectionContents(type, rows));
            });
            case SCALAR, MISSING -> throw new IllegalArgumentException("not a collection: " + type);
        };
    }

    private static List<CollectionContents.Row> rowsOf(List<String> values) {
        List<CollectionContents.Row> rows = new ArrayList<>(values.size());
        for (String value : values) {
            rows.add(new CollectionContents.Row(rows.size(), "", value, OptionalDouble.empty()));
        }
        return rows;
    }

    // ---------------------------------------------------------------- dictionary

    public CacheOutcome<Void> dictionarySetField(String key, String field, String value) {
        return store.call(cache(), () -> store.client().dictionarySetField(cache(), key, field, value, CollectionTtl.fromCacheTtl()),
                response -> done(response instanceof DictionarySetFieldResponse.Success, response));
    }

    public CacheOutcome<Void> dictionaryRemoveField(String key, String field) {
        return store.call(cache(), () -> store.client().dictionaryRemoveField(cache(), key, field),
                response -> done(response instanceof DictionaryRemoveFieldResponse.Success, response));
    }

    /** Adds to the integer in the field (created at the amount); the new value. */
    public CacheOutcome<Long> dictionaryIncrement(String key, String field, long amount) {
        return store.call(cache(), () -> store.client().dictionaryIncrement(cache(), key, field, amount, CollectionTtl.fromCacheTtl()),
                response -> {
                    if (response instanceof DictionaryIncrementResponse.Success success) return (long) success.value();
                    throw CacheStore.unexpected(response);
                });
    }

    // ---------------------------------------------------------------- list

    /** Appends (or, with {@code front}, prepends) a value; the list's new length. */
    public CacheOutcome<Integer> listPush(String key, String value, boolean front) {
        if (front) {
            return store.call(cache(), () -> store.client().listPushFront(cache(), key, value, null, CollectionTtl.fromCacheTtl()),
                    response -> {
                        if (response instanceof ListPushFrontResponse.Success success) return success.getListLength();
                        throw CacheStore.unexpected(response);
                    });
        }
        return store.call(cache(), () -> store.client().listPushBack(cache(), key, value, null, CollectionTtl.fromCacheTtl()),
                response -> {
                    if (response instanceof ListPushBackResponse.Success success) return success.getListLength();
                    throw CacheStore.unexpected(response);
                });
    }

    /** Removes and returns the last (or, with {@code front}, the first) value; empty when there is no list. */
    public CacheOutcome<Optional<String>> listPop(String key, boolean front) {
        if (front) {
            return store.call(cache(), () -> store.client().listPopFront(cache(), key), response -> {
                if (response instanceof ListPopFrontResponse.Hit hit) return Optional.of(hit.valueString());
                if (response instanceof ListPopFrontResponse.Miss) return Optional.empty();
                throw CacheStore.unexpected(response);
            });
        }
        return store.call(cache(), () -> store.client().listPopBack(cache(), key), response -> {
            if (response instanceof ListPopBackResponse.Hit hit) return Optional.of(hit.valueString());
            if (response instanceof ListPopBackResponse.Miss) return Optional.empty();
            throw CacheStore.unexpected(response);
        });
    }

    /** Removes every occurrence of the value. */
    public CacheOutcome<Void> listRemoveValue(String key, String value) {
        return store.call(cache(), () -> store.client().listRemoveValue(cache(), key, value),
                response -> done(response instanceof ListRemoveValueResponse.Success, response));
    }

    /** The list's length; empty when there is no list. */
    public CacheOutcome<Optional<Integer>> listLength(String key) {
        return store.call(cache(), () -> store.client().listLength(cache(), key), response -> {
            if (response instanceof ListLengthResponse.Hit hit) return Optional.of(hit.getListLength());
            if (response instanceof ListLengthResponse.Miss) return Optional.empty();
            throw CacheStore.unexpected(response);
        });
    }

    // ---------------------------------------------------------------- set

    public CacheOutcome<Void> setAddElement(String key, String element) {
        return store.call(cache(), () -> store.client().setAddElement(cache(), key, element, CollectionTtl.fromCacheTtl()),
                response -> done(response instanceof SetAddElementResponse.Success, response));
    }

    public CacheOutcome<Void> setRemoveElement(String key, String element) {
        return store.call(cache(), () -> store.client().setRemoveElement(cache(), key, element),
                response -> done(response instanceof SetRemoveElementResponse.Success, response));
    }

    // ---------------------------------------------------------------- sorted set

    public CacheOutcome<Void> sortedSetPut(String key, String element, double score) {
        return store.call(cache(), () -> store.client().sortedSetPutElement(cache(), key, element, score, CollectionTtl.fromCacheTtl()),
                response -> done(response instanceof SortedSetPutElementResponse.Success, response));
    }

    public CacheOutcome<Void> sortedSetRemove(String key, String element) {
        return store.call(cache(), () -> store.client().sortedSetRemoveElement(cache(), key, element),
                response -> done(response instanceof SortedSetRemoveElementResponse.Success, response));
    }

    /** Adds to the element's score (created at the amount); the new score. */
    public CacheOutcome<Double> sortedSetIncrement(String key, String element, double amount) {
        return store.call(cache(), () -> store.client().sortedSetIncrementScore(cache(), key, element, amount, CollectionTtl.fromCacheTtl()),
                response -> {
                    if (response instanceof SortedSetIncrementScoreResponse.Success success) return success.score();
                    throw CacheStore.unexpected(response);
                });
    }

    /** The element's rank (0 = lowest score, or highest when {@code descending}); empty when absent. */
    public CacheOutcome<Optional<Long>> sortedSetRank(String key, String element, boolean descending) {
        return store.call(cache(), () -> store.client().sortedSetGetRank(cache(), key, element,
                descending ? SortOrder.DESCENDING : SortOrder.ASCENDING), response -> {
                    if (response instanceof SortedSetGetRankResponse.Hit hit) return Optional.of(hit.rank());
                    if (response instanceof SortedSetGetRankResponse.Miss) return Optional.empty();
                    throw CacheStore.unexpected(response);
                });
    }

    private static Void done(boolean success, Object response) {
        if (success) return null;
        throw CacheStore.unexpected(response);
    }
}
