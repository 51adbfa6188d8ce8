package dev.cruddur.admin.cacheengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import grpc.cache_client.ECacheResult;
import grpc.cache_client.ScsGrpc;
import grpc.cache_client._DictionaryFetchRequest;
import grpc.cache_client._GetBatchRequest;
import grpc.cache_client._GetRequest;
import grpc.cache_client._GetResponse;
import grpc.cache_client._SetIfRequest;
import grpc.cache_client._SetRequest;
import grpc.common.Equal;
import grpc.control_client.ScsControlGrpc;
import grpc.control_client._CreateCacheRequest;
import grpc.control_client._ListCachesRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server through the generated stubs, as any Momento client would reach it. */
class EmbeddedCacheServerTest {

    private static Metadata headers(String authorization, String cache) {
        Metadata headers = new Metadata();
        if (authorization != null) {
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
        }
        if (cache != null) {
            headers.put(Metadata.Key.of("cache", Metadata.ASCII_STRING_MARSHALLER), cache);
        }
        return headers;
    }

    private static ManagedChannel channel(EmbeddedCacheServer server) {
        return NettyChannelBuilder.forAddress(server.host(), server.port()).usePlaintext().build();
    }

    private static ScsGrpc.ScsBlockingStub data(ManagedChannel channel, String authorization, String cache) {
        return ScsGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers(authorization, cache)))
                .withDeadlineAfter(2, TimeUnit.SECONDS);
    }

    private static ScsControlGrpc.ScsControlBlockingStub control(ManagedChannel channel, String authorization) {
        return ScsControlGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers(authorization, null)))
                .withDeadlineAfter(2, TimeUnit.SECONDS);
    }

    private static Status.Code codeOf(Callable<?> call) throws Exception {
        try {
            call.call();
        } catch (StatusRuntimeException refused) {
            return refused.getStatus().getCode();
        }
        return Status.Code.OK;
    }

    private static ByteString bytes(String text) {
        return ByteString.copyFromUtf8(text);
    }

    @Test
    void listensOnAFreeLoopbackPortAndLetsGoOfItOnClose() throws Exception {
        int port;
        try (EmbeddedCacheServer server = EmbeddedCacheServer.start(0)) {
            port = server.port();
            assertThat(port).isPositive();
            assertThat(server.host()).isEqualTo(InetAddress.getLoopbackAddress().getHostAddress());
        }
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void initialCachesAreListedWithMomentosLimits() throws Exception {
        try (EmbeddedCacheServer server = EmbeddedCacheServer.start(CacheEngineConfig.onPort(0).withCaches("cruddur", "b"))) {
            ManagedChannel channel = channel(server);
            try {
                var caches = control(channel, "").listCaches(_ListCachesRequest.getDefaultInstance()).getCacheList();
                assertThat(caches).extracting(c -> c.getCacheName()).containsExactly("b", "cruddur");
                assertThat(caches.get(0).getCacheLimits().getMaxTtlSeconds()).isEqualTo(86_400);
                // 5,000,000 bytes, rounded up to KiB; the service's default request rate and throughput
                assertThat(caches.get(0).getCacheLimits().getMaxItemSizeKb()).isEqualTo(4_883);
                assertThat(caches.get(0).getCacheLimits().getMaxTrafficRate()).isEqualTo(100);
                assertThat(caches.get(0).getCacheLimits().getMaxThroughputKbps()).isEqualTo(1024);
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void enforcedRateLimitsAreTheOnesListed() throws Exception {
        CacheEngineConfig config = CacheEngineConfig.onPort(0).withCaches("cruddur").withRateLimits(CacheRateLimits.enforced(5, 64));
        try (EmbeddedCacheServer server = EmbeddedCacheServer.start(config)) {
            ManagedChannel channel = channel(server);
            try {
                var limits = control(channel, "").listCaches(_ListCachesRequest.getDefaultInstance()).getCache(0).getCacheLimits();
                assertThat(limits.getMaxTrafficRate()).isEqualTo(5);
                assertThat(limits.getMaxThroughputKbps()).isEqualTo(64);
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void setIfHonoursEachCondition() throws Exception {
        try (EmbeddedCacheServer server = EmbeddedCacheServer.start(CacheEngineConfig.onPort(0).withCaches("cruddur"))) {
            ManagedChannel channel = channel(server);
            try {
                var stub = data(channel, "", "cruddur");
                stub.set(_SetRequest.newBuilder().setCacheKey(bytes("k")).setCacheBody(bytes("v1")).setTtlMilliseconds(60_000).build());
                var equalOther = _SetIfRequest.newBuilder().setCacheKey(bytes("k")).setCacheBody(bytes("v2"))
                        .setTtlMilliseconds(60_000).setEqual(Equal.newBuilder().setValueToCheck(bytes("other"))).build();
                assertThat(stub.setIf(equalOther).hasNotStored()).isTrue();
                var equalV1 = equalOther.toBuilder().setEqual(Equal.newBuilder().setValueToCheck(bytes("v1"))).build();
                assertThat(stub.setIf(equalV1).hasStored()).isTrue();
                var get = stub.get(_GetRequest.newBuilder().setCacheKey(bytes("k")).build());
                assertThat(get.getResult()).isEqualTo(ECacheResult.Hit);
                assertThat(get.getCacheBody()).isEqualTo(bytes("v2"));
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void dataCallsMustNameAnExistingCache() throws Exception {
        try (EmbeddedCacheServer server = EmbeddedCacheServer.start(CacheEngineConfig.onPort(0).withCaches("cruddur"))) {
            ManagedChannel channel = channel(server);
            try {
                var get = _GetRequest.newBuilder().setCacheKey(bytes("k")).build();
                assertThat(codeOf(() -> data(channel, "", null).get(get))).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(codeOf(() -> data(channel, "", "nope").get(get))).isEqualTo(Status.Code.NOT_FOUND);
                assertThat(data(channel, "", "cruddur").get(get).getResult()).isEqualTo(ECacheResult.Miss);
            } finally {
                channel.shutdownNow();
            }
        }
    }

    private static _GetBatchRequest batch(String... keys) {
        var request = _GetBatchRequest.newBuilder();
        for (String key : keys) {
            request.addItems(_GetRequest.newBuilder().setCacheKey(bytes(key)));
        }
        return request.build();
    }

    /** Reads the whole stream, so a refusal surfaces as it would for a unary call. */
    private static List<_GetResponse> drain(ScsGrpc.ScsBlockingStub stub, _GetBatchRequest request) {
        List<_GetResponse> answers = new ArrayList<>();
        stub.getBatch(request).forEachRemaining(answers::add);
        return answers;
    }

    @Test
    void getBatchAnswersEachItemInOrderAsGetWould() throws Exception {
        try (EmbeddedCacheServer server = EmbeddedCacheServer.start(CacheEngineConfig.onPort(0).withCaches("cruddur"))) {
            ManagedChannel channel = channel(server);
            try {
                var stub = data(channel, "", "cruddur");
                for (String key : List.of("a", "c")) {
                    stub.set(_SetRequest.newBuilder().setCacheKey(bytes(key)).setCacheBody(bytes("value of " + key))
                            .setTtlMilliseconds(60_000).build());
                }
                List<_GetResponse> answers = drain(stub, batch("c", "b", "a", "c"));
                assertThat(answers).extracting(_GetResponse::getResult)
                        .containsExactly(ECacheResult.Hit, ECacheResult.Miss, ECacheResult.Hit, ECacheResult.Hit);
                assertThat(answers).extracting(a -> a.getCacheBody().toStringUtf8())
                        .containsExactly("value of c", "", "value of a", "value of c");
                assertThat(drain(stub, batch())).isEmpty();
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void getBatchIsRefusedAsGetIsAndNeverHalfAnswered() throws Exception {
        try (EmbeddedCacheServer server = EmbeddedCacheServer.startWithToken(0, "the-right-token")) {
            ManagedChannel channel = channel(server);
            try {
                var create = _CreateCacheRequest.newBuilder().setCacheName("cruddur").build();
                control(channel, "the-right-token").createCache(create);
                var good = batch("k");
                assertThat(codeOf(() -> drain(data(channel, "wrong", "cruddur"), good))).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(codeOf(() -> drain(data(channel, null, "cruddur"), good))).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(codeOf(() -> drain(data(channel, "the-right-token", null), good))).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(codeOf(() -> drain(data(channel, "the-right-token", "nope"), good))).isEqualTo(Status.Code.NOT_FOUND);
                // the cache is checked even with nothing to read
                assertThat(codeOf(() -> drain(data(channel, "the-right-token", "nope"), batch()))).isEqualTo(Status.Code.NOT_FOUND);
                // an empty key is a key like any other (the service accepts it)
                assertThat(drain(data(channel, "the-right-token", "cruddur"), batch("k", ""))).extracting(_GetResponse::getResult)
                        .containsExactly(ECacheResult.Miss, ECacheResult.Miss);
                assertThat(drain(data(channel, "the-right-token", "cruddur"), good)).extracting(_GetResponse::getResult)
                        .containsExactly(ECacheResult.Miss);
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void listEraseRemovesRangesOfTheListAsItWas() throws Exception {
        try (EmbeddedCacheServer server = EmbeddedCacheServer.start(CacheEngineConfig.onPort(0).withCaches("cruddur"))) {
            ManagedChannel channel = channel(server);
            try {
                var fetch = _DictionaryFetchRequest.newBuilder().setDictionaryName(bytes("d")).build();
                assertThat(data(channel, "", "cruddur").dictionaryFetch(fetch).hasMissing()).isTrue();
                data(channel, "", "cruddur").listConcatenateBack(grpc.cache_client._ListConcatenateBackRequest.newBuilder().setListName(bytes("l"))
                        .addAllValues(List.of(bytes("a"), bytes("b"), bytes("c"), bytes("d"), bytes("e")))
                        .setTtlMilliseconds(60_000).build());
                var ranges = grpc.cache_client._ListEraseRequest._ListRanges.newBuilder()
                        .addRanges(grpc.cache_client._ListRange.newBuilder().setBeginIndex(0).setCount(1))
                        .addRanges(grpc.cache_client._ListRange.newBuilder().setBeginIndex(3).setCount(10));
                var erased = data(channel, "", "cruddur").listErase(grpc.cache_client._ListEraseRequest.newBuilder().setListName(bytes("l")).setSome(ranges).build());
                assertThat(erased.getFound().getListLength()).isEqualTo(2);
                var left = data(channel, "", "cruddur").listFetch(grpc.cache_client._ListFetchRequest.newBuilder().setListName(bytes("l")).build());
                assertThat(left.getFound().getValuesList()).containsExactly(bytes("b"), bytes("c"));
                var all = grpc.cache_client._ListEraseRequest.newBuilder().setListName(bytes("l"))
                        .setAll(grpc.cache_client._ListEraseRequest._All.getDefaultInstance()).build();
                assertThat(data(channel, "", "cruddur").listErase(all).getFound().getListLength()).isZero();
                assertThat(data(channel, "", "cruddur").listErase(all).hasMissing()).isTrue();
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void withATokenBothPlanesRefuseAnyOtherAuthorization() throws Exception {
        try (EmbeddedCacheServer server = EmbeddedCacheServer.startWithToken(0, "the-right-token")) {
            assertThat(server.requiresToken()).isTrue();
            assertThat(server.toString()).doesNotContain("the-right-token");
            ManagedChannel channel = channel(server);
            try {
                var create = _CreateCacheRequest.newBuilder().setCacheName("cruddur").build();
                assertThat(codeOf(() -> control(channel, "wrong").createCache(create))).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(codeOf(() -> control(channel, null).createCache(create))).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(codeOf(() -> control(channel, "the-right-token").createCache(create))).isEqualTo(Status.Code.OK);
                var get = _GetRequest.newBuilder().setCacheKey(bytes("k")).build();
                assertThat(codeOf(() -> data(channel, "the-right-token-and-more", "cruddur").get(get)))
                        .isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(codeOf(() -> data(channel, "the-right-token", "cruddur").get(get))).isEqualTo(Status.Code.OK);
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void sweeperRemovesExpiredItemsNobodyReads() throws Exception {
        CacheEngineConfig config = new CacheEngineConfig(0, Optional.empty(), List.of("cruddur"),
                Duration.ofHours(24), 1024, Duration.ofMillis(50));
        try (EmbeddedCacheServer server = EmbeddedCacheServer.start(config)) {
            ManagedChannel channel = channel(server);
            try {
                var stub = data(channel, "", "cruddur");
                stub.set(_SetRequest.newBuilder().setCacheKey(bytes("k")).setCacheBody(bytes("v")).setTtlMilliseconds(1_000).build());
                assertThat(server.itemCount()).isEqualTo(1);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (server.itemCount() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(server.itemCount()).isZero();
            } finally {
                channel.shutdownNow();
            }
        }
    }
}
