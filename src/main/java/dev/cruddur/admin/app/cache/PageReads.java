package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.cache.CacheRead;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the window's conversation panes are shown, and from where: the table by default (an admin
 * tool is where people see what is really there), or, per pane, through the cache as Cruddur's
 * API reads it. A page shown through the cache says whether it came from the cache, how old it
 * is and how long it has left, and whether it still equals the table ({@link StaleCheck}).
 *
 * <p>It also keeps the session's cache honest: every write on the session's connection goes
 * through one {@link WriteInvalidation}, and the panes hear of the keys each write made stale
 * ({@link #addStaleListener}) so they can show the new truth without F5.
 *
 * <p>Called off the FX thread; listeners are told on the writing thread. Safe for concurrent use.
 */
public final class PageReads implements AutoCloseable {
    public enum Mode {
        /** DynamoDB, every page */
        TABLE,
        /** the first page through the cache, as Cruddur's API reads it; later pages from DynamoDB */
        THROUGH_CACHE
    }

    /**
     * A page as a pane shows it.
     *
     * @param cached       for a first page read through the cache: what the cache did
     * @param cacheProblem the cache failed and the page came from DynamoDB instead
     */
    public record Shown<T>(Page<T> page, Optional<CacheView> cached, Optional<String> cacheProblem) {}

    /**
     * A first page read through the cache.
     *
     * @param fromCache    served from the cache (else read from DynamoDB, and cached now)
     * @param reason       why DynamoDB was read, when it was
     * @param cachedAt     when the served page was read from DynamoDB
     * @param remainingTtl how long the key has left, when the cache said
     * @param comparison   for a page served from the cache: how it compares with the table now
     */
    public record CacheView(String key, boolean fromCache, Optional<Source.Reason> reason, Optional<Instant> cachedAt,
                            Optional<Duration> remainingTtl, Optional<StaleCheck.Report> comparison) {
        public Optional<Duration> age(Instant now) {
            return cachedAt.map(at -> Duration.between(at, now)).map(d -> d.isNegative() ? Duration.ZERO : d);
        }

        public boolean disagrees() {
            return comparison.map(StaleCheck.Report::stale).orElse(false);
        }
    }

    private final Consumer<String> problems;
    private final List<Consumer<Invalidation>> staleListeners = new CopyOnWriteArrayList<>();
    private final Consumer<Invalidation> forward = this::tellStale;
    private CacheStore cache;
    private DirectMessages session;
    private WriteInvalidation invalidation;
    private CachedMessages cachedReads;

    /** @param problems told of cache trouble (from any thread), for a quiet banner */
    public PageReads(Consumer<String> problems) {
        this.problems = problems;
    }

    // ---------------------------------------------------------------- session and cache

    /** The window's connection from now on ({@code null}: none); its writes keep the cache honest. */
    public synchronized void useSession(DirectMessages next) {
        if (next == session) return;
        closeSessionParts();
        session = next;
        if (next != null) {
            invalidation = WriteInvalidation.attach(next.connection(), cache);
            invalidation.addListener(forward);
        }
    }

    /** The cache from now on ({@code null}: none; reads through the cache then read the table). */
    public synchronized void useCache(CacheStore next) {
        cache = next;
        if (cachedReads != null) cachedReads.close();
        cachedReads = null;
        if (invalidation != null) invalidation.useCache(next);
    }

    public synchronized Optional<CacheStore> cache() {
        return Optional.ofNullable(cache);
    }

    /** Told of each write's stale keys on the session's connection (on the writing thread). */
    public void addStaleListener(Consumer<Invalidation> listener) {
        staleListeners.add(listener);
    }

    private void tellStale(Invalidation done) {
        if (!done.complete() && cache().isPresent()) {
            problems.accept("Written, but the cache could not be updated: " + String.join(" ", done.failures()));
        }
        for (Consumer<Invalidation> listener : staleListeners) listener.accept(done);
    }

    private synchronized Optional<CachedMessages> through(DirectMessages on) {
        if (cache == null || on == null) return Optional.empty();
        if (cachedReads == null || cachedReads.direct() != on) {
            if (cachedReads != null) cachedReads.close();
            WriteInvalidation shared = on == session ? invalidation : null;
            cachedReads = new CachedMessages(on, cache, CachedMessages.DEFAULT_PAGE_SIZE, shared);
        }
        return Optional.of(cachedReads);
    }

    // ---------------------------------------------------------------- reads

    /** Pattern B; through the cache, a first page is always of the cached size (pages on from its cursor). */
    public Shown<Conversation> conversations(DirectMessages on, User viewer, Optional<String> cursor, int limit, Mode mode) {
        Optional<CachedMessages> cached = mode == Mode.THROUGH_CACHE ? through(on) : Optional.empty();
        if (cached.isEmpty()) return new Shown<>(on.conversations(viewer, cursor, limit), Optional.empty(), Optional.empty());
        CachedMessages c = cached.get();
        if (cursor.isPresent()) return shown(c.conversations(viewer, cursor, limit), Optional.empty());
        String key = CacheKeys.conversations(viewer.uuid());
        CachedPage<Conversation> page = c.conversations(viewer, cursor, c.pageSize());
        return shown(page, Optional.of(view(on, c.cache(), key, page, CachedPageFormat::readConversations)));
    }

    /** Pattern A (each page oldest to newest); through the cache as {@link #conversations}. */
    public Shown<Message> messages(DirectMessages on, String groupUuid, Optional<String> cursor, int limit, Mode mode) {
        Optional<CachedMessages> cached = mode == Mode.THROUGH_CACHE ? through(on) : Optional.empty();
        if (cached.isEmpty()) return new Shown<>(on.messages(groupUuid, cursor, limit), Optional.empty(), Optional.empty());
        CachedMessages c = cached.get();
        if (cursor.isPresent()) return shown(c.messages(groupUuid, cursor, limit), Optional.empty());
        String key = CacheKeys.messages(groupUuid);
        CachedPage<Message> page = c.messages(groupUuid, cursor, c.pageSize());
        return shown(page, Optional.of(view(on, c.cache(), key, page, CachedPageFormat::readMessages)));
    }

    private <T> Shown<T> shown(CachedPage<T> page, Optional<CacheView> view) {
        Optional<String> problem = page.source().cacheProblem();
        problem.ifPresent(message -> problems.accept("Cache: " + message + " Reads fall back to DynamoDB meanwhile."));
        return new Shown<>(page.page(), view, problem);
    }

    /** What the cache holds under the key now (not counted as a read), and for a served page how it compares with the table. */
    private static <T> CacheView view(DirectMessages on, CacheStore store, String key, CachedPage<T> page,
                                      Function<String, CachedPageFormat.Decoded<T>> decode) {
        Optional<Source.Reason> reason = page.source() instanceof Source.DynamoDb d ? Optional.of(d.reason()) : Optional.empty();
        CacheRead<String> held = store.getTextWithTtl(key);
        if (!(held instanceof CacheRead.Hit<String> hit)) {
            return new CacheView(key, page.source().fromCache(), reason, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<Instant> cachedAt = decode.apply(hit.value()) instanceof CachedPageFormat.Valid<T> valid
                ? Optional.of(valid.cachedAt()) : Optional.empty();
        Optional<StaleCheck.Report> comparison = page.source().fromCache()
                ? Optional.of(new StaleCheck(on, store).check(key, hit.value())) : Optional.empty();
        return new CacheView(key, page.source().fromCache(), reason, cachedAt, hit.ttlRemaining(), comparison);
    }

    // ---------------------------------------------------------------- writes

    /** Sends; the write keeps the cache honest on its way ({@link WriteInvalidation}). */
    public SendResult send(DirectMessages on, OutgoingMessage outgoing) {
        return on.send(outgoing);
    }

    public SendResult startConversation(DirectMessages on, OutgoingMessage first, User to) {
        return on.startConversation(first, to);
    }

    /** Drops a stale page key everywhere (bumps its generation, deletes it): the next read re-reads the table. */
    public Invalidation drop(String key) {
        WriteInvalidation current;
        synchronized (this) {
            current = invalidation;
        }
        if (current == null) return new Invalidation(List.of(key), List.of("Not connected."));
        Invalidation done = current.invalidate(List.of(key));
        tellStale(done);
        return done;
    }

    private void closeSessionParts() {
        if (invalidation != null) {
            invalidation.close();
            invalidation = null;
        }
        if (cachedReads != null) {
            cachedReads.close();
            cachedReads = null;
        }
    }

    @Override
    public synchronized void close() {
        closeSessionParts();
        session = null;
        cache = null;
    }
}
