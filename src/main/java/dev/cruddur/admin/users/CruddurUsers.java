package dev.cruddur.admin.users;

import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.User;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Cruddur's users, from {@code public.users} ({@code uuid, display_name, handle, email,
 * cognito_user_id, created_at}): searched by handle, name or email a page at a time, looked up by
 * handle or uuid as Cruddur's backend does before it starts a conversation.
 */
public final class CruddurUsers implements AutoCloseable {
    private final PostgresSession session;

    public CruddurUsers(PostgresTarget target) {
        this.session = new PostgresSession(target);
    }

    public PostgresTarget target() {
        return session.target();
    }

    /** What "Test connection" shows: the server's version, its TimeZone and how many users it holds. */
    public record Check(String serverVersion, String timeZone, long users) {}

    public Check check() {
        return session.call(c -> {
            String version;
            String zone;
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), current_setting('TimeZone')")) {
                rs.next();
                version = rs.getString(1);
                zone = rs.getString(2);
            }
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM public.users")) {
                rs.next();
                return new Check(version, zone, rs.getLong(1));
            }
        });
    }

    /**
     * Users whose handle, display name or email contains {@code query} (ignoring case, a leading '@'
     * dropped), by handle; {@code cursor} is the previous page's. A blank query pages through everyone.
     */
    public Page<User> search(String query, Optional<String> cursor, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be positive");
        String q = query == null ? "" : query.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
        String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        long offset = cursor.map(Long::parseLong).orElse(0L);
        List<User> users = session.call(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT uuid::text, handle, display_name FROM public.users
                    WHERE ? = '' OR lower(handle) LIKE ? OR lower(display_name) LIKE ? OR lower(email) LIKE ?
                    ORDER BY lower(handle), uuid OFFSET ? LIMIT ?""")) {
                st.setString(1, q);
                st.setString(2, pattern);
                st.setString(3, pattern);
                st.setString(4, pattern);
                st.setLong(5, offset);
                st.setInt(6, limit + 1);
                return read(st);
            }
        });
        boolean more = users.size() > limit;
        return new Page<>(more ? users.subList(0, limit) : users, more ? Optional.of(Long.toString(offset + limit)) : Optional.empty());
    }

    /** Every user of this handle (ignoring case, '@' dropped): Cruddur does not make handles unique, so there may be several. */
    public List<User> byHandle(String handle) {
        String h = handle.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
        return session.call(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT uuid::text, handle, display_name FROM public.users WHERE lower(handle) = ? ORDER BY uuid")) {
                st.setString(1, h);
                return read(st);
            }
        });
    }

    public Optional<User> byUuid(String uuid) {
        UUID parsed;
        try {
            parsed = UUID.fromString(uuid.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return session.call(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT uuid::text, handle, display_name FROM public.users WHERE uuid = ?")) {
                st.setObject(1, parsed);
                return read(st).stream().findFirst();
            }
        });
    }

    private static List<User> read(PreparedStatement st) throws SQLException {
        List<User> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) out.add(new User(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
        return out;
    }

    /** The same connection's answers about time (the server's TimeZone, how it reads a literal). */
    public DatabaseTime time() {
        return new DatabaseTime(session);
    }

    @Override
    public void close() {
        session.close();
    }
}
