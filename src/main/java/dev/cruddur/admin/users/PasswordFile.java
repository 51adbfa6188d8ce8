package dev.cruddur.admin.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** libpq's password file ({@code ~/.pgpass}, or {@code PGPASSFILE}): {@code host:port:database:user:password}, {@code *} matches anything. */
final class PasswordFile {
    private PasswordFile() {}

    static Path location(Map<String, String> env) {
        String named = env.get("PGPASSFILE");
        if (named != null && !named.isBlank()) return Path.of(named);
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".pgpass");
    }

    /** The password of the first matching line, as libpq reads it; empty when the file is missing or unreadable. */
    static Optional<String> lookup(Path file, String host, int port, String database, String user) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            lines = Files.readAllLines(file);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> fields = fields(line);
            if (fields.size() < 5) continue;
            if (matches(fields.get(0), host) && matches(fields.get(1), Integer.toString(port))
                    && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** Splits on ':' honouring libpq's backslash escapes of ':' and '\'; the password field keeps any later colons. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
