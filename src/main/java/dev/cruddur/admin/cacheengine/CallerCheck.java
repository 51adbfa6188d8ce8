package dev.cruddur.admin.cacheengine;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Reads the two headers the Momento SDK sends with every call: {@code authorization} (checked
 * against the configured token, if any) and {@code cache} (the data plane's cache name, handed
 * to the services through the gRPC context).
 */
final class CallerCheck implements ServerInterceptor {
    static final Context.Key<String> CACHE_NAME = Context.key("momento-cache-name");

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> CACHE =
            Metadata.Key.of("cache", Metadata.ASCII_STRING_MARSHALLER);

    private final Optional<byte[]> token;
    // what Momento's SDKs send for a v1-shaped token: its api_key part (see CacheToken)
    private final Optional<byte[]> tokenApiKey;

    CallerCheck(Optional<String> token) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.tokenApiKey = token.flatMap(CacheToken::apiKeyOf).map(k -> k.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        if (token.isPresent()) {
            String presented = headers.get(AUTHORIZATION);
            byte[] presentedBytes = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
            // constant time, so the check leaks nothing about how much of the key matched
            boolean whole = MessageDigest.isEqual(token.get(), presentedBytes);
            boolean apiKey = tokenApiKey.isPresent() && MessageDigest.isEqual(tokenApiKey.get(), presentedBytes);
            if (!whole && !apiKey) {
                call.close(Status.UNAUTHENTICATED.withDescription("Invalid API key"), new Metadata());
                return new ServerCall.Listener<>() {};
            }
        }
        String cache = headers.get(CACHE);
        Context context = Context.current().withValue(CACHE_NAME, cache == null ? "" : cache);
        return Contexts.interceptCall(context, call, headers, next);
    }
}
