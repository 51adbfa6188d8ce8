package dev.cruddur.admin.app;

import dev.cruddur.admin.domain.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The users the tool knows: those named in the table's rows, plus (with a Postgres connection)
 * the Cruddur users looked up there. The demo's users are known only where the demo was loaded,
 * that is where they appear in the table: a fixed list would put the demo's uuid in place of
 * Cruddur's own user of the same handle, and writes would then go to the wrong uuid.
 */
public final class UserDirectory {
    private final Map<String, User> byUuid;

    public UserDirectory(Map<String, User> fromTable) {
        this.byUuid = new LinkedHashMap<>(fromTable);
    }

    /** This directory with more users (for example from Cruddur's Postgres); a known uuid keeps the given names. */
    public UserDirectory with(Collection<User> more) {
        Map<String, User> users = new LinkedHashMap<>(byUuid);
        for (User u : more) users.put(u.uuid(), u);
        return new UserDirectory(users);
    }

    public List<User> all() {
        List<User> out = new ArrayList<>(byUuid.values());
        out.sort(Comparator.comparing((User u) -> u.displayName().toLowerCase(Locale.ROOT)).thenComparing(User::handle)
                .thenComparing(User::uuid));
        return out;
    }

    public Optional<User> byUuid(String uuid) {
        return Optional.ofNullable(byUuid.get(uuid));
    }

    /** A user by uuid, or by handle with or without '@', ignoring case; a handle of two uuids is {@link UserLookup.Ambiguous}. */
    public UserLookup lookup(String handleOrUuid) {
        if (handleOrUuid == null || handleOrUuid.isBlank()) return new UserLookup.NotFound(String.valueOf(handleOrUuid));
        User exact = byUuid.get(handleOrUuid.strip());
        if (exact != null) return new UserLookup.Found(exact);
        List<User> matches = all().stream().filter(u -> u.matches(handleOrUuid)).toList();
        return switch (matches.size()) {
            case 0 -> new UserLookup.NotFound(handleOrUuid);
            case 1 -> new UserLookup.Found(matches.get(0));
            default -> new UserLookup.Ambiguous(handleOrUuid, matches);
        };
    }

    /** The one user a handle or uuid names; empty when it names nobody or more than one user. */
    public Optional<User> find(String handleOrUuid) {
        return lookup(handleOrUuid) instanceof UserLookup.Found found ? Optional.of(found.user()) : Optional.empty();
    }

    /** Users whose handle or display name contains the query, ignoring case; all of them for a blank query. */
    public List<User> search(String query) {
        if (query == null || query.isBlank()) return all();
        String q = query.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
        return all().stream()
                .filter(u -> u.handle().toLowerCase(Locale.ROOT).contains(q)
                        || u.displayName().toLowerCase(Locale.ROOT).contains(q)
                        || u.uuid().startsWith(q))
                .toList();
    }

    public int size() {
        return byUuid.size();
    }
}
