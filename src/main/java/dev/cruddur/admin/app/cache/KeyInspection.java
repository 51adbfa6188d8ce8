package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.app.cache.CacheKeys.KeyKind;
import dev.cruddur.admin.cache.CacheOutcome;
import dev.cruddur.admin.cache.CacheRead;
import dev.cruddur.admin.cache.CacheStore;
import dev.cruddur.admin.cache.CollectionContents;
import dev.cruddur.admin.cache.ItemType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks one key up for the inspector: whether it is there, its type, size, remaining TTL, the
 * value (indented when it is JSON) or a collection's members, and for the app's own page keys
 * what a reader would make of it. Lookups are ordinary reads, so they count in the statistics like any other.
 */
public final class KeyInspection {
    private final CacheStore cache;

    public KeyInspection(CacheStore cache) {
        this.cache = cache;
    }

    /** What a lookup found. */
    public sealed interface Lookup {
        String key();

        KeyKind kind();
    }

    /**
     * @param sizeBytes    the value's length in UTF-8 bytes (0 for a collection, whose value is not read)
     * @param value        the value as text; empty for a collection
     * @param prettyJson   the value indented, when it is JSON
     * @param ttlRemaining how long it has left, when the cache said
     * @param notes        plain lines about the value: its page format, its generation, whether readers use it
     * @param contents     a collection's members, read whole; empty for a scalar
     */
    public record Found(String key, KeyKind kind, ItemType type, long sizeBytes, Optional<String> value,
                        Optional<String> prettyJson, Optional<Duration> ttlRemaining, List<String> notes,
                        Optional<CollectionContents> contents) implements Lookup {
        public Found {
            notes = List.copyOf(notes);
        }
    }

    public record Missing(String key, KeyKind kind) implements Lookup {}

    public record Failed(String key, KeyKind kind, String message) implements Lookup {}

    public Lookup inspect(String key) {
        KeyKind kind = CacheKeys.parse(key).kind();
        CacheOutcome<ItemType> type = cache.itemType(key);
        if (type instanceof CacheOutcome.Failed<ItemType> failed) {
            return new Failed(key, kind, failed.message());
        }
        ItemType itemType = ((CacheOutcome.Ok<ItemType>) type).value();
        if (itemType == ItemType.MISSING) {
            return new Missing(key, kind);
        }
        if (itemType != ItemType.SCALAR) {
            CacheOutcome<Optional<CollectionContents>> fetched = cache.collections().fetch(key, itemType);
            if (fetched instanceof CacheOutcome.Failed<Optional<CollectionContents>> failed) {
                return new Failed(key, kind, failed.message());
            }
            Optional<CollectionContents> contents = ((CacheOutcome.Ok<Optional<CollectionContents>>) fetched).value();
            if (contents.isEmpty()) {
                return new Missing(key, kind); // expired or emptied between the two calls
            }
            Optional<Duration> ttl = cache.itemTtl(key) instanceof CacheOutcome.Ok<Optional<Duration>> ok ? ok.value() : Optional.empty();
            long bytes = contents.get().rows().stream().mapToLong(r -> utf8(r.field()) + utf8(r.value())).sum();
            int members = contents.get().rows().size();
            return new Found(key, kind, itemType, bytes, Optional.empty(), Optional.empty(), ttl,
                    List.of("A Momento " + itemType.name().toLowerCase().replace('_', ' ') + " of " + members
                            + (members == 1 ? " member" : " members") + "; " + (kind == KeyKind.OTHER
                            ? "not a key this app reads or writes." : "this app stores a scalar here, so its readers fail on it.")),
                    contents);
        }
        CacheRead<String> read = cache.getTextWithTtl(key);
        if (read instanceof CacheRead.Failed<String> failed) {
            return new Failed(key, kind, failed.message());
        }
        if (read instanceof CacheRead.Miss<String>) {
            return new Missing(key, kind); // expired between the two calls
        }
        CacheRead.Hit<String> hit = (CacheRead.Hit<String>) read;
        String value = hit.value();
        return new Found(key, kind, itemType, value.getBytes(StandardCharsets.UTF_8).length, Optional.of(value),
                CachedPageFormat.prettyJson(value), hit.ttlRemaining(), notes(key, kind, value), Optional.empty());
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private List<String> notes(String key, KeyKind kind, String value) {
        List<String> notes = new ArrayList<>();
        switch (kind) {
            case CONVERSATIONS_PAGE, MESSAGES_PAGE -> {
                CachedPageFormat.Decoded<?> decoded = kind == KeyKind.CONVERSATIONS_PAGE
                        ? CachedPageFormat.readConversations(value) : CachedPageFormat.readMessages(value);
                if (decoded instanceof CachedPageFormat.Unreadable<?> bad) {
                    notes.add("Not a page in format " + CachedPageFormat.VERSION + " (" + bad.reason()
                            + "): the next read deletes it and reads DynamoDB.");
                } else {
                    CachedPageFormat.Valid<?> page = (CachedPageFormat.Valid<?>) decoded;
                    notes.add("Format " + CachedPageFormat.VERSION + ": " + page.page().items().size() + " "
                            + (kind == KeyKind.CONVERSATIONS_PAGE ? "conversations" : "messages") + " of a page of "
                            + page.pageSize() + (page.page().hasMore() ? ", more after it" : ", the only page")
                            + "; read from DynamoDB at " + page.cachedAt() + ".");
                    Optional<Long> counter = StaleCheck.currentGeneration(cache, key);
                    if (counter.isEmpty()) {
                        notes.add("Generation " + page.generation() + "; the key's counter could not be read.");
                    } else if (counter.get() == page.generation()) {
                        notes.add("Generation " + page.generation() + " is current: readers are served this page.");
                    } else {
                        notes.add("Generation " + page.generation() + ", but the key is at " + counter.get()
                                + ": a send came after this page was read, so readers ignore it and re-read DynamoDB.");
                    }
                }
            }
            case MESSAGE_COUNTER -> notes.add("Cruddur's own message counter for @" + CacheKeys.parse(key).subject() + ".");
            case GENERATION -> notes.add("This app's invalidation counter for " + CacheKeys.parse(key).subject()
                    + "; it only grows, each send adds one.");
            case OTHER -> notes.add("Not a key this app reads or writes.");
        }
        return notes;
    }
}
