package dev.cruddur.admin.cacheengine;

import com.google.protobuf.ByteString;
// the RPCs' request and response types: one import for the forty-odd generated classes
import grpc.cache_client.*;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Momento's data plane ({@code cache_client.Scs}): scalar items (GetBatch and SetBatch included)
 * and the collections (dictionary, list, set, sorted set), every RPC of client-protos 0.122.1.
 */
final class DataPlaneService extends ScsGrpc.ScsImplBase {
    private final CacheStorage storage;
    private final DictionaryCalls dictionaries;
    private final ListCalls lists;
    private final SetCalls sets;
    private final SortedSetCalls sortedSets;

    DataPlaneService(CacheStorage storage) {
        this.storage = storage;
        this.dictionaries = new DictionaryCalls(storage);
        this.lists = new ListCalls(storage);
        this.sets = new SetCalls(storage);
        this.sortedSets = new SortedSetCalls(storage);
    }

    @Override
    public void get(_GetRequest request, StreamObserver<_GetResponse> out) {
        answer(out, () -> getResponse(storage.get(cache(), request.getCacheKey())));
    }

    /**
     * One {@code _GetResponse} per requested item, in the request's order (the SDK pairs them with
     * its keys by position), each a hit or a miss as {@link #get} would answer. Every item is read
     * before anything is sent, so a refusal (no such cache, an empty key) ends the call with the
     * same status as a Get and no partial answer.
     */
    @Override
    public void getBatch(_GetBatchRequest request, StreamObserver<_GetResponse> out) {
        List<_GetResponse> responses;
        try {
            List<ByteString> keys = new ArrayList<>(request.getItemsCount());
            for (_GetRequest item : request.getItemsList()) {
                keys.add(item.getCacheKey());
            }
            responses = storage.getAll(cache(), keys).stream().map(DataPlaneService::getResponse).toList();
        } catch (StatusRuntimeException refused) {
            out.onError(refused);
            return;
        }
        responses.forEach(out::onNext);
        out.onCompleted();
    }

    private static _GetResponse getResponse(Optional<ByteString> value) {
        return value.map(v -> _GetResponse.newBuilder().setResult(ECacheResult.Hit).setCacheBody(v).build())
                .orElseGet(() -> _GetResponse.newBuilder().setResult(ECacheResult.Miss).build());
    }

    @Override
    public void set(_SetRequest request, StreamObserver<_SetResponse> out) {
        answer(out, () -> {
            storage.set(cache(), request.getCacheKey(), request.getCacheBody(), request.getTtlMilliseconds());
            return _SetResponse.newBuilder().setResult(ECacheResult.Ok).build();
        });
    }

    /**
     * One {@code _SetResponse} per item, in the request's order. Every item is checked before
     * any is stored, so a refusal (an item too large, a bad TTL) ends the call with the status a
     * Set would get and nothing stored.
     */
    @Override
    public void setBatch(_SetBatchRequest request, StreamObserver<_SetResponse> out) {
        try {
            List<ByteString> keys = new ArrayList<>();
            List<ByteString> values = new ArrayList<>();
            List<Long> ttls = new ArrayList<>();
            for (_SetRequest item : request.getItemsList()) {
                keys.add(item.getCacheKey());
                values.add(item.getCacheBody());
                ttls.add(item.getTtlMilliseconds());
            }
            storage.setAll(cache(), keys, values, ttls);
        } catch (StatusRuntimeException refused) {
            out.onError(refused);
            return;
        }
        _SetResponse ok = _SetResponse.newBuilder().setResult(ECacheResult.Ok).build();
        for (int i = 0; i < request.getItemsCount(); i++) {
            out.onNext(ok);
        }
        out.onCompleted();
    }

    @Override
    public void setIfNotExists(_SetIfNotExistsRequest request, StreamObserver<_SetIfNotExistsResponse> out) {
        answer(out, () -> {
            boolean stored = storage.setIf(cache(), request.getCacheKey(), request.getCacheBody(),
                    request.getTtlMilliseconds(), Optional::isEmpty);
            var response = _SetIfNotExistsResponse.newBuilder();
            if (stored) {
                response.setStored(_SetIfNotExistsResponse._Stored.getDefaultInstance());
            } else {
                response.setNotStored(_SetIfNotExistsResponse._NotStored.getDefaultInstance());
            }
            return response.build();
        });
    }

    @Override
    public void setIf(_SetIfRequest request, StreamObserver<_SetIfResponse> out) {
        answer(out, () -> {
            boolean stored = storage.setIf(cache(), request.getCacheKey(), request.getCacheBody(),
                    request.getTtlMilliseconds(), condition(request));
            var response = _SetIfResponse.newBuilder();
            if (stored) {
                response.setStored(_SetIfResponse._Stored.getDefaultInstance());
            } else {
                response.setNotStored(_SetIfResponse._NotStored.getDefaultInstance());
            }
            return response.build();
        });
    }

    private static Predicate<Optional<ByteString>> condition(_SetIfRequest request) {
        return switch (request.getConditionCase()) {
            case PRESENT -> Optional::isPresent;
            case ABSENT -> Optional::isEmpty;
            case EQUAL -> current -> current.equals(Optional.of(request.getEqual().getValueToCheck()));
            case NOT_EQUAL -> current -> !current.equals(Optional.of(request.getNotEqual().getValueToCheck()));
            case PRESENT_AND_NOT_EQUAL -> current -> current.isPresent()
                    && !current.get().equals(request.getPresentAndNotEqual().getValueToCheck());
            case ABSENT_OR_EQUAL -> current -> current.isEmpty()
                    || current.get().equals(request.getAbsentOrEqual().getValueToCheck());
            case CONDITION_NOT_SET -> throw EngineRefusal.invalidArgument("SetIf needs a condition");
        };
    }

    @Override
    public void delete(_DeleteRequest request, StreamObserver<_DeleteResponse> out) {
        answer(out, () -> {
            storage.delete(cache(), request.getCacheKey());
            return _DeleteResponse.getDefaultInstance();
        });
    }

    @Override
    public void increment(_IncrementRequest request, StreamObserver<_IncrementResponse> out) {
        answer(out, () -> _IncrementResponse.newBuilder()
                .setValue(storage.increment(cache(), request.getCacheKey(), request.getAmount(),
                        request.getTtlMilliseconds()))
                .build());
    }

    @Override
    public void itemGetTtl(_ItemGetTtlRequest request, StreamObserver<_ItemGetTtlResponse> out) {
        answer(out, () -> {
            OptionalLong remaining = storage.remainingTtlMillis(cache(), request.getCacheKey());
            var response = _ItemGetTtlResponse.newBuilder();
            if (remaining.isPresent()) {
                response.setFound(_ItemGetTtlResponse._Found.newBuilder().setRemainingTtlMillis(remaining.getAsLong()));
            } else {
                response.setMissing(_ItemGetTtlResponse._Missing.getDefaultInstance());
            }
            return response.build();
        });
    }

    @Override
    public void updateTtl(_UpdateTtlRequest request, StreamObserver<_UpdateTtlResponse> out) {
        answer(out, () -> {
            CacheStorage.TtlMode mode;
            long ttl;
            switch (request.getUpdateTtlCase()) {
                case INCREASE_TO_MILLISECONDS -> {
                    mode = CacheStorage.TtlMode.INCREASE;
                    ttl = request.getIncreaseToMilliseconds();
                }
                case DECREASE_TO_MILLISECONDS -> {
                    mode = CacheStorage.TtlMode.DECREASE;
                    ttl = request.getDecreaseToMilliseconds();
                }
                case OVERWRITE_TO_MILLISECONDS -> {
                    mode = CacheStorage.TtlMode.OVERWRITE;
                    ttl = request.getOverwriteToMilliseconds();
                }
                default -> throw EngineRefusal.invalidArgument("UpdateTtl needs a new TTL");
            }
            var response = _UpdateTtlResponse.newBuilder();
            switch (storage.updateTtl(cache(), request.getCacheKey(), mode, ttl)) {
                case SET -> response.setSet(_UpdateTtlResponse._Set.getDefaultInstance());
                case NOT_SET -> response.setNotSet(_UpdateTtlResponse._NotSet.getDefaultInstance());
                case MISSING -> response.setMissing(_UpdateTtlResponse._Missing.getDefaultInstance());
            }
            return response.build();
        });
    }

    @Override
    public void keysExist(_KeysExistRequest request, StreamObserver<_KeysExistResponse> out) {
        answer(out, () -> {
            String cache = cache();
            var response = _KeysExistResponse.newBuilder();
            for (ByteString key : request.getCacheKeysList()) {
                response.addExists(storage.exists(cache, key));
            }
            return response.build();
        });
    }

    @Override
    public void itemGetType(_ItemGetTypeRequest request, StreamObserver<_ItemGetTypeResponse> out) {
        answer(out, () -> {
            var response = _ItemGetTypeResponse.newBuilder();
            storage.typeOf(cache(), request.getCacheKey()).ifPresentOrElse(
                    value -> response.setFound(_ItemGetTypeResponse._Found.newBuilder().setItemType(itemType(value))),
                    () -> response.setMissing(_ItemGetTypeResponse._Missing.getDefaultInstance()));
            return response.build();
        });
    }

    private static _ItemGetTypeResponse.ItemType itemType(ItemValue value) {
        if (value instanceof ItemValue.Dictionary) return _ItemGetTypeResponse.ItemType.DICTIONARY;
        if (value instanceof ItemValue.ListValue) return _ItemGetTypeResponse.ItemType.LIST;
        if (value instanceof ItemValue.SetValue) return _ItemGetTypeResponse.ItemType.SET;
        if (value instanceof ItemValue.SortedSetValue) return _ItemGetTypeResponse.ItemType.SORTED_SET;
        return _ItemGetTypeResponse.ItemType.SCALAR;
    }

    // ---- collections: each call is one step of its *Calls class

    @Override
    public void dictionarySet(_DictionarySetRequest request, StreamObserver<_DictionarySetResponse> out) {
        answer(out, () -> dictionaries.set(cache(), request));
    }

    @Override
    public void dictionaryGet(_DictionaryGetRequest request, StreamObserver<_DictionaryGetResponse> out) {
        answer(out, () -> dictionaries.get(cache(), request));
    }

    @Override
    public void dictionaryFetch(_DictionaryFetchRequest request, StreamObserver<_DictionaryFetchResponse> out) {
        answer(out, () -> dictionaries.fetch(cache(), request));
    }

    @Override
    public void dictionaryIncrement(_DictionaryIncrementRequest request, StreamObserver<_DictionaryIncrementResponse> out) {
        answer(out, () -> dictionaries.increment(cache(), request));
    }

    @Override
    public void dictionaryDelete(_DictionaryDeleteRequest request, StreamObserver<_DictionaryDeleteResponse> out) {
        answer(out, () -> dictionaries.delete(cache(), request));
    }

    @Override
    public void dictionaryLength(_DictionaryLengthRequest request, StreamObserver<_DictionaryLengthResponse> out) {
        answer(out, () -> dictionaries.length(cache(), request));
    }

    @Override
    public void listConcatenateFront(_ListConcatenateFrontRequest request, StreamObserver<_ListConcatenateFrontResponse> out) {
        answer(out, () -> lists.concatenateFront(cache(), request));
    }

    @Override
    public void listConcatenateBack(_ListConcatenateBackRequest request, StreamObserver<_ListConcatenateBackResponse> out) {
        answer(out, () -> lists.concatenateBack(cache(), request));
    }

    @Override
    public void listPushFront(_ListPushFrontRequest request, StreamObserver<_ListPushFrontResponse> out) {
        answer(out, () -> lists.pushFront(cache(), request));
    }

    @Override
    public void listPushBack(_ListPushBackRequest request, StreamObserver<_ListPushBackResponse> out) {
        answer(out, () -> lists.pushBack(cache(), request));
    }

    @Override
    public void listPopFront(_ListPopFrontRequest request, StreamObserver<_ListPopFrontResponse> out) {
        answer(out, () -> lists.popFront(cache(), request));
    }

    @Override
    public void listPopBack(_ListPopBackRequest request, StreamObserver<_ListPopBackResponse> out) {
        answer(out, () -> lists.popBack(cache(), request));
    }

    @Override
    public void listFetch(_ListFetchRequest request, StreamObserver<_ListFetchResponse> out) {
        answer(out, () -> lists.fetch(cache(), request));
    }

    @Override
    public void listRetain(_ListRetainRequest request, StreamObserver<_ListRetainResponse> out) {
        answer(out, () -> lists.retain(cache(), request));
    }

    @Override
    public void listRemove(_ListRemoveRequest request, StreamObserver<_ListRemoveResponse> out) {
        answer(out, () -> lists.remove(cache(), request));
    }

    @Override
    public void listErase(_ListEraseRequest request, StreamObserver<_ListEraseResponse> out) {
        answer(out, () -> lists.erase(cache(), request));
    }

    @Override
    public void listLength(_ListLengthRequest request, StreamObserver<_ListLengthResponse> out) {
        answer(out, () -> lists.length(cache(), request));
    }

    @Override
    public void setUnion(_SetUnionRequest request, StreamObserver<_SetUnionResponse> out) {
        answer(out, () -> sets.union(cache(), request));
    }

    @Override
    public void setDifference(_SetDifferenceRequest request, StreamObserver<_SetDifferenceResponse> out) {
        answer(out, () -> sets.difference(cache(), request));
    }

    @Override
    public void setFetch(_SetFetchRequest request, StreamObserver<_SetFetchResponse> out) {
        answer(out, () -> sets.fetch(cache(), request));
    }

    @Override
    public void setContains(_SetContainsRequest request, StreamObserver<_SetContainsResponse> out) {
        answer(out, () -> sets.contains(cache(), request));
    }

    @Override
    public void setLength(_SetLengthRequest request, StreamObserver<_SetLengthResponse> out) {
        answer(out, () -> sets.length(cache(), request));
    }

    @Override
    public void setSample(_SetSampleRequest request, StreamObserver<_SetSampleResponse> out) {
        answer(out, () -> sets.sample(cache(), request));
    }

    @Override
    public void setPop(_SetPopRequest request, StreamObserver<_SetPopResponse> out) {
        answer(out, () -> sets.pop(cache(), request));
    }

    @Override
    public void sortedSetPut(_SortedSetPutRequest request, StreamObserver<_SortedSetPutResponse> out) {
        answer(out, () -> sortedSets.put(cache(), request));
    }

    @Override
    public void sortedSetFetch(_SortedSetFetchRequest request, StreamObserver<_SortedSetFetchResponse> out) {
        answer(out, () -> sortedSets.fetch(cache(), request));
    }

    @Override
    public void sortedSetGetScore(_SortedSetGetScoreRequest request, StreamObserver<_SortedSetGetScoreResponse> out) {
        answer(out, () -> sortedSets.getScore(cache(), request));
    }

    @Override
    public void sortedSetGetRank(_SortedSetGetRankRequest request, StreamObserver<_SortedSetGetRankResponse> out) {
        answer(out, () -> sortedSets.getRank(cache(), request));
    }

    @Override
    public void sortedSetIncrement(_SortedSetIncrementRequest request, StreamObserver<_SortedSetIncrementResponse> out) {
        answer(out, () -> sortedSets.increment(cache(), request));
    }

    @Override
    public void sortedSetRemove(_SortedSetRemoveRequest request, StreamObserver<_SortedSetRemoveResponse> out) {
        answer(out, () -> sortedSets.remove(cache(), request));
    }

    @Override
    public void sortedSetLength(_SortedSetLengthRequest request, StreamObserver<_SortedSetLengthResponse> out) {
        answer(out, () -> sortedSets.length(cache(), request));
    }

    @Override
    public void sortedSetLengthByScore(_SortedSetLengthByScoreRequest request, StreamObserver<_SortedSetLengthByScoreResponse> out) {
        answer(out, () -> sortedSets.lengthByScore(cache(), request));
    }

    private static String cache() {
        return CallerCheck.CACHE_NAME.get();
    }

    static <T> void answer(StreamObserver<T> out, Supplier<T> operation) {
        T response;
        try {
            response = operation.get();
        } catch (StatusRuntimeException refused) {
            out.onError(refused);
            return;
        } catch (RuntimeException bug) {
            // a fault of the engine's own: INTERNAL, as the service answers its faults, not gRPC's UNKNOWN
            out.onError(io.grpc.Status.INTERNAL.withDescription("The embedded cache failed: " + bug.getClass().getSimpleName())
                    .withCause(bug).asRuntimeException());
            return;
        }
        out.onNext(response);
        out.onCompleted();
    }
}
