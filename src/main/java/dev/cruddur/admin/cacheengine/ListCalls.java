package dev.cruddur.admin.cacheengine;

import com.google.protobuf.ByteString;
import grpc.cache_client._ListConcatenateBackRequest;
import grpc.cache_client._ListConcatenateBackResponse;
import grpc.cache_client._ListConcatenateFrontRequest;
import grpc.cache_client._ListConcatenateFrontResponse;
import grpc.cache_client._ListEraseRequest;
import grpc.cache_client._ListEraseResponse;
import grpc.cache_client._ListFetchRequest;
import grpc.cache_client._ListFetchResponse;
import grpc.cache_client._ListLengthRequest;
import grpc.cache_client._ListLengthResponse;
import grpc.cache_client._ListPopBackRequest;
import grpc.cache_client._ListPopBackResponse;
import grpc.cache_client._ListPopFrontRequest;
import grpc.cache_client._ListPopFrontResponse;
import grpc.cache_client._ListPushBackRequest;
import grpc.cache_client._ListPushBackResponse;
import grpc.cache_client._ListPushFrontRequest;
import grpc.cache_client._ListPushFrontResponse;
import grpc.cache_client._ListRemoveRequest;
import grpc.cache_client._ListRemoveResponse;
import grpc.cache_client._ListRetainRequest;
import grpc.cache_client._ListRetainResponse;
import java.util.List;

/** Momento's list calls: an ordered list of values under one key, with slices as Python's. */
final class ListCalls {
    private final CacheStorage storage;

    ListCalls(CacheStorage storage) {
        this.storage = storage;
    }

    private int concatenate(String cache, ByteString name, List<ByteString> values, boolean front, long ttl,
                            boolean refresh, int truncateOtherEndTo) {
        long added = CollectionLimits.requireElements(values);
        return storage.writeCollection(cache, name, ItemValue.ListValue.class, ItemValue.ListValue::new,
                new CacheStorage.CollectionTtl(ttl, refresh), added, list -> {
                    if (front) {
                        for (int i = values.size() - 1; i >= 0; i--) {
                            list.addFront(values.get(i));
                        }
                    } else {
                        values.forEach(list::addBack);
                    }
                    if (truncateOtherEndTo > 0) {
                        while (list.values.size() > truncateOtherEndTo) {
                            list.removeAt(front ? list.values.size() - 1 : 0);
                        }
                    }
                    return list.values.size();
                });
    }

    _ListConcatenateFrontResponse concatenateFront(String cache, _ListConcatenateFrontRequest r) {
        return _ListConcatenateFrontResponse.newBuilder().setListLength(concatenate(cache, r.getListName(),
                r.getValuesList(), true, r.getTtlMilliseconds(), r.getRefreshTtl(), r.getTruncateBackToSize())).build();
    }

    _ListConcatenateBackResponse concatenateBack(String cache, _ListConcatenateBackRequest r) {
        return _ListConcatenateBackResponse.newBuilder().setListLength(concatenate(cache, r.getListName(),
                r.getValuesList(), false, r.getTtlMilliseconds(), r.getRefreshTtl(), r.getTruncateFrontToSize())).build();
    }

    _ListPushFrontResponse pushFront(String cache, _ListPushFrontRequest r) {
        return _ListPushFrontResponse.newBuilder().setListLength(concatenate(cache, r.getListName(),
                List.of(r.getValue()), true, r.getTtlMilliseconds(), r.getRefreshTtl(), r.getTruncateBackToSize())).build();
    }

    _ListPushBackResponse pushBack(String cache, _ListPushBackRequest r) {
        return _ListPushBackResponse.newBuilder().setListLength(concatenate(cache, r.getListName(),
                List.of(r.getValue()), false, r.getTtlMilliseconds(), r.getRefreshTtl(), r.getTruncateFrontToSize())).build();
    }

    _ListPopFrontResponse popFront(String cache, _ListPopFrontRequest r) {
        var response = _ListPopFrontResponse.newBuilder();
        storage.changeCollection(cache, r.getListName(), ItemValue.ListValue.class, list -> {
            ByteString front = list.removeAt(0);
            return _ListPopFrontResponse._Found.newBuilder().setFront(front).setListLength(list.values.size());
        }).ifPresentOrElse(response::setFound, () -> response.setMissing(_ListPopFrontResponse._Missing.getDefaultInstance()));
        return response.build();
    }

    _ListPopBackResponse popBack(String cache, _ListPopBackRequest r) {
        var response = _ListPopBackResponse.newBuilder();
        storage.changeCollection(cache, r.getListName(), ItemValue.ListValue.class, list -> {
            ByteString back = list.removeAt(list.values.size() - 1);
            return _ListPopBackResponse._Found.newBuilder().setBack(back).setListLength(list.values.size());
        }).ifPresentOrElse(response::setFound, () -> response.setMissing(_ListPopBackResponse._Missing.getDefaultInstance()));
        return response.build();
    }

    _ListFetchResponse fetch(String cache, _ListFetchRequest r) {
        Integer start = r.hasInclusiveStart() ? r.getInclusiveStart() : null;
        Integer end = r.hasExclusiveEnd() ? r.getExclusiveEnd() : null;
        var response = _ListFetchResponse.newBuilder();
        storage.readCollection(cache, r.getListName(), ItemValue.ListValue.class, list -> {
            int[] slice = CollectionLimits.slice(list.values.size(), start, end);
            return List.copyOf(list.values.subList(slice[0], slice[1]));
        }).ifPresentOrElse(values -> response.setFound(_ListFetchResponse._Found.newBuilder().addAllValues(values)),
                () -> response.setMissing(_ListFetchResponse._Missing.getDefaultInstance()));
        return response.build();
    }

    _ListRetainResponse retain(String cache, _ListRetainRequest r) {
        Integer start = r.hasInclusiveStart() ? r.getInclusiveStart() : null;
        Integer end = r.hasExclusiveEnd() ? r.getExclusiveEnd() : null;
        var response = _ListRetainResponse.newBuilder();
        storage.changeCollection(cache, r.getListName(), ItemValue.ListValue.class,
                new CacheStorage.CollectionTtl(r.getTtlMilliseconds(), r.getRefreshTtl()), list -> {
                    int[] slice = CollectionLimits.slice(list.values.size(), start, end);
                    list.retain(slice[0], slice[1]);
                    return list.values.size();
                }).ifPresentOrElse(n -> response.setFound(_ListRetainResponse._Found.newBuilder().setListLength(n)),
                () -> response.setMissing(_ListRetainResponse._Missing.getDefaultInstance()));
        return response.build();
    }

    _ListRemoveResponse remove(String cache, _ListRemoveRequest r) {
        var response = _ListRemoveResponse.newBuilder();
        storage.changeCollection(cache, r.getListName(), ItemValue.ListValue.class, list -> {
            list.removeAll(r.getAllElementsWithValue());
            return list.values.size();
        }).ifPresentOrElse(n -> response.setFound(_ListRemoveResponse._Found.newBuilder().setListLength(n)),
                () -> response.setMissing(_ListRemoveResponse._Missing.getDefaultInstance()));
        return response.build();
    }

    /** Erases the whole list, or each range ({@code begin_index}, {@code count}) of the list as it was before the call. */
    _ListEraseResponse erase(String cache, _ListEraseRequest r) {
        var response = _ListEraseResponse.newBuilder();
        storage.changeCollection(cache, r.getListName(), ItemValue.ListValue.class, list -> {
            int length = list.values.size();
            boolean[] gone = new boolean[length];
            if (r.hasAll()) {
                java.util.Arrays.fill(gone, true);
            } else {
                for (var range : r.getSome().getRangesList()) {
                    long end = Math.min(length, (long) range.getBeginIndex() + range.getCount());
                    for (long i = range.getBeginIndex(); i < end; i++) {
                        gone[(int) i] = true;
                    }
                }
            }
            for (int i = length - 1; i >= 0; i--) {
                if (gone[i]) {
                    list.removeAt(i);
                }
            }
            return list.values.size();
        }).ifPresentOrElse(n -> response.setFound(_ListEraseResponse._Found.newBuilder().setListLength(n)),
                () -> response.setMissing(_ListEraseResponse._Missing.getDefaultInstance()));
        return response.build();
    }

    _ListLengthResponse length(String cache, _ListLengthRequest r) {
        var response = _ListLengthResponse.newBuilder();
        storage.readCollection(cache, r.getListName(), ItemValue.ListValue.class, list -> list.values.size())
                .ifPresentOrElse(n -> response.setFound(_ListLengthResponse._Found.newBuilder().setLength(n)),
                        () -> response.setMissing(_ListLengthResponse._Missing.getDefaultInstance()));
        return response.build();
    }
}
