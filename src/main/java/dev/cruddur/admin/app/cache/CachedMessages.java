package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.cache.CacheOutcome;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.User;
import dev.cruddur.admin.store.MessageTableReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Cache-aside reads of patterns A and B over {@link DirectMessages} and a {@link CacheStore}.
 *
 * <p>Only the first page of each (of {@link #pageSize()} items, Cruddur's 20 by default) is
 * cached: {@code groups/{user_uuid}} for B, {@code messages/{message_group_uuid}} for A, as
 * {@link CachedPageFormat} JSON with the settings' TTL. Later pages and other sizes go to
 * DynamoDB. Every write on the connection, once DynamoDB accepted it, invalidates the pages its
 * rows are on before it returns ({@link WriteInvalidation}): a direct send both users'
 * {@code groups/} and the conversation's {@code messages/}; a page read before the write is never
 * served after it returns, whatever the interleaving ({@link Generations}).
 *
 * <p>The cache is never the source of truth: when it fails or times out, the read answers from
 * DynamoDB in the same call and says so ({@link Source.DynamoDbAfterCacheError}); the failure is
 * counted in the store's statistics. A value that is not a page in the current format is deleted
 * and re-read. DynamoDB read times go to {@code statistics().recordSourceRead}.
 *
 * <p>Neither the messages nor the cache are owned: {@link #close()} only detaches the write
 * invalidation this object attached itself. Safe for concurrent use.
 */
public final class CachedMessages implements AutoCloseable {
    public static final int DEFAULT_PAGE_SIZE = MessageTableReader.DEFAULT_PAGE;

    private final DirectMessages messages;
    private final CacheStore cache;
    private final Generations generations;
    private final Clock clock;
    private final int pageSize;
    private final WriteInvalidation invalidation;
    private final boolean ownsInvalidation;
    /** The last decoded value per key: a hit on the same bytes skips parsing 20 items and their timestamps again. */
    private final Map<String, Decoding<?>> lastDecoded = new ConcurrentHashMap<>();

    private record Decoding<T>(String json, CachedPageFormat.Decoded<T> decoded) {}

    private static final int DECODINGS_KEPT = 1024;

    public CachedMessages(DirectMessages messages, CacheStore cache) {
        this(messages, cache, DEFAULT_PAGE_SIZE);
    }

    public CachedMessages(DirectMessages messages, CacheStore cache, int pageSize) {
        this(messages, cache, pageSize, null);
    }

    /**
     * Over a connection whose writes {@code shared} already keeps honest (the window's session):
     * it is used, not closed. Without one ({@code null}), this object attaches its own to the
     * connection and detaches it on {@link #close()}.
     */
    public CachedMessages(DirectMessages messages, CacheStore cache, int pageSize, WriteInvalidation shared) {
        if (pageSize < 1) throw new IllegalArgumentException("page size must be positive");
        this.ownsInvalidation = shared == null;
        this.invalidation = shared != null ? shared : WriteInvalidation.attach(messages.connection(), cache);
        this.messages = messages;
        this.cache = cache;
        this.generations = new Generations(cache);
        this.clock = messages.clock();
        this.pageSize = pageSize;
    }

    public DirectMessages direct() {
        return messages;
    }

    public CacheStore cache() {
        return cache;
    }

    /** The size of the cached first pages; ask for this limit to be served from the cache. */
    public int pageSize() {
        return pageSize;
    }

    // ---------------------------------------------------------------- reads

    /** Pattern B; the first page of {@link #pageSize()} comes from the cache when it can. */
    public CachedPage<Conversation> conversations(User viewer, Optional<String> cursor, int limit) {
        Supplier<Page<Conversation>> source = () -> messages.conversations(viewer, cursor, limit);
        if (cursor.isPresent() || limit != pageSize) return uncached(source);
        String key = CacheKeys.conversations(viewer.uuid());
        String subject = subject(viewer.uuid());
        return firstPage(key, subject, source, CachedPageFormat::readConversations,
                (page, generation) -> CachedPageFormat.conversations(page, subject, pageSize, generation, clock.instant()));
    }

    /** Pattern A (each page oldest to newest); the first page of {@link #pageSize()} comes from the cache when it can. */
    public CachedPage<Message> messages(String groupUuid, Optional<String> cursor, int limit) {
        Supplier<Page<Message>> source = () -> messages.messages(groupUuid, cursor, limit);
        if (cursor.isPresent() || limit != pageSize) return uncached(source);
        String key = CacheKeys.messages(groupUuid);
        String subject = subject(groupUuid);
        return firstPage(key, subject, source, CachedPageFormat::readMessages,
                (page, generation) -> CachedPageFormat.messages(page, subject, pageSize, generation, clock.instant()));
    }

    private interface Encoder<T> {
        String encode(Page<T> page, long generation);
    }

    /**
     * What a cached page is of: the table and the user or conversation. Cruddur's key names carry
     * no table, so two tables read through one cache share keys; a page of the other table is
     * never served, only replaced.
     */
    private String subject(String uuid) {
        return messages.connection().table() + "/" + uuid;
    }

    private <T> CachedPage<T> firstPage(String key, String subject, Supplier<Page<T>> source,
                                        Function<String, CachedPageFormat.Decoded<T>> decode, Encoder<T> encode) {
        long start = System.nanoTime();
        // the page and its counter in one call; a hit needs nothing else (see Generations)
        CacheOutcome<List<Optional<String>>> read = cache.getTextBatch(List.of(key, CacheKeys.generationOf(key)));
        if (read instanceof CacheOutcome.Failed<List<Optional<String>>> failed) {
            return afterCacheError(source, failed.message(), start);
        }
        List<Optional<String>> values = ((CacheOutcome.Ok<List<Optional<String>>>) read).value();
        Optional<String> cached = values.get(0);
        OptionalLong seen = Generations.usable(values.get(1));
        long current;
        boolean counterRead = false; // read by Generations.current: the counter exists and its TTL was refreshed
        if (seen.isPresent()) {
            current = seen.getAsLong();
        } else {
            // first use, evicted, or below the floor: the existing path creates it (and jumps it)
            CacheOutcome<Long> generation = generations.current(key);
            if (generation instanceof CacheOutcome.Failed<Long> failed) {
                return afterCacheError(source, failed.message(), start);
            }
            current = ((CacheOutcome.Ok<Long>) generation).value();
            counterRead = true;
        }
        Source.Reason reason = Source.Reason.MISS;
        if (cached.isPresent()) {
            CachedPageFormat.Decoded<T> decoded = decodeOnce(key, cached.get(), decode);
            if (decoded instanceof CachedPageFormat.Valid<T> valid && valid.pageSize() == pageSize) {
                if (valid.generation() == current && valid.subject().equals(subject)) {
                    return new CachedPage<>(valid.page(), Source.CACHE, since(start));
                }
                // an older generation, or another table's page under the same key: overwritten below
                // with a page read after the counter
                reason = Source.Reason.OUTDATED;
            } else {
                reason = Source.Reason.UNREADABLE;
                cache.delete(key); // if this fails too, the set below still replaces it
            }
        }
        if (!counterRead) {
            // a page is stored only with a value Generations.current gave: it refreshes the counter's TTL
            CacheOutcome<Long> generation = generations.current(key);
            if (generation instanceof CacheOutcome.Failed<Long> failed) {
                return afterCacheError(source, failed.message(), start);
            }
            current = ((CacheOutcome.Ok<Long>) generation).value();
        }
        // the counter was read before DynamoDB is
        Page<T> page = timedRead(source);
        CacheOutcome<Void> stored = cache.set(key, encode.encode(page, current), cache.settings().defaultTtl());
        Source from = stored instanceof CacheOutcome.Failed<Void> failed
                ? new Source.DynamoDbAfterCacheError(failed.message()) : new Source.DynamoDb(reason);
        return new CachedPage<>(page, from, since(start));
    }

    @SuppressWarnings("unchecked")
    private <T> CachedPageFormat.Decoded<T> decodeOnce(String key, String json, Function<String, CachedPageFormat.Decoded<T>> decode) {
        Decoding<?> last = lastDecoded.get(key);
        if (last != null && last.json().equals(json)) {
            return (CachedPageFormat.Decoded<T>) last.decoded(); // a key holds one kind of page, so T matches
        }
        CachedPageFormat.Decoded<T> decoded = decode.apply(json);
        if (decoded instanceof CachedPageFormat.Valid<T>) {
            if (lastDecoded.size() >= DECODINGS_KEPT) lastDecoded.clear();
            lastDecoded.put(key, new Decoding<>(json, decoded));
        }
        return decoded;
    }

    private <T> CachedPage<T> afterCacheError(Supplier<Page<T>> source, String message, long start) {
        Page<T> page = timedRead(source);
        return new CachedPage<>(page, new Source.DynamoDbAfterCacheError(message), since(start));
    }

    private <T> CachedPage<T> uncached(Supplier<Page<T>> source) {
        long start = System.nanoTime();
        Page<T> page = timedRead(source);
        return new CachedPage<>(page, new Source.DynamoDb(Source.Reason.NOT_CACHED), since(start));
    }

    private <T> Page<T> timedRead(Supplier<Page<T>> source) {
        long start = System.nanoTime();
        Page<T> page = source.get();
        cache.statistics().recordSourceRead(since(start));
        return page;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Sends through DynamoDB; the connection's {@link WriteInvalidation} makes the pages its rows
     * are on stale before the write returns, and this answers which.
     */
    public CachedSend send(OutgoingMessage outgoing) {
        WriteInvalidation.Outcome<SendResult> sent = invalidation.during(() -> messages.send(outgoing));
        return new CachedSend(sent.result(), sent.invalidation());
    }

    /** {@link DirectMessages#startConversation}, with the same invalidation as a send. */
    public CachedSend startConversation(OutgoingMessage first, User to) {
        WriteInvalidation.Outcome<SendResult> sent = invalidation.during(() -> messages.startConversation(first, to));
        return new CachedSend(sent.result(), sent.invalidation());
    }

    /**
     * Makes the conversation's {@code messages/} and each user's {@code groups/} stale: bumps each
     * key's generation, then deletes it. For callers that changed DynamoDB another way.
     */
    public Invalidation invalidateConversation(String groupUuid, Iterable<String> userUuids) {
        List<String> keys = new ArrayList<>();
        for (String user : userUuids) {
            String key = CacheKeys.conversations(user);
            if (!keys.contains(key)) keys.add(key);
        }
        keys.add(CacheKeys.messages(groupUuid));
        return invalidate(keys);
    }

    /**
     * Makes page keys stale everywhere: bumps each key's generation (so no instance serves or
     * keeps a page read before now), then deletes it. For the inspector's "drop" action and for
     * callers that changed DynamoDB another way. Keys other than page keys are only deleted.
     */
    public Invalidation invalidate(List<String> pageKeys) {
        return invalidation.invalidate(pageKeys);
    }

    // ---------------------------------------------------------------- plumbing

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        if (ownsInvalidation) invalidation.close();
    }
}
