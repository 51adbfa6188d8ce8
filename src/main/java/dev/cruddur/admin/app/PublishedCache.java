package dev.cruddur.admin.app;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the cache of the process that owns an embedded data directory listens, as that process
 * publishes it in the directory ({@value #FILE}), so the command line and a second window keep
 * the owner's cache honest instead of a throwaway one of their own.
 *
 * <p>The file is a small properties text: {@code host} and {@code port}, and {@code token} only
 * when the cache server requires one (then a client must present it as its API key). The file is
 * readable by its owner only, since it may hold the token.
 */
public record PublishedCache(String host, int port, Optional<String> token) {
    public static final String FILE = "cache.endpoint";

    public PublishedCache {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        if (port <= 0 || port > 65_535) throw new IllegalArgumentException("port out of range: " + port);
    }

    /** Writes the record into {@code dir}, replacing any earlier one at once. */
    public void publishIn(Path dir) throws IOException {
        StringBuilder text = new StringBuilder("# the cache of the Cruddur Admin that owns this data directory\n")
                .append("host=").append(host).append('\n')
                .append("port=").append(port).append('\n');
        token.ifPresent(t -> text.append("token=").append(t).append('\n'));
        AtomicFiles.replace(dir.resolve(FILE), temp -> {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data directory itself is the user's own
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
        });
    }

    /** The record in {@code dir}, if one is there and readable; whether its owner still runs is the caller's question. */
    public static Optional<PublishedCache> readFrom(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            String host = p.getProperty("host", "").strip();
            int port = Integer.parseInt(p.getProperty("port", "").strip());
            Optional<String> token = Optional.ofNullable(p.getProperty("token")).map(String::strip).filter(t -> !t.isEmpty());
            return host.isEmpty() ? Optional.empty() : Optional.of(new PublishedCache(host, port, token));
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    public static void withdrawFrom(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILE));
    }

    /** host:port, for messages. */
    public String address() {
        return host + ":" + port;
    }
}
