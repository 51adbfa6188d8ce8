package dev.cruddur.admin.cacheengine;

import com.google.protobuf.ByteString;
import grpc.cache_client._SetContainsRequest;
import grpc.cache_client._SetContainsResponse;
import grpc.cache_client._SetDifferenceRequest;
import grpc.cache_client._SetDifferenceResponse;
import grpc.cache_client._SetFetchRequest;
import grpc.cache_client._SetFetchResponse;
import grpc.cache_client._SetLengthRequest;
import grpc.cache_client._SetLengthResponse;
import grpc.cache_client._SetPopRequest;
import grpc.cache_client._SetPopResponse;
import grpc.cache_client._SetSampleRequest;
import grpc.cache_client._SetSampleResponse;
import grpc.cache_client._SetUnionRequest;
import grpc.cache_client._SetUnionResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Momento's set calls: distinct elements under one key. */
final class SetCalls {
    private final CacheStorage storage;

    SetCalls(CacheStorage storage) {
        this.storage = storage;
    }

    _SetUnionResponse union(String cache, _SetUnionRequest r) {
        long added = CollectionLimits.requireElements(r.getElementsList());
        storage.writeCollection(cache, r.getSetName(), ItemValue.SetValue.class, ItemValue.SetValue::new,
                new CacheStorage.CollectionTtl(r.getTtlMilliseconds(), r.getRefreshTtl()), added, set -> {
                    r.getElementsList().forEach(set::add);
                    return null;
                });
        return _SetUnionResponse.getDefaultInstance();
    }

    _SetDifferenceResponse difference(String cache, _SetDifferenceRequest r) {
        var response = _SetDifferenceResponse.newBuilder();
        boolean found;
        if (r.hasSubtrahend()) {
            found = storage.changeCollection(cache, r.getSetName(), ItemValue.SetValue.class, set -> {
                List<ByteString> gone = r.getSubtrahend().hasIdentity()
                        ? new ArrayList<>(set.elements) : r.getSubtrahend().getSet().getElementsList();
                gone.forEach(set::remove);
                return true;
            }).isPresent();
        } else {
            // a minuend would add to the set; the SDKs never send one
            throw EngineRefusal.invalidArgument("SetDifference takes a subtrahend");
        }
        return (found ? response.setFound(_SetDifferenceResponse._Found.getDefaultInstance())
                : response.setMissing(_SetDifferenceResponse._Missing.getDefaultInstance())).build();
    }

    _SetFetchResponse fetch(String cache, _SetFetchRequest r) {
        var response = _SetFetchResponse.newBuilder();
        storage.readCollection(cache, r.getSetName(), ItemValue.SetValue.class, set -> List.copyOf(set.elements))
                .ifPresentOrElse(e -> response.setFound(_SetFetchResponse._Found.newBuilder().addAllElements(e)),
                        () -> response.setMissing(_SetFetchResponse._Missing.getDefaultInstance()));
        return response.build();
    }

    _SetContainsResponse contains(String cache, _SetContainsRequest r) {
        var response = _SetContainsResponse.newBuilder();
        storage.readCollection(cache, r.getSetName(), ItemValue.SetValue.class,
                        set -> r.getElementsList().stream().map(set.elements::contains).toList())
                .ifPresentOrElse(c -> response.setFound(_SetContainsResponse._Found.newBuilder().addAllContains(c)),
                        () -> response.setMissing(_SetContainsResponse._Missing.getDefaultInstance()));
        return response.build();
    }

    _SetLengthResponse length(String cache, _SetLengthRequest r) {
        var response = _SetLengthResponse.newBuilder();
        storage.readCollection(cache, r.getSetName(), ItemValue.SetValue.class, set -> set.elements.size())
                .ifPresentOrElse(n -> response.setFound(_SetLengthResponse._Found.newBuilder().setLength(n)),
                        () -> response.setMissing(_SetLengthResponse._Missing.getDefaultInstance()));
        return response.build();
    }

    _SetSampleResponse sample(String cache, _SetSampleRequest r) {
        long limit = r.getLimit();
        var response = _SetSampleResponse.newBuilder();
        storage.readCollection(cache, r.getSetName(), ItemValue.SetValue.class, set -> {
            List<ByteString> all = new ArrayList<>(set.elements);
            Collections.shuffle(all, ThreadLocalRandom.current());
            return all.subList(0, (int) Math.min(all.size(), limit < 0 ? Long.MAX_VALUE : limit));
        }).ifPresentOrElse(e -> response.setFound(_SetSampleResponse._Found.newBuilder().addAllElements(e)),
                () -> response.setMissing(_SetSampleResponse._Missing.getDefaultInstance()));
        return response.build();
    }

    _SetPopResponse pop(String cache, _SetPopRequest r) {
        var response = _SetPopResponse.newBuilder();
        storage.changeCollection(cache, r.getSetName(), ItemValue.SetValue.class, set -> {
            List<ByteString> all = new ArrayList<>(set.elements);
            Collections.shuffle(all, ThreadLocalRandom.current());
            List<ByteString> popped = List.copyOf(all.subList(0, Math.min(all.size(), Math.max(1, r.getCount()))));
            popped.forEach(set::remove);
            return popped;
        }).ifPresentOrElse(e -> response.setFound(_SetPopResponse._Found.newBuilder().addAllElements(e)),
                () -> response.setMissing(_SetPopResponse._Missing.getDefaultInstance()));
        return response.build();
    }
}
