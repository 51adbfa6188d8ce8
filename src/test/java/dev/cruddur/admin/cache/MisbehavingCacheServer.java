package dev.cruddur.admin.cache;

import grpc.cache_client.ECacheResult;
import grpc.cache_client.ScsGrpc;
import grpc.cache_client._DeleteRequest;
import grpc.cache_client._DeleteResponse;
import grpc.cache_client._GetBatchRequest;
import grpc.cache_client._GetRequest;
import grpc.cache_client._GetResponse;
import grpc.cache_client._IncrementRequest;
import grpc.cache_client._IncrementResponse;
import grpc.cache_client._SetRequest;
import grpc.cache_client._SetResponse;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A data plane that fails on purpose, chosen by the key: {@code unavailable} answers
 * UNAVAILABLE, {@code slow} answers only after {@link #SLOW}, {@code unauthenticated} answers
 * UNAUTHENTICATED and quotes the authorization header it got (as a careless server might),
 * and the keys {@code internal}, {@code permission}, {@code unknown}, {@code cancelled},
 * {@code rate} answer the gRPC status of that name; {@code garbage} answers a result that
 * is neither hit nor miss. Any other key is a miss.
 *
 * GetBatch answers each item as its get would, and fails as a whole if any item's get fails.
 *
 * <p>Made with {@link #failingEveryCallAs(String)}, every get, batch get, set, delete and increment
 * behaves as that key's get would, whatever key it names (for callers whose keys are fixed,
 * such as the cache-aside reads).
 */
public final class MisbehavingCacheServer implements AutoCloseable {
    static final Duration SLOW = Duration.ofMillis(2500);

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> PRESENTED = Context.key("presented");

    private final Server server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    MisbehavingCacheServer() throws IOException {
        this(null);
    }

    /** @param failure one of the keys named in the class comment, e.g. {@code unavailable}, {@code slow}, {@code unauthenticated} */
    public static MisbehavingCacheServer failingEveryCallAs(String failure) throws IOException {
        return new MisbehavingCacheServer(failure);
    }

    private MisbehavingCacheServer(String everyCallAs) throws IOException {
        ServerInterceptor keepAuthorization = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                              ServerCallHandler<Q, R> next) {
                String presented = headers.get(AUTHORIZATION);
                Context context = Context.current().withValue(PRESENTED, presented == null ? "" : presented);
                return Contexts.interceptCall(context, call, headers, next);
            }
        };
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .executor(executor)
                .addService(ServerInterceptors.intercept(new Misbehaving(everyCallAs), keepAuthorization))
                .build()
                .start();
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(2, TimeUnit.SECONDS);
        executor.shutdownNow();
    }

    private static final class Misbehaving extends ScsGrpc.ScsImplBase {
        private final String everyCallAs;

        Misbehaving(String everyCallAs) {
            this.everyCallAs = everyCallAs;
        }

        /** In the fail-everything mode, answers any other call as a get of the chosen key would fail. */
        private <T> boolean failedAsConfigured(StreamObserver<T> out, T answerWhenSlow) {
            if (everyCallAs == null) {
                return false;
            }
            switch (everyCallAs) {
                case "slow" -> {
                    try {
                        Thread.sleep(SLOW.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.onNext(answerWhenSlow);
                    out.onCompleted();
                }
                case "unauthenticated" -> out.onError(Status.UNAUTHENTICATED
                        .withDescription("bad key " + PRESENTED.get()).asRuntimeException());
                default -> out.onError(Status.UNAVAILABLE.withDescription("going away").asRuntimeException());
            }
            return true;
        }

        @Override
        public void increment(_IncrementRequest request, StreamObserver<_IncrementResponse> out) {
            if (!failedAsConfigured(out, _IncrementResponse.getDefaultInstance())) {
                super.increment(request, out);
            }
        }

        @Override
        public void delete(_DeleteRequest request, StreamObserver<_DeleteResponse> out) {
            if (!failedAsConfigured(out, _DeleteResponse.getDefaultInstance())) {
                super.delete(request, out);
            }
        }

        @Override
        public void get(_GetRequest request, StreamObserver<_GetResponse> out) {
            String key = everyCallAs != null ? everyCallAs : request.getCacheKey().toString(StandardCharsets.UTF_8);
            switch (key) {
                case "unavailable" -> out.onError(Status.UNAVAILABLE.withDescription("going away").asRuntimeException());
                case "internal" -> out.onError(Status.INTERNAL.withDescription("boom").asRuntimeException());
                case "permission" -> out.onError(Status.PERMISSION_DENIED.withDescription("read-only key").asRuntimeException());
                case "unknown" -> out.onError(Status.UNKNOWN.withDescription("?").asRuntimeException());
                case "cancelled" -> out.onError(Status.CANCELLED.withDescription("stop").asRuntimeException());
                case "rate" -> {
                    Metadata trailers = new Metadata();
                    trailers.put(Metadata.Key.of("err", Metadata.ASCII_STRING_MARSHALLER), "operations_rate_limit_exceeded");
                    out.onError(Status.RESOURCE_EXHAUSTED.withDescription("slow down").asRuntimeException(trailers));
                }
                case "garbage" -> {
                    // a Get answer that is neither hit nor miss
                    out.onNext(_GetResponse.newBuilder().setResult(ECacheResult.Invalid).build());
                    out.onCompleted();
                }
                case "unauthenticated" -> out.onError(Status.UNAUTHENTICATED
                        .withDescription("bad key " + PRESENTED.get()).asRuntimeException());
                case "slow" -> {
                    try {
                        Thread.sleep(SLOW.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.onNext(_GetResponse.newBuilder().setResult(ECacheResult.Miss).build());
                    out.onCompleted();
                }
                default -> {
                    out.onNext(_GetResponse.newBuilder().setResult(ECacheResult.Miss).build());
                    out.onCompleted();
                }
            }
        }

        /** Each item as its get would answer, in order; the first item whose get fails fails the whole call. */
        @Override
        public void getBatch(_GetBatchRequest request, StreamObserver<_GetResponse> out) {
            List<_GetResponse> answers = new ArrayList<>();
            for (_GetRequest item : request.getItemsList()) {
                Throwable[] failed = new Throwable[1];
                get(item, new StreamObserver<>() {
                    @Override
                    public void onNext(_GetResponse answer) {
                        answers.add(answer);
                    }

                    @Override
                    public void onError(Throwable problem) {
                        failed[0] = problem;
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
                if (failed[0] != null) {
                    out.onError(failed[0]);
                    return;
                }
            }
            answers.forEach(out::onNext);
            out.onCompleted();
        }

        @Override
        public void set(_SetRequest request, StreamObserver<_SetResponse> out) {
            if (failedAsConfigured(out, _SetResponse.getDefaultInstance())) {
                return;
            }
            out.onError(Status.UNAVAILABLE.withDescription("read only today").asRuntimeException());
        }
    }
}
