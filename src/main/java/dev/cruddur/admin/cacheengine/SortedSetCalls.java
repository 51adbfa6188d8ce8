package dev.cruddur.admin.cacheengine;

import com.google.protobuf.ByteString;
import grpc.cache_client.ECacheResult;
import grpc.cache_client._SortedSetElement;
import grpc.cache_client._SortedSetFetchRequest;
import grpc.cache_client._SortedSetFetchResponse;
import grpc.cache_client._SortedSetGetRankRequest;
import grpc.cache_client._SortedSetGetRankResponse;
import grpc.cache_client._SortedSetGetScoreRequest;
import grpc.cache_client._SortedSetGetScoreResponse;
import grpc.cache_client._SortedSetIncrementRequest;
import grpc.cache_client._SortedSetIncrementResponse;
import grpc.cache_client._SortedSetLengthByScoreRequest;
import grpc.cache_client._SortedSetLengthByScoreResponse;
import grpc.cache_client._SortedSetLengthRequest;
import grpc.cache_client._SortedSetLengthResponse;
import grpc.cache_client._SortedSetPutRequest;
import grpc.cache_client._SortedSetPutResponse;
import grpc.cache_client._SortedSetRemoveRequest;
import grpc.cache_client._SortedSetRemoveResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/** Momento's sorted set calls: elements with a score, read by rank or by score. */
final class SortedSetCalls {
    private final CacheStorage storage;

    SortedSetCalls(CacheStorage storage) {
        this.storage = storage;
    }

    _SortedSetPutResponse put(String cache, _SortedSetPutRequest r) {
        long added = 0;
        for (_SortedSetElement element : r.getElementsList()) {
            added += CollectionLimits.requireElement(element.getValue()) + Double.BYTES;
        }
        storage.writeCollection(cache, r.getSetName(), ItemValue.SortedSetValue.class, ItemValue.SortedSetValue::new,
                new CacheStorage.CollectionTtl(r.getTtlMilliseconds(), r.getRefreshTtl()), added, set -> {
                    r.getElementsList().forEach(e -> set.put(e.getValue(), e.getScore()));
                    return null;
                });
        return _SortedSetPutResponse.getDefaultInstance();
    }

    _SortedSetFetchResponse fetch(String cache, _SortedSetFetchRequest r) {
        boolean descending = r.getOrder() == _SortedSetFetchRequest.Order.DESCENDING;
        var response = _SortedSetFetchResponse.newBuilder();
        storage.readCollection(cache, r.getSetName(), ItemValue.SortedSetValue.class, set -> {
            List<ItemValue.SortedSetValue.Element> inOrder =
                    new ArrayList<>(descending ? set.ordered.descendingSet() : set.ordered);
            if (r.hasByScore()) {
                return byScore(inOrder, r.getByScore());
            }
            var byIndex = r.getByIndex();
            Integer start = byIndex.hasInclusiveStartIndex() ? byIndex.getInclusiveStartIndex() : null;
            Integer end = byIndex.hasExclusiveEndIndex() ? byIndex.getExclusiveEndIndex() : null;
            int[] slice = CollectionLimits.slice(inOrder.size(), start, end);
            return inOrder.subList(slice[0], slice[1]);
        }).ifPresentOrElse(elements -> {
            var found = _SortedSetFetchResponse._Found.newBuilder();
            if (r.getWithScores()) {
                var withScores = _SortedSetFetchResponse._Found._ValuesWithScores.newBuilder();
                elements.forEach(e -> withScores.addElements(element(e)));
                found.setValuesWithScores(withScores);
            } else {
                var values = _SortedSetFetchResponse._Found._Values.newBuilder();
                elements.forEach(e -> values.addValues(e.value()));
                found.setValues(values);
            }
            response.setFound(found);
        }, () -> response.setMissing(_SortedSetFetchResponse._Missing.getDefaultInstance()));
        return response.build();
    }

    private static List<ItemValue.SortedSetValue.Element> byScore(List<ItemValue.SortedSetValue.Element> inOrder,
                                                                  _SortedSetFetchRequest._ByScore range) {
        DoublePredicate inRange = scoreRange(range.hasMinScore() ? range.getMinScore() : null,
                range.hasMaxScore() ? range.getMaxScore() : null);
        List<ItemValue.SortedSetValue.Element> matching = inOrder.stream().filter(e -> inRange.test(e.score())).toList();
        int from = Math.min(range.getOffset(), matching.size());
        int count = range.getCount() <= 0 ? matching.size() : range.getCount(); // the SDK sends -1 for "all"
        return matching.subList(from, Math.min(matching.size(), from + count));
    }

    private static DoublePredicate scoreRange(_SortedSetFetchRequest._ByScore._Score min,
                                              _SortedSetFetchRequest._ByScore._Score max) {
        return score -> (min == null || (min.getExclusive() ? score > min.getScore() : score >= min.getScore()))
                && (max == null || (max.getExclusive() ? score < max.getScore() : score <= max.getScore()));
    }

    private static _SortedSetElement element(ItemValue.SortedSetValue.Element e) {
        return _SortedSetElement.newBuilder().setValue(e.value()).setScore(e.score()).build();
    }

    _SortedSetGetScoreResponse getScore(String cache, _SortedSetGetScoreRequest r) {
        var response = _SortedSetGetScoreResponse.newBuilder();
        storage.readCollection(cache, r.getSetName(), ItemValue.SortedSetValue.class, set -> {
            var found = _SortedSetGetScoreResponse._SortedSetFound.newBuilder();
            for (ByteString value : r.getValuesList()) {
                Double score = set.scores.get(value);
                var part = _SortedSetGetScoreResponse._SortedSetGetScoreResponsePart.newBuilder();
                if (score == null) {
                    part.setResult(ECacheResult.Miss);
                } else {
                    part.setResult(ECacheResult.Hit).setScore(score);
                }
                found.addElements(part);
            }
            return found;
        }).ifPresentOrElse(response::setFound,
                () -> response.setMissing(_SortedSetGetScoreResponse._SortedSetMissing.getDefaultInstance()));
        return response.build();
    }

    /** An absent element is answered as {@code missing}, like an absent set: the SDKs read only a rank as a hit. */
    _SortedSetGetRankResponse getRank(String cache, _SortedSetGetRankRequest r) {
        boolean descending = r.getOrder() == _SortedSetGetRankRequest.Order.DESCENDING;
        var response = _SortedSetGetRankResponse.newBuilder();
        storage.readCollection(cache, r.getSetName(), ItemValue.SortedSetValue.class, set -> {
            Double score = set.scores.get(r.getValue());
            if (score == null) {
                return -1;
            }
            int below = set.ordered.headSet(new ItemValue.SortedSetValue.Element(r.getValue(), score)).size();
            return descending ? set.ordered.size() - 1 - below : below;
        }).filter(rank -> rank >= 0).ifPresentOrElse(rank -> response.setElementRank(
                        _SortedSetGetRankResponse._RankResponsePart.newBuilder().setResult(ECacheResult.Hit).setRank(rank)),
                () -> response.setMissing(_SortedSetGetRankResponse._SortedSetMissing.getDefaultInstance()));
        return response.build();
    }

    _SortedSetIncrementResponse increment(String cache, _SortedSetIncrementRequest r) {
        CollectionLimits.requireElement(r.getValue());
        double score = storage.writeCollection(cache, r.getSetName(), ItemValue.SortedSetValue.class,
                ItemValue.SortedSetValue::new, new CacheStorage.CollectionTtl(r.getTtlMilliseconds(), r.getRefreshTtl()),
                r.getValue().size() + Double.BYTES, set -> {
                    double next = set.scores.getOrDefault(r.getValue(), 0.0) + r.getAmount();
                    set.put(r.getValue(), next);
                    return next;
                });
        return _SortedSetIncrementResponse.newBuilder().setScore(score).build();
    }

    _SortedSetRemoveResponse remove(String cache, _SortedSetRemoveRequest r) {
        storage.changeCollection(cache, r.getSetName(), ItemValue.SortedSetValue.class, set -> {
            List<ByteString> gone = r.hasAll() ? new ArrayList<>(set.scores.keySet()) : r.getSome().getValuesList();
            gone.forEach(set::remove);
            return true;
        });
        return _SortedSetRemoveResponse.getDefaultInstance();
    }

    _SortedSetLengthResponse length(String cache, _SortedSetLengthRequest r) {
        var response = _SortedSetLengthResponse.newBuilder();
        storage.readCollection(cache, r.getSetName(), ItemValue.SortedSetValue.class, set -> set.scores.size())
                .ifPresentOrElse(n -> response.setFound(_SortedSetLengthResponse._Found.newBuilder().setLength(n)),
                        () -> response.setMissing(_SortedSetLengthResponse._Missing.getDefaultInstance()));
        return response.build();
    }

    _SortedSetLengthByScoreResponse lengthByScore(String cache, _SortedSetLengthByScoreRequest r) {
        var response = _SortedSetLengthByScoreResponse.newBuilder();
        storage.readCollection(cache, r.getSetName(), ItemValue.SortedSetValue.class, set -> {
            double min = r.hasInclusiveMin() ? r.getInclusiveMin() : r.hasExclusiveMin() ? r.getExclusiveMin() : Double.NEGATIVE_INFINITY;
            double max = r.hasInclusiveMax() ? r.getInclusiveMax() : r.hasExclusiveMax() ? r.getExclusiveMax() : Double.POSITIVE_INFINITY;
            return (int) set.scores.values().stream().filter(s -> (r.hasExclusiveMin() ? s > min : s >= min)
                    && (r.hasExclusiveMax() ? s < max : s <= max)).count();
        }).ifPresentOrElse(n -> response.setFound(_SortedSetLengthByScoreResponse._Found.newBuilder().setLength(n)),
                () -> response.setMissing(_SortedSetLengthByScoreResponse._Missing.getDefaultInstance()));
        return response.build();
    }
}
