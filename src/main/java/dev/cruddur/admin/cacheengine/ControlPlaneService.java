package dev.cruddur.admin.cacheengine;

import grpc.control_client.ScsControlGrpc;
import grpc.control_client._Cache;
import grpc.control_client._CacheLimits;
import grpc.control_client._CreateCacheRequest;
import grpc.control_client._CreateCacheResponse;
import grpc.control_client._DeleteCacheRequest;
import grpc.control_client._DeleteCacheResponse;
import grpc.control_client._FlushCacheRequest;
import grpc.control_client._FlushCacheResponse;
import grpc.control_client._ListCachesRequest;
import grpc.control_client._ListCachesResponse;
import io.grpc.stub.StreamObserver;

/** Momento's control plane ({@code control_client.ScsControl}): caches, not signing keys. */
final class ControlPlaneService extends ScsControlGrpc.ScsControlImplBase {
    private final CacheStorage storage;
    private final CacheRateLimits rateLimits;

    ControlPlaneService(CacheStorage storage, CacheRateLimits rateLimits) {
        this.storage = storage;
        this.rateLimits = rateLimits;
    }

    @Override
    public void createCache(_CreateCacheRequest request, StreamObserver<_CreateCacheResponse> out) {
        DataPlaneService.answer(out, () -> {
            storage.createCache(request.getCacheName());
            return _CreateCacheResponse.getDefaultInstance();
        });
    }

    @Override
    public void deleteCache(_DeleteCacheRequest request, StreamObserver<_DeleteCacheResponse> out) {
        DataPlaneService.answer(out, () -> {
            storage.deleteCache(request.getCacheName());
            return _DeleteCacheResponse.getDefaultInstance();
        });
    }

    @Override
    public void flushCache(_FlushCacheRequest request, StreamObserver<_FlushCacheResponse> out) {
        DataPlaneService.answer(out, () -> {
            storage.flushCache(request.getCacheName());
            return _FlushCacheResponse.getDefaultInstance();
        });
    }

    @Override
    public void listCaches(_ListCachesRequest request, StreamObserver<_ListCachesResponse> out) {
        DataPlaneService.answer(out, () -> {
            _CacheLimits limits = _CacheLimits.newBuilder()
                    // 5,000,000 bytes reads 4,883 KiB (rounded up, so the limit is never understated)
                    .setMaxItemSizeKb((int) Math.min(Integer.MAX_VALUE, (storage.maxItemBytes() + 1023) / 1024))
                    .setMaxTtlSeconds(storage.maxTtlMillis() / 1000)
                    .setMaxTrafficRate(rateLimits.operationsPerSecond())
                    .setMaxThroughputKbps(rateLimits.kibPerSecond())
                    .build();
            var response = _ListCachesResponse.newBuilder();
            for (String name : storage.cacheNames()) {
                response.addCache(_Cache.newBuilder().setCacheName(name).setCacheLimits(limits));
            }
            return response.build();
        });
    }
}
