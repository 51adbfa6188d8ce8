package dev.cruddur.admin.cacheengine;

import com.google.protobuf.ByteString;
import grpc.cache_client.ECacheResult;
import grpc.cache_client._DictionaryDeleteRequest;
import grpc.cache_client._DictionaryDeleteResponse;
import grpc.cache_client._DictionaryFetchRequest;
import grpc.cache_client._DictionaryFetchResponse;
import grpc.cache_client._DictionaryFieldValuePair;
import grpc.cache_client._DictionaryGetRequest;
import grpc.cache_client._DictionaryGetResponse;
import grpc.cache_client._DictionaryIncrementRequest;
import grpc.cache_client._DictionaryIncrementResponse;
import grpc.cache_client._DictionaryLengthRequest;
import grpc.cache_client._DictionaryLengthResponse;
import grpc.cache_client._DictionarySetRequest;
import grpc.cache_client._DictionarySetResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Momento's dictionary calls: fields and values under one key. */
final class DictionaryCalls {
    private final CacheStorage storage;

    DictionaryCalls(CacheStorage storage) {
        this.storage = storage;
    }

    _DictionarySetResponse set(String cache, _DictionarySetRequest request) {
        long added = 0;
        for (_DictionaryFieldValuePair pair : request.getItemsList()) {
            added += CollectionLimits.requireElement(pair.getField()) + CollectionLimits.requireElement(pair.getValue());
        }
        storage.writeCollection(cache, request.getDictionaryName(), ItemValue.Dictionary.class, ItemValue.Dictionary::new,
                new CacheStorage.CollectionTtl(request.getTtlMilliseconds(), request.getRefreshTtl()), added, dictionary -> {
                    request.getItemsList().forEach(pair -> dictionary.put(pair.getField(), pair.getValue()));
                    return null;
                });
        return _DictionarySetResponse.getDefaultInstance();
    }

    _DictionaryGetResponse get(String cache, _DictionaryGetRequest request) {
        Optional<List<Optional<ByteString>>> values = storage.readCollection(cache, request.getDictionaryName(),
                ItemValue.Dictionary.class, dictionary -> {
                    List<Optional<ByteString>> found = new ArrayList<>();
                    request.getFieldsList().forEach(field -> found.add(Optional.ofNullable(dictionary.fields.get(field))));
                    return found;
                });
        var response = _DictionaryGetResponse.newBuilder();
        if (values.isEmpty()) {
            return response.setMissing(_DictionaryGetResponse._Missing.getDefaultInstance()).build();
        }
        var found = _DictionaryGetResponse._Found.newBuilder();
        for (Optional<ByteString> value : values.get()) {
            var part = _DictionaryGetResponse._DictionaryGetResponsePart.newBuilder();
            value.ifPresentOrElse(v -> part.setResult(ECacheResult.Hit).setCacheBody(v), () -> part.setResult(ECacheResult.Miss));
            found.addItems(part);
        }
        return response.setFound(found).build();
    }

    _DictionaryFetchResponse fetch(String cache, _DictionaryFetchRequest request) {
        Optional<List<_DictionaryFieldValuePair>> pairs = storage.readCollection(cache, request.getDictionaryName(),
                ItemValue.Dictionary.class, dictionary -> dictionary.fields.entrySet().stream()
                        .map(e -> _DictionaryFieldValuePair.newBuilder().setField(e.getKey()).setValue(e.getValue()).build())
                        .toList());
        var response = _DictionaryFetchResponse.newBuilder();
        return pairs.map(p -> response.setFound(_DictionaryFetchResponse._Found.newBuilder().addAllItems(p)))
                .orElseGet(() -> response.setMissing(_DictionaryFetchResponse._Missing.getDefaultInstance()))
                .build();
    }

    _DictionaryIncrementResponse increment(String cache, _DictionaryIncrementRequest request) {
        ByteString field = request.getField();
        CollectionLimits.requireElement(field);
        long value = storage.writeCollection(cache, request.getDictionaryName(), ItemValue.Dictionary.class,
                ItemValue.Dictionary::new, new CacheStorage.CollectionTtl(request.getTtlMilliseconds(), request.getRefreshTtl()),
                field.size() + 20L, dictionary -> {
                    ByteString current = dictionary.fields.get(field);
                    long base = current == null ? 0 : CacheStorage.parseCounter(current);
                    long result;
                    try {
                        result = Math.addExact(base, request.getAmount());
                    } catch (ArithmeticException overflow) {
                        throw EngineRefusal.failedPrecondition("Incrementing the field would overflow a 64-bit integer");
                    }
                    dictionary.put(field, ByteString.copyFrom(Long.toString(result), StandardCharsets.US_ASCII));
                    return result;
                });
        return _DictionaryIncrementResponse.newBuilder().setValue(value).build();
    }

    _DictionaryDeleteResponse delete(String cache, _DictionaryDeleteRequest request) {
        if (request.hasAll()) {
            storage.changeCollection(cache, request.getDictionaryName(), ItemValue.Dictionary.class, dictionary -> {
                new ArrayList<>(dictionary.fields.keySet()).forEach(dictionary::remove);
                return true;
            });
        } else {
            storage.changeCollection(cache, request.getDictionaryName(), ItemValue.Dictionary.class, dictionary -> {
                request.getSome().getFieldsList().forEach(dictionary::remove);
                return true;
            });
        }
        return _DictionaryDeleteResponse.getDefaultInstance();
    }

    _DictionaryLengthResponse length(String cache, _DictionaryLengthRequest request) {
        var response = _DictionaryLengthResponse.newBuilder();
        storage.readCollection(cache, request.getDictionaryName(), ItemValue.Dictionary.class, d -> d.fields.size())
                .ifPresentOrElse(n -> response.setFound(_DictionaryLengthResponse._Found.newBuilder().setLength(n)),
                        () -> response.setMissing(_DictionaryLengthResponse._Missing.getDefaultInstance()));
        return response.build();
    }
}
