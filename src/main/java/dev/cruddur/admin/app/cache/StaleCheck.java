package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.cache.CacheKeys.KeyKind;
import dev.cruddur.admin.cache.CacheRead;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Recomputes a cached first page from DynamoDB and says whether the cached one differs, and how:
 * which conversations or messages were added, removed, or changed (with the changed fields).
 * Changes nothing; reads DynamoDB once and the cache twice (the page and its generation).
 */
public final class StaleCheck {
    private final DirectMessages messages;
    private final CacheStore cache;
    private final int pageSize;

    public StaleCheck(DirectMessages messages, CacheStore cache) {
        this(messages, cache, CachedMessages.DEFAULT_PAGE_SIZE);
    }

    public StaleCheck(DirectMessages messages, CacheStore cache, int pageSize) {
        this.messages = messages;
        this.cache = cache;
        this.pageSize = pageSize;
    }

    public enum Verdict {
        /** the cached page equals DynamoDB's */
        CURRENT,
        /** the cached page differs from DynamoDB's: see the differences */
        DIFFERS,
        /** nothing is cached under the key */
        NOT_CACHED,
        /** the cached value is not a page in the current format */
        UNREADABLE,
        /** the key is not a {@code groups/} or {@code messages/} key */
        NOT_A_PAGE_KEY,
        /** the cache could not be read */
        CACHE_ERROR
    }

    public enum Change { ADDED, REMOVED, CHANGED }

    /**
     * One conversation or message that differs. ADDED: in DynamoDB, not in the cached page;
     * REMOVED: in the cached page, no longer in DynamoDB's; CHANGED: in both, with the fields
     * that differ ({@code position} when only its place in the page moved).
     *
     * @param id      the conversation's {@code message_group_uuid} or the message's {@code message_uuid}
     * @param summary a line to show: who and what
     */
    public record ItemDifference(Change change, String id, String summary, List<String> fields) {
        public ItemDifference {
            fields = List.copyOf(fields);
        }
    }

    /**
     * @param servedToReaders whether a cache-aside read would serve the cached page now (its
     *                        generation is current); an outdated page is ignored by readers even if present
     * @param explanation     one plain sentence for the inspector
     */
    public record Report(String key, Verdict verdict, boolean servedToReaders, List<ItemDifference> differences,
                         boolean nextCursorDiffers, String explanation) {
        public Report {
            differences = List.copyOf(differences);
        }

        public boolean stale() {
            return verdict == Verdict.DIFFERS;
        }
    }

    /** Why only some keys can be checked: the app caches pages under these two shapes and nothing else. */
    public static final String ONLY_PAGE_KEYS =
            "Only groups/{user_uuid} and messages/{message_group_uuid} hold pages that can be compared with DynamoDB.";

    /** Whether {@code key} is one of the app's cached pages, the only keys a check can compare. */
    public static boolean checks(String key) {
        KeyKind kind = CacheKeys.parse(key).kind();
        return kind == KeyKind.CONVERSATIONS_PAGE || kind == KeyKind.MESSAGES_PAGE;
    }

    public Report check(String key) {
        if (!checks(key)) return new Report(key, Verdict.NOT_A_PAGE_KEY, false, List.of(), false, ONLY_PAGE_KEYS);
        CacheRead<String> cached = cache.inspectText(key);
        if (cached instanceof CacheRead.Failed<String> failed) {
            return new Report(key, Verdict.CACHE_ERROR, false, List.of(), false, failed.message());
        }
        if (cached instanceof CacheRead.Miss<String>) {
            return new Report(key, Verdict.NOT_CACHED, false, List.of(), false,
                    "Nothing is cached under " + key + "; the next read fills it from DynamoDB.");
        }
        return check(key, ((CacheRead.Hit<String>) cached).value());
    }

    /** Compares {@code value}, a cached page just read under {@code key}, with DynamoDB's first page now. */
    public Report check(String key, String value) {
        if (!checks(key)) return new Report(key, Verdict.NOT_A_PAGE_KEY, false, List.of(), false, ONLY_PAGE_KEYS);
        CacheKeys.ParsedKey parsed = CacheKeys.parse(key);
        if (parsed.kind() == KeyKind.CONVERSATIONS_PAGE) {
            Page<Conversation> now = messages.conversations(new User(parsed.subject(), "", ""), Optional.empty(), pageSize);
            return compare(key, CachedPageFormat.readConversations(value), now, Conversation::groupUuid,
                    StaleCheck::conversationFields, c -> c.other().displayName() + ": " + c.lastMessage());
        }
        Page<Message> now = messages.messages(parsed.subject(), Optional.empty(), pageSize);
        return compare(key, CachedPageFormat.readMessages(value), now, Message::messageUuid,
                StaleCheck::messageFields, m -> "@" + m.sender().handle() + ": " + m.text());
    }

    private <T> Report compare(String key, CachedPageFormat.Decoded<T> decoded, Page<T> now, Function<T, String> id,
                               Function<T, Map<String, Object>> fields, Function<T, String> summary) {
        if (decoded instanceof CachedPageFormat.Unreadable<T> bad) {
            return new Report(key, Verdict.UNREADABLE, false, List.of(), false,
                    "The cached value is not a page in format " + CachedPageFormat.VERSION + " (" + bad.reason()
                            + "); the next read deletes it.");
        }
        CachedPageFormat.Valid<T> valid = (CachedPageFormat.Valid<T>) decoded;
        boolean served = valid.pageSize() == pageSize && currentGeneration(cache, key).map(g -> g == valid.generation()).orElse(false);
        List<ItemDifference> differences = differences(valid.page().items(), now.items(), id, fields, summary);
        boolean cursorDiffers = !valid.page().nextCursor().equals(now.nextCursor());
        if (differences.isEmpty() && !cursorDiffers) {
            return new Report(key, Verdict.CURRENT, served, List.of(), false, "The cached page equals DynamoDB's first page.");
        }
        String what = differences.isEmpty() ? "Only the next-page cursor differs" : count(differences);
        return new Report(key, Verdict.DIFFERS, served, differences, cursorDiffers, what + (served
                ? "; readers are being served this stale page (a write bypassed invalidation)."
                : "; readers no longer use it (a send invalidated it since), so it only waits for its TTL."));
    }

    static <T> List<ItemDifference> differences(List<T> cached, List<T> now, Function<T, String> id,
                                                Function<T, Map<String, Object>> fields, Function<T, String> summary) {
        Map<String, Integer> cachedAt = positions(cached, id);
        Map<String, Integer> nowAt = positions(now, id);
        List<ItemDifference> out = new ArrayList<>();
        for (T item : now) {
            String key = id.apply(item);
            if (!cachedAt.containsKey(key)) {
                out.add(new ItemDifference(Change.ADDED, key, summary.apply(item), List.of()));
                continue;
            }
            T old = cached.get(cachedAt.get(key));
            Map<String, Object> before = fields.apply(old);
            Map<String, Object> after = fields.apply(item);
            List<String> changed = new ArrayList<>();
            for (String field : after.keySet()) {
                if (!Objects.equals(before.get(field), after.get(field))) changed.add(field);
            }
            // a move counts only if the relative order changed, not when items were added above
            if (changed.isEmpty() && relativeOrderChanged(key, cached, now, id, cachedAt, nowAt)) changed.add("position");
            if (!changed.isEmpty()) out.add(new ItemDifference(Change.CHANGED, key, summary.apply(item), changed));
        }
        for (T item : cached) {
            if (!nowAt.containsKey(id.apply(item))) {
                out.add(new ItemDifference(Change.REMOVED, id.apply(item), summary.apply(item), List.of()));
            }
        }
        return out;
    }

    private static <T> boolean relativeOrderChanged(String key, List<T> cached, List<T> now, Function<T, String> id,
                                                    Map<String, Integer> cachedAt, Map<String, Integer> nowAt) {
        List<String> commonBefore = cached.stream().map(id).filter(nowAt::containsKey).toList();
        List<String> commonAfter = now.stream().map(id).filter(cachedAt::containsKey).toList();
        return commonBefore.indexOf(key) != commonAfter.indexOf(key);
    }

    private static <T> Map<String, Integer> positions(List<T> items, Function<T, String> id) {
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) at.putIfAbsent(id.apply(items.get(i)), i);
        return at;
    }

    private static Map<String, Object> conversationFields(Conversation c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("owner_uuid", c.ownerUuid());
        f.put("user_uuid", c.other().uuid());
        f.put("user_handle", c.other().handle());
        f.put("user_display_name", c.other().displayName());
        f.put("message", c.lastMessage());
        f.put("last_message_at", c.lastMessageAt().raw());
        f.put("problems", c.problems());
        return f;
    }

    private static Map<String, Object> messageFields(Message m) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("message_group_uuid", m.groupUuid());
        f.put("user_uuid", m.sender().uuid());
        f.put("user_handle", m.sender().handle());
        f.put("user_display_name", m.sender().displayName());
        f.put("message", m.text());
        f.put("created_at", m.createdAt().raw());
        f.put("problems", m.problems());
        return f;
    }

    private static String count(List<ItemDifference> differences) {
        long added = differences.stream().filter(d -> d.change() == Change.ADDED).count();
        long removed = differences.stream().filter(d -> d.change() == Change.REMOVED).count();
        long changed = differences.stream().filter(d -> d.change() == Change.CHANGED).count();
        return added + " added, " + removed + " removed, " + changed + " changed";
    }

    /** The invalidation counter of a page key as the cache holds it now; empty when there is none or it is not a number. */
    static Optional<Long> currentGeneration(CacheStore cache, String pageKey) {
        if (cache.inspectText(CacheKeys.generationOf(pageKey)) instanceof CacheRead.Hit<String> hit) {
            try {
                return Optional.of(Long.parseLong(hit.value().strip()));
            } catch (NumberFormatException notACounter) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
