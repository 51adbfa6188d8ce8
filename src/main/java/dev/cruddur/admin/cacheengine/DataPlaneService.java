package dev.cruddur.admin.cacheengine;

import com.google.protobuf.ByteString;
import grpc.cache_client.ECacheResult;
import grpc.cache_client.ScsGrpc;
import grpc.cache_client._DeleteRequest;
import grpc.cache_client._DeleteResponse;
import grpc.cache_client._GetBatchRequest;
import grpc.cache_client._GetRequest;
import grpc.cache_client._GetResponse;
import grpc.cache_client._IncrementRequest;
import grpc.cache_client._IncrementResponse;
import grpc.cache_client._ItemGetTtlRequest;
import grpc.cache_client._ItemGetTtlResponse;
import grpc.cache_client._ItemGetTypeRequest;
import grpc.cache_client._ItemGetTypeResponse;
import grpc.cache_client._KeysExistRequest;
import grpc.cache_client._KeysExistResponse;
import grpc.cache_client._SetIfNotExistsRequest;
import grpc.cache_client._SetIfNotExistsResponse;
import grpc.cache_client._SetIfRequest;
import grpc.cache_client._SetIfResponse;
import grpc.cache_client._SetRequest;
import grpc.cache_client._SetResponse;
import grpc.cache_client._UpdateTtlRequest;
import grpc.cache_client._UpdateTtlResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Momento's data plane ({@code cache_client.Scs}) for scalar items, GetBatch included. SetBatch
 * and the collection RPCs are left to the generated base class, which answers UNIMPLEMENTED.
 */
final class DataPlaneService extends ScsGrpc.ScsImplBase {
    private final CacheStorage storage;

    DataPlaneService(CacheStorage storage) {
        this.storage = storage;
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
            if (storage.exists(cache(), request.getCacheKey())) {
                // the engine stores scalars only
                response.setFound(_ItemGetTypeResponse._Found.newBuilder()
                        .setItemType(_ItemGetTypeResponse.ItemType.SCALAR));
            } else {
                response.setMissing(_ItemGetTypeResponse._Missing.getDefaultInstance());
            }
            return response.build();
        });
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
        }
        out.onNext(response);
        out.onCompleted();
    }
}
