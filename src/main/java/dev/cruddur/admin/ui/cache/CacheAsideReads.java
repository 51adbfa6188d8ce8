package dev.cruddur.admin.ui.cache;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.cache.CachedMessages;
import dev.cruddur.admin.app.cache.CachedPage;
import dev.cruddur.admin.app.cache.CachedSend;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.User;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link MessageReads} through {@link CachedMessages} while the session has a cache, else
 * {@link MessageReads#DIRECT}. A first page is always asked for at the cached page size (so a
 * view asking 25 gets the cached 20, and pages on from its cursor); later pages go to DynamoDB.
 * Cache trouble never fails a read (the back end falls back); it is reported to {@code problems},
 * a consumer callable from any thread, for a quiet banner. Safe for concurrent use.
 */
public final class CacheAsideReads implements MessageReads {
    private final Consumer<String> problems;
    private CacheStore store;
    private DirectMessages wrappedFor;
    private CachedMessages wrapper;

    public CacheAsideReads(Consumer<String> problems) {
        this.problems = problems;
    }

    /** Reads go through {@code cache} from now on ({@code null}: straight to DynamoDB). */
    public synchronized void use(CacheStore cache) {
        store = cache;
        if (wrapper != null) wrapper.close();
        wrapper = null;
        wrappedFor = null;
    }

    public synchronized Optional<CacheStore> cache() {
        return Optional.ofNullable(store);
    }

    /** The cache-aside wrapper over {@code on}, made on first use for each connection. */
    synchronized Optional<CachedMessages> over(DirectMessages on) {
        if (store == null || on == null) return Optional.empty();
        if (wrappedFor != on) {
            if (wrapper != null) wrapper.close();
            wrapper = new CachedMessages(on, store);
            wrappedFor = on;
        }
        return Optional.of(wrapper);
    }

    @Override
    public Page<Conversation> conversations(DirectMessages on, User viewer, Optional<String> cursor, int limit) {
        Optional<CachedMessages> cached = over(on);
        if (cached.isEmpty()) return DIRECT.conversations(on, viewer, cursor, limit);
        CachedMessages c = cached.get();
        return report(c.conversations(viewer, cursor, cursor.isEmpty() ? c.pageSize() : limit));
    }

    @Override
    public Page<Message> messages(DirectMessages on, String groupUuid, Optional<String> cursor, int limit) {
        Optional<CachedMessages> cached = over(on);
        if (cached.isEmpty()) return DIRECT.messages(on, groupUuid, cursor, limit);
        CachedMessages c = cached.get();
        return report(c.messages(groupUuid, cursor, cursor.isEmpty() ? c.pageSize() : limit));
    }

    @Override
    public SendResult send(DirectMessages on, OutgoingMessage outgoing) {
        Optional<CachedMessages> cached = over(on);
        if (cached.isEmpty()) return DIRECT.send(on, outgoing);
        return report(cached.get().send(outgoing));
    }

    @Override
    public SendResult startConversation(DirectMessages on, OutgoingMessage first, User to) {
        Optional<CachedMessages> cached = over(on);
        if (cached.isEmpty()) return DIRECT.startConversation(on, first, to);
        return report(cached.get().startConversation(first, to));
    }

    private <T> Page<T> report(CachedPage<T> page) {
        page.source().cacheProblem().ifPresent(message ->
                problems.accept("Cache: " + message + " Reads fall back to DynamoDB meanwhile."));
        return page.page();
    }

    private SendResult report(CachedSend sent) {
        if (!sent.invalidation().complete()) {
            problems.accept("Sent, but the cache could not be updated: " + String.join(" ", sent.invalidation().failures()));
        }
        return sent.result();
    }

    public synchronized void close() {
        use(null);
    }
}
