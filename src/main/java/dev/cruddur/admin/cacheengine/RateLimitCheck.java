package dev.cruddur.admin.cacheengine;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import com.google.protobuf.MessageLite;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Holds each cache's data-plane calls to its {@link CacheRateLimits}, as Momento's service does:
 * a call beyond the request rate, or made while the cache's throughput is spent, is refused with
 * RESOURCE_EXHAUSTED and the {@code err} trailer the SDKs read ({@code operations_rate_limit_exceeded},
 * {@code throughput_rate_limit_exceeded}), which they report as LIMIT_EXCEEDED.
 *
 * <p>Both budgets refill continuously and hold at most one second's worth. A call's bytes (its
 * request and its response) are charged as they pass, so one large item is served and then the
 * cache waits while the budget climbs back above zero: an item over a second's throughput is not
 * refused for its size alone (the item limit does that).
 */
final class RateLimitCheck implements ServerInterceptor {
    private static final Metadata.Key<String> CACHE = Metadata.Key.of("cache", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> ERR = Metadata.Key.of("err", Metadata.ASCII_STRING_MARSHALLER);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final CacheRateLimits limits;
    private final LongSupplier nanoClock;
    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

    RateLimitCheck(CacheRateLimits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String cache = headers.get(CACHE);
        Budget budget = budgets.computeIfAbsent(cache == null ? "" : cache, name -> new Budget(limits, nanoClock.getAsLong()));
        String refusal = budget.admit(nanoClock.getAsLong());
        if (refusal != null) {
            Metadata trailers = new Metadata();
            trailers.put(ERR, refusal);
            call.close(Status.RESOURCE_EXHAUSTED.withDescription(describe(refusal, cache)), trailers);
            return new ServerCall.Listener<>() {};
        }
        ServerCall<Q, R> charged = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void sendMessage(R message) {
                budget.charge(bytesOf(message), nanoClock.getAsLong());
                super.sendMessage(message);
            }
        };
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(charged, headers)) {
            @Override
            public void onMessage(Q message) {
                budget.charge(bytesOf(message), nanoClock.getAsLong());
                super.onMessage(message);
            }
        };
    }

    private String describe(String refusal, String cache) {
        return refusal.startsWith("operations")
                ? "Request rate limit exceeded: " + limits.operationsPerSecond() + " operations per second for cache " + cache
                : "Throughput limit exceeded: " + limits.kibPerSecond() + " KiB per second for cache " + cache;
    }

    private static long bytesOf(Object message) {
        return message instanceof MessageLite protobuf ? protobuf.getSerializedSize() : 0;
    }

    /** One cache's two budgets, refilled from the time they were last looked at. */
    static final class Budget {
        private final double operationsPerNano;
        private final double bytesPerNano;
        private final double maxOperations;
        private final double maxBytes;
        private double operations;
        private double bytes;
        private long lastNanos;

        Budget(CacheRateLimits limits, long nowNanos) {
            this.maxOperations = limits.operationsPerSecond();
            this.maxBytes = limits.kibPerSecond() * 1024.0;
            this.operationsPerNano = maxOperations / NANOS_PER_SECOND;
            this.bytesPerNano = maxBytes / NANOS_PER_SECOND;
            this.operations = maxOperations;
            this.bytes = maxBytes;
            this.lastNanos = nowNanos;
        }

        /** Takes one operation; null if admitted, else the {@code err} trailer of the refusal. */
        synchronized String admit(long nowNanos) {
            refill(nowNanos);
            if (bytes <= 0) {
                return "throughput_rate_limit_exceeded";
            }
            if (operations < 1) {
                return "operations_rate_limit_exceeded";
            }
            operations -= 1;
            return null;
        }

        /** Spends bytes already on the wire; the budget may go below zero. */
        synchronized void charge(long spent, long nowNanos) {
            refill(nowNanos);
            bytes -= spent;
        }

        private void refill(long nowNanos) {
            long elapsed = Math.max(0, nowNanos - lastNanos);
            lastNanos = Math.max(lastNanos, nowNanos);
            operations = Math.min(maxOperations, operations + elapsed * operationsPerNano);
            bytes = Math.min(maxBytes, bytes + elapsed * bytesPerNano);
        }
    }
}
