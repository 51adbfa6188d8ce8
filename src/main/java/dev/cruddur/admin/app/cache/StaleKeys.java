package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.store.ItemWrites.WrittenKey;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cache keys a write makes stale, derived from the items it wrote (their keys stand for the
 * images before and after: see {@code store.ItemWrites}). A group row {@code GRP#{user}} is part
 * of {@code groups/{user}}, the first page of that user's conversations; a message row
 * {@code MSG#{group}} is part of {@code messages/{group}}. So a direct send (one message row and
 * both participants' group rows) makes {@code messages/{group}} and both users' {@code groups/}
 * stale; a stream-mode send makes {@code messages/{group}} stale and the stream updater, moving
 * the group rows, both {@code groups/}. An item that is not Cruddur-shaped (another pk) is on no
 * cached page, so it makes nothing stale.
 */
public final class StaleKeys {
    private StaleKeys() {}

    /** The page keys, in the order first met, each once. */
    public static List<String> of(Collection<WrittenKey> written) {
        Set<String> keys = new LinkedHashSet<>();
        for (WrittenKey w : written) {
            TableKeys.ownerOf(w.pk()).filter(u -> !u.isBlank()).ifPresent(u -> keys.add(CacheKeys.conversations(u)));
            TableKeys.groupOf(w.pk()).filter(g -> !g.isBlank()).ifPresent(g -> keys.add(CacheKeys.messages(g)));
        }
        return List.copyOf(keys);
    }
}
