package dev.cruddur.admin.cache;

import com.google.protobuf.ByteString;
import grpc.cache_client.ScsGrpc;
import grpc.cache_client._ItemGetTypeRequest;
import grpc.cache_client._ItemGetTypeResponse;
import grpc.cache_client._KeysExistRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import momento.sdk.auth.CredentialProvider;
import momento.sdk.config.Configuration;
import momento.sdk.internal.GrpcChannelOptions;

/**
 * The two data-plane questions Momento's protocol answers but SDK 1.21's {@code CacheClient}
 * does not ask: KeysExist and ItemGetType. Same endpoint, TLS choice and headers as the SDK
 * ({@code authorization}, {@code cache}), through the generated stubs.
 */
final class DataPlaneProbe implements AutoCloseable {
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> CACHE = Metadata.Key.of("cache", Metadata.ASCII_STRING_MARSHALLER);

    // gRPC takes an idle timeout of 30 days or more as "never idle"
    private static final long IDLE_MODE_OFF_DAYS = 30;

    private final ManagedChannel channel;
    private final String token;
    private final Duration timeout;

    DataPlaneProbe(CredentialProvider credentials, Configuration configuration, Duration timeout) {
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(credentials.getCacheEndpoint(), credentials.getPort());
        // the SDK's own channel settings (TLS choice, no retry, its keepalive pings with or without calls)
        GrpcChannelOptions.applyGrpcConfigurationToChannelBuilder(
                configuration.getTransportStrategy().getGrpcConfiguration(), builder, credentials.isEndpointSecure());
        // and no client idle mode: gRPC would otherwise close this connection after 30 idle minutes
        // (see ChannelKeeper); the keepalive above keeps the held connection honest
        builder.idleTimeout(IDLE_MODE_OFF_DAYS, TimeUnit.DAYS);
        this.channel = builder.build();
        this.token = credentials.getAuthToken();
        this.timeout = timeout;
    }

    /** @throws io.grpc.StatusRuntimeException when the server refuses or does not answer */
    List<Boolean> keysExist(String cache, List<String> keys) {
        var request = _KeysExistRequest.newBuilder();
        keys.forEach(key -> request.addCacheKeys(ByteString.copyFrom(key, StandardCharsets.UTF_8)));
        return stub(cache).keysExist(request.build()).getExistsList();
    }

    /** @throws io.grpc.StatusRuntimeException when the server refuses or does not answer */
    ItemType itemType(String cache, String key) {
        _ItemGetTypeResponse response = stub(cache).itemGetType(_ItemGetTypeRequest.newBuilder()
                .setCacheKey(ByteString.copyFrom(key, StandardCharsets.UTF_8)).build());
        if (!response.hasFound()) {
            return ItemType.MISSING;
        }
        return switch (response.getFound().getItemType()) {
            case SCALAR -> ItemType.SCALAR;
            case DICTIONARY -> ItemType.DICTIONARY;
            case SET -> ItemType.SET;
            case LIST -> ItemType.LIST;
            case SORTED_SET -> ItemType.SORTED_SET;
            case UNRECOGNIZED -> throw new IllegalStateException("the cache named an item type this client does not know");
        };
    }

    private ScsGrpc.ScsBlockingStub stub(String cache) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, token);
        headers.put(CACHE, cache);
        return ScsGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
