package dev.cruddur.admin.cache;

import dev.cruddur.admin.cacheengine.CacheToken;
import dev.cruddur.admin.cacheengine.EmbeddedCacheServer;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import momento.sdk.CacheClient;
import momento.sdk.auth.CredentialProvider;
import momento.sdk.auth.MomentoLocalProvider;
import momento.sdk.config.Configuration;
import momento.sdk.config.Configurations;
import momento.sdk.exceptions.SdkException;
import momento.sdk.responses.cache.DeleteResponse;
import momento.sdk.responses.cache.GetBatchResponse;
import momento.sdk.responses.cache.GetResponse;
import momento.sdk.responses.cache.IncrementResponse;
import momento.sdk.responses.cache.SetIfNotExistsResponse;
import momento.sdk.responses.cache.SetResponse;
import momento.sdk.responses.cache.control.CacheCreateResponse;
import momento.sdk.responses.cache.control.CacheDeleteResponse;
import momento.sdk.responses.cache.control.CacheFlushResponse;
import momento.sdk.responses.cache.control.CacheInfo;
import momento.sdk.responses.cache.control.CacheListResponse;
import momento.sdk.responses.cache.ttl.DecreaseTtlResponse;
import momento.sdk.responses.cache.ttl.IncreaseTtlResponse;
import momento.sdk.responses.cache.ttl.ItemGetTtlResponse;
import momento.sdk.responses.cache.ttl.UpdateTtlResponse;

/**
 * The application's door to the cache: blocking calls over the Momento SDK that never throw
 * for cache trouble, each returning what happened ({@link CacheRead}, {@link CacheOutcome})
 * with its duration and, on failure, a plain message. Reads feed {@link #statistics()}.
 *
 * <p>Calls have a short deadline (the settings' timeout, 2 s by default) and are not retried:
 * the cache is never the source of truth, so a caller is better off falling back to DynamoDB
 * than waiting. Safe for concurrent use.
 */
public final class CacheStore implements AutoCloseable {

    /** What one connection owns; shared by the views {@link #forCache} makes. */
    private record Shared(CacheSettings settings, CacheClient client, DataPlaneProbe probe, ChannelKeeper keeper,
                          Optional<EmbeddedCacheServer> embedded, Optional<ApiKey> key, FailureMessages failures,
                          CacheStatistics statistics, String where, AtomicBoolean closed) {}

    private final Shared shared;
    private final String cacheName;
    private final boolean owner;

    private CacheStore(Shared shared, String cacheName, boolean owner) {
        this.shared = shared;
        this.cacheName = cacheName;
        this.owner = owner;
    }

    /**
     * Connects as the settings say. For {@link CacheConnection.Embedded} this starts the
     * embedded server and creates the settings' cache in it. No network call is made for the
     * other kinds: a wrong key or an unreachable server shows in the first call's outcome.
     *
     * @throws CacheSettingsException if the API key cannot be a Momento key, or the embedded
     *                                server cannot listen on its port
     */
    public static CacheStore open(CacheSettings settings) throws CacheSettingsException {
        return open(settings, new CacheStatistics());
    }

    public static CacheStore open(CacheSettings settings, CacheStatistics statistics) throws CacheSettingsException {
        return open(settings, statistics, ChannelKeeper.DEFAULT_EVERY);
    }

    /** As {@link #open(CacheSettings, CacheStatistics)}, touching the idle channels every {@code keepChannelsEvery}. */
    static CacheStore open(CacheSettings settings, CacheStatistics statistics, Duration keepChannelsEvery)
            throws CacheSettingsException {
        TransportLogs.keepHeadersOutOfLogs();
        Optional<EmbeddedCacheServer> embedded = Optional.empty();
        CredentialProvider credentials;
        Optional<ApiKey> key;
        String where;
        CacheConnection connection = settings.connection();
        if (connection instanceof CacheConnection.Momento momento) {
            key = Optional.of(momento.key());
            credentials = momentoCredentials(momento.key());
            where = "Momento (" + credentials.getCacheEndpoint() + ")";
        } else if (connection instanceof CacheConnection.Local local) {
            key = local.key();
            credentials = loopback(local.host(), local.port(), local.key());
            where = local.host() + ":" + local.port();
        } else {
            CacheConnection.Embedded wanted = (CacheConnection.Embedded) connection;
            // never an open cache: without a key of its own, the server gets a new token for this run
            key = Optional.of(wanted.key().orElseGet(() -> ApiKey.generatedToken(CacheToken.generate())));
            EmbeddedCacheServer server;
            try {
                server = key.isPresent()
                        ? EmbeddedCacheServer.startWithToken(wanted.port(), key.get().secret())
                        : EmbeddedCacheServer.start(wanted.port());
            } catch (RuntimeException cannotListen) {
                throw new CacheSettingsException("The embedded cache could not start on port " + wanted.port()
                        + ": " + rootMessage(cannotListen));
            }
            embedded = Optional.of(server);
            credentials = loopback(server.host(), server.port(), key);
            where = "embedded cache " + server.host() + ":" + server.port();
        }
        Configuration configuration = Configurations.Laptop.latest()
                .withTimeout(settings.timeout())
                .withRetryStrategy((status, method, attempts) -> Optional.empty()); // never retry: see class comment
        CacheClient client;
        try {
            // the builder, not create(): create() blocks up to 30 s connecting eagerly, and open() must not wait
            client = CacheClient.builder(credentials, configuration, settings.defaultTtl()).build();
        } catch (RuntimeException refused) {
            embedded.ifPresent(EmbeddedCacheServer::close);
            throw new CacheSettingsException("The Momento client could not be set up: "
                    + key.map(k -> k.redact(rootMessage(refused))).orElse(rootMessage(refused)));
        }
        FailureMessages failures = new FailureMessages(where, settings.timeout(), key);
        Shared shared = new Shared(settings, client, new DataPlaneProbe(credentials, configuration, settings.timeout()),
                new ChannelKeeper(client, settings.cacheName(), keepChannelsEvery), embedded, key, failures, statistics, where, new AtomicBoolean());
        CacheStore store = new CacheStore(shared, settings.cacheName(), true);
        if (embedded.isPresent()) {
            store.ensureCache();
        }
        return store;
    }

    private static CredentialProvider momentoCredentials(ApiKey key) throws CacheSettingsException {
        try {
            return CredentialProvider.fromString(key.secret());
        } catch (RuntimeException notAKey) {
            // the SDK's message may quote the key: say only what is wrong with it
            throw new CacheSettingsException("The Momento API key " + key.masked()
                    + " is not in a form Momento issues (a v1 API key or an auth token)");
        }
    }

    private static CredentialProvider loopback(String host, int port, Optional<ApiKey> key) {
        return key.<CredentialProvider>map(k -> new LoopbackCredentials(host, port, k))
                .orElseGet(() -> new MomentoLocalProvider(host, port));
    }

    /** The same connection, statistics and settings, with data calls aimed at another cache. */
    public CacheStore forCache(String otherCacheName) {
        return new CacheStore(shared, otherCacheName, false);
    }

    public String cacheName() {
        return cacheName;
    }

    public CacheSettings settings() {
        return shared.settings();
    }

    public CacheConnection connection() {
        return shared.settings().connection();
    }

    public CacheStatistics statistics() {
        return shared.statistics();
    }

    /** Where the cache is, for a status line, e.g. "embedded cache 127.0.0.1:40123". Never the key. */
    public String where() {
        return shared.where();
    }

    /** The key or token this store presents, if any (shown masked; copied only on the user's request). */
    public Optional<ApiKey> apiKey() {
        return shared.key();
    }

    /** The embedded server's port, when this store started one. */
    public Optional<Integer> embeddedPort() {
        return shared.embedded().map(EmbeddedCacheServer::port);
    }

    // ---------------------------------------------------------------- caches

    public CacheOutcome<List<String>> listCaches() {
        return call(cacheName, shared.client()::listCaches, response -> {
            if (response instanceof CacheListResponse.Success success) {
                return success.getCaches().stream().map(CacheInfo::name).sorted().toList();
            }
            throw unexpected(response);
        });
    }

    public CacheOutcome<Void> createCache(String name) {
        return call(name, () -> shared.client().createCache(name), response -> {
            if (response instanceof CacheCreateResponse.Success) {
                return null;
            }
            throw unexpected(response);
        });
    }

    /**
     * Creates this store's cache unless it exists; {@code true} if it was created. Looks
     * first, so an existing cache is not counted as an error in the statistics.
     */
    public CacheOutcome<Boolean> ensureCache() {
        CacheOutcome<List<String>> listed = listCaches();
        if (listed instanceof CacheOutcome.Failed<List<String>> failed) {
            return new CacheOutcome.Failed<>(failed.failure(), failed.took());
        }
        Duration looked = listed.took();
        if (((CacheOutcome.Ok<List<String>>) listed).value().contains(cacheName)) {
            return new CacheOutcome.Ok<>(false, looked);
        }
        CacheOutcome<Void> created = createCache(cacheName);
        Duration took = looked.plus(created.took());
        if (created instanceof CacheOutcome.Failed<Void> failed) {
            // someone else created it in between: it exists, which is what was asked
            if (failed.failure().kind() == CacheFailure.Kind.CACHE_ALREADY_EXISTS) {
                return new CacheOutcome.Ok<>(false, took);
            }
            return new CacheOutcome.Failed<>(failed.failure(), took);
        }
        return new CacheOutcome.Ok<>(true, took);
    }

    public CacheOutcome<Void> deleteCache(String name) {
        return call(name, () -> shared.client().deleteCache(name), response -> {
            if (response instanceof CacheDeleteResponse.Success) {
                return null;
            }
            throw unexpected(response);
        });
    }

    /** Removes every item of the named cache. */
    public CacheOutcome<Void> flushCache(String name) {
        return call(name, () -> shared.client().flushCache(name), response -> {
            if (response instanceof CacheFlushResponse.Success) {
                return null;
            }
            throw unexpected(response);
        });
    }

    // ---------------------------------------------------------------- reads

    /** The value as UTF-8 text (the project's JSON). Counts as a hit or miss. */
    public CacheRead<String> getText(String key) {
        return read(() -> shared.client().get(cacheName, key), GetResponse.Hit::valueString);
    }

    /**
     * The value as UTF-8 text, without counting a hit or a miss: for an inspector or a stale
     * check looking at a key, which is not an application read (errors still count).
     */
    public CacheRead<String> inspectText(String key) {
        return read(() -> shared.client().get(cacheName, key), GetResponse.Hit::valueString, false);
    }

    public CacheRead<byte[]> getBytes(String key) {
        return read(() -> shared.client().get(cacheName, key), GetResponse.Hit::valueByteArray);
    }

    /**
     * Several keys' values as UTF-8 text in one call (the SDK's {@code getBatch}), in the order
     * given; an empty value is a miss. For the statistics this is one read of the <em>first</em>
     * key, timed over the whole call: a hit or a miss of it, as {@link #getText} would count it.
     * The other keys ride along and count nothing (a cache-aside page read with its generation
     * counter is one page read). A failure of the call, or of any key, counts one error.
     *
     * @throws IllegalArgumentException if there are no keys
     */
    public CacheOutcome<List<Optional<String>>> getTextBatch(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a batch read needs at least one key");
        }
        List<String> asked = List.copyOf(keys);
        long start = System.nanoTime();
        if (shared.closed().get()) {
            return outcomeFailure(closedFailure(), start);
        }
        Object response = await(() -> shared.client().getBatch(cacheName, asked), start);
        if (response instanceof CacheFailure failure) {
            return outcomeFailure(failure, start);
        }
        if (response instanceof SdkException error) {
            return outcomeFailure(shared.failures().of(error, cacheName), start);
        }
        if (!(response instanceof GetBatchResponse.Success success)) {
            return outcomeFailure(unexpectedFailure(response), start);
        }
        // the SDK pairs the streamed answers with the keys by position, into a map by key
        Map<String, GetResponse> results = success.results();
        List<Optional<String>> values = new ArrayList<>(asked.size());
        for (String key : asked) {
            GetResponse one = results.get(key);
            if (one instanceof GetResponse.Hit hit) {
                values.add(Optional.of(hit.valueString()));
            } else if (one instanceof GetResponse.Miss) {
                values.add(Optional.empty());
            } else if (one instanceof SdkException error) {
                return outcomeFailure(shared.failures().of(error, cacheName), start);
            } else {
                return outcomeFailure(unexpectedFailure(one), start); // including an answer missing for the key
            }
        }
        Duration took = since(start);
        if (values.get(0).isPresent()) {
            shared.statistics().recordHit(took);
        } else {
            shared.statistics().recordMiss(took);
        }
        return new CacheOutcome.Ok<>(Collections.unmodifiableList(values), took);
    }

    /**
     * The value and how long it has left, in two concurrent calls; for the inspector, so neither
     * counts as a hit or a miss (errors still count).
     */
    public CacheRead<String> getTextWithTtl(String key) {
        if (shared.closed().get()) {
            return readFailure(closedFailure(), 0);
        }
        long start = System.nanoTime();
        CompletableFuture<ItemGetTtlResponse> ttl;
        try {
            ttl = shared.client().itemGetTtl(cacheName, key);
        } catch (RuntimeException refused) {
            return readFailure(shared.failures().of(refused, cacheName), start);
        }
        CacheRead<String> value = read(() -> shared.client().get(cacheName, key), GetResponse.Hit::valueString, false);
        if (!(value instanceof CacheRead.Hit<String> hit)) {
            ttl.cancel(true);
            return value;
        }
        Optional<Duration> remaining = Optional.empty();
        try {
            if (ttl.get(guard(), TimeUnit.MILLISECONDS) instanceof ItemGetTtlResponse.Hit ttlHit) {
                remaining = Optional.of(ttlHit.remainingTtl());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the value is what was asked for; its TTL is a courtesy
        }
        return new CacheRead.Hit<>(hit.value(), remaining, since(start));
    }

    // ---------------------------------------------------------------- writes

    public CacheOutcome<Void> set(String key, String value) {
        return set(key, value, shared.settings().defaultTtl());
    }

    public CacheOutcome<Void> set(String key, String value, Duration ttl) {
        return call(cacheName, () -> shared.client().set(cacheName, key, value, ttl), CacheStore::setDone);
    }

    public CacheOutcome<Void> set(String key, byte[] value, Duration ttl) {
        return call(cacheName, () -> shared.client().set(cacheName, key.getBytes(StandardCharsets.UTF_8), value, ttl),
                CacheStore::setDone);
    }

    private static Void setDone(SetResponse response) {
        if (response instanceof SetResponse.Success) {
            return null;
        }
        throw unexpected(response);
    }

    /** Deleting a key that is not there is not an error. */
    public CacheOutcome<Void> delete(String key) {
        return call(cacheName, () -> shared.client().delete(cacheName, key), response -> {
            if (response instanceof DeleteResponse.Success) {
                return null;
            }
            throw unexpected(response);
        });
    }

    /** Stores the value only if the key holds nothing; {@code true} if it was stored. */
    public CacheOutcome<Boolean> setIfAbsent(String key, String value, Duration ttl) {
        return call(cacheName, () -> shared.client().setIfNotExists(cacheName, key, value, ttl), response -> {
            if (response instanceof SetIfNotExistsResponse.Stored) {
                return true;
            }
            if (response instanceof SetIfNotExistsResponse.NotStored) {
                return false;
            }
            throw unexpected(response);
        });
    }

    public CacheOutcome<Long> increment(String key, long amount) {
        return increment(key, amount, shared.settings().defaultTtl());
    }

    /**
     * Adds to the base-10 integer at the key (created at {@code amount} if absent), as Cruddur
     * does for {@code msgs/{handle}}. SDK 1.21 reports the new value as an {@code int}.
     */
    public CacheOutcome<Long> increment(String key, long amount, Duration ttl) {
        return call(cacheName, () -> shared.client().increment(cacheName, key, amount, ttl), response -> {
            if (response instanceof IncrementResponse.Success success) {
                return (long) success.valueNumber();
            }
            throw unexpected(response);
        });
    }

    // ---------------------------------------------------------------- TTL and keys

    /** How long the item has left, or empty if there is no such item. */
    public CacheOutcome<Optional<Duration>> itemTtl(String key) {
        return call(cacheName, () -> shared.client().itemGetTtl(cacheName, key), response -> {
            if (response instanceof ItemGetTtlResponse.Hit hit) {
                return Optional.of(hit.remainingTtl());
            }
            if (response instanceof ItemGetTtlResponse.Miss) {
                return Optional.<Duration>empty();
            }
            throw unexpected(response);
        });
    }

    public CacheOutcome<TtlChange> updateTtl(String key, Duration ttl, TtlMode mode) {
        return switch (mode) {
            case OVERWRITE -> call(cacheName, () -> shared.client().updateTtl(cacheName, key, ttl), response -> {
                if (response instanceof UpdateTtlResponse.Set) {
                    return TtlChange.SET;
                }
                if (response instanceof UpdateTtlResponse.Miss) {
                    return TtlChange.MISSING;
                }
                throw unexpected(response);
            });
            case INCREASE -> call(cacheName, () -> shared.client().increaseTtl(cacheName, key, ttl), response -> {
                if (response instanceof IncreaseTtlResponse.Set) {
                    return TtlChange.SET;
                }
                if (response instanceof IncreaseTtlResponse.NotSet) {
                    return TtlChange.NOT_SET;
                }
                if (response instanceof IncreaseTtlResponse.Miss) {
                    return TtlChange.MISSING;
                }
                throw unexpected(response);
            });
            case DECREASE -> call(cacheName, () -> shared.client().decreaseTtl(cacheName, key, ttl), response -> {
                if (response instanceof DecreaseTtlResponse.Set) {
                    return TtlChange.SET;
                }
                if (response instanceof DecreaseTtlResponse.NotSet) {
                    return TtlChange.NOT_SET;
                }
                if (response instanceof DecreaseTtlResponse.Miss) {
                    return TtlChange.MISSING;
                }
                throw unexpected(response);
            });
        };
    }

    /** Which of the keys hold an item, in the order given. One call, whatever the number of keys. */
    public CacheOutcome<Map<String, Boolean>> keysExist(List<String> keys) {
        return probe(() -> {
            List<Boolean> exists = shared.probe().keysExist(cacheName, keys);
            Map<String, Boolean> answer = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                answer.put(keys.get(i), i < exists.size() && exists.get(i));
            }
            return answer;
        });
    }

    public CacheOutcome<ItemType> itemType(String key) {
        return probe(() -> shared.probe().itemType(cacheName, key));
    }

    /** Momento's collections (dictionary, list, set, sorted set) in this store's cache. */
    public CacheCollections collections() {
        return new CacheCollections(this);
    }

    CacheClient client() {
        return shared.client();
    }

    /** The server this store started, if it started one. */
    Optional<EmbeddedCacheServer> embeddedServer() {
        return shared.embedded();
    }

    // ---------------------------------------------------------------- plumbing

    private <R> CacheRead<R> read(Supplier<CompletableFuture<GetResponse>> send, Function<GetResponse.Hit, R> value) {
        return read(send, value, true);
    }

    private <R> CacheRead<R> read(Supplier<CompletableFuture<GetResponse>> send, Function<GetResponse.Hit, R> value,
                                  boolean counted) {
        long start = System.nanoTime();
        if (shared.closed().get()) {
            return readFailure(closedFailure(), start);
        }
        Object response = await(send, start);
        if (response instanceof CacheFailure failure) {
            return readFailure(failure, start);
        }
        if (response instanceof GetResponse.Hit hit) {
            Duration took = since(start);
            if (counted) shared.statistics().recordHit(took);
            return new CacheRead.Hit<>(value.apply(hit), Optional.empty(), took);
        }
        if (response instanceof GetResponse.Miss) {
            Duration took = since(start);
            if (counted) shared.statistics().recordMiss(took);
            return new CacheRead.Miss<>(took);
        }
        return readFailure(response instanceof SdkException error ? shared.failures().of(error, cacheName)
                : unexpectedFailure(response), start);
    }

    private <R> CacheRead<R> readFailure(CacheFailure failure, long start) {
        shared.statistics().recordError();
        return new CacheRead.Failed<>(failure, start == 0 ? Duration.ZERO : since(start));
    }

    /**
     * Sends, waits, and maps the response. The SDK reports errors as response subtypes that
     * are also {@link SdkException}s; those become failures before {@code value} sees them.
     */
    <S, T> CacheOutcome<T> call(String target, Supplier<CompletableFuture<S>> send, Function<S, T> value) {
        long start = System.nanoTime();
        if (shared.closed().get()) {
            return outcomeFailure(closedFailure(), start);
        }
        Object response = await(send, start);
        if (response instanceof CacheFailure failure) {
            return outcomeFailure(failure, start);
        }
        if (response instanceof SdkException error) {
            return outcomeFailure(shared.failures().of(error, target), start);
        }
        try {
            @SuppressWarnings("unchecked")
            T mapped = value.apply((S) response);
            return new CacheOutcome.Ok<>(mapped, since(start));
        } catch (UnexpectedResponse odd) {
            return outcomeFailure(unexpectedFailure(odd.response), start);
        }
    }

    private <T> CacheOutcome<T> probe(Supplier<T> question) {
        long start = System.nanoTime();
        if (shared.closed().get()) {
            return outcomeFailure(closedFailure(), start);
        }
        try {
            return new CacheOutcome.Ok<>(question.get(), since(start));
        } catch (StatusRuntimeException refused) {
            return outcomeFailure(shared.failures().of(refused, cacheName), start);
        } catch (RuntimeException odd) {
            return outcomeFailure(shared.failures().of(odd, cacheName), start);
        }
    }

    private <T> CacheOutcome<T> outcomeFailure(CacheFailure failure, long start) {
        shared.statistics().recordError();
        return new CacheOutcome.Failed<>(failure, since(start));
    }

    /** The response, or a {@link CacheFailure} when the call threw or outlived its deadline. */
    private <S> Object await(Supplier<CompletableFuture<S>> send, long start) {
        CompletableFuture<S> future;
        try {
            future = send.get();
        } catch (RuntimeException refusedBeforeSending) {
            return shared.failures().of(refusedBeforeSending, cacheName);
        }
        try {
            return future.get(guard(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException lateAnswer) {
            future.cancel(true);
            return shared.failures().timedOut();
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return shared.failures().interrupted();
        } catch (ExecutionException failed) {
            return shared.failures().of(failed.getCause(), cacheName);
        }
    }

    // the SDK's own deadline ends the call first; this only guards against a future that never completes
    private long guard() {
        return shared.settings().timeout().toMillis() * 2 + 500;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static CacheFailure closedFailure() {
        return new CacheFailure(CacheFailure.Kind.CANCELLED, "The cache connection is closed", "closed");
    }

    private static CacheFailure unexpectedFailure(Object response) {
        return new CacheFailure(CacheFailure.Kind.UNKNOWN, "The cache gave an answer this client does not understand",
                response == null ? "null response" : response.getClass().getName());
    }

    static UnexpectedResponse unexpected(Object response) {
        return new UnexpectedResponse(response);
    }

    private static final class UnexpectedResponse extends RuntimeException {
        private final transient Object response;

        UnexpectedResponse(Object response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    private static String rootMessage(Throwable problem) {
        Throwable root = problem;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Closes the client and, if this store started one, the embedded server. Views made by {@link #forCache} do nothing. */
    @Override
    public void close() {
        if (!owner || !shared.closed().compareAndSet(false, true)) {
            return;
        }
        shared.keeper().close();
        shared.probe().close();
        shared.client().close();
        shared.embedded().ifPresent(EmbeddedCacheServer::close);
    }

    @Override
    public String toString() {
        return "CacheStore[" + shared.where() + ", cache '" + cacheName + "']";
    }
}
