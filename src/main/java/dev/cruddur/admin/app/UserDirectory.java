package dev.cruddur.admin.app;

import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The users the tool knows: those named in the table's group rows, plus the demo fixture's. */
public final class UserDirectory {
    private final Map<String, User> byUuid;

    public UserDirectory(Map<String, User> fromTable) {
        Map<String, User> users = new LinkedHashMap<>();
        for (User u : DemoFixture.USERS) users.put(u.uuid(), u);
        users.putAll(fromTable);
        this.byUuid = users;
    }

    public List<User> all() {
        List<User> out = new ArrayList<>(byUuid.values());
        out.sort(Comparator.comparing((User u) -> u.displayName().toLowerCase(Locale.ROOT)).thenComparing(User::handle));
        return out;
    }

    public Optional<User> byUuid(String uuid) {
        return Optional.ofNullable(byUuid.get(uuid));
    }

    /** A user by uuid, or by handle with or without '@', ignoring case. */
    public Optional<User> find(String handleOrUuid) {
        if (handleOrUuid == null || handleOrUuid.isBlank()) return Optional.empty();
        User exact = byUuid.get(handleOrUuid.strip());
        if (exact != null) return Optional.of(exact);
        return byUuid.values().stream().filter(u -> u.matches(handleOrUuid)).findFirst();
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
