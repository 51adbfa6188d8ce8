package dev.cruddur.admin.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far the stream updater has read, per shard: the sequence number of the last record it
 * applied. Kept in a small properties file replaced atomically, so a restart resumes right after
 * it: nothing skipped, and a record re-read after a crash is harmless (moves never go backwards).
 */
public final class StreamCheckpoints {
    private final Optional<Path> file;
    private final Map<String, String> lastApplied = new ConcurrentHashMap<>();

    private StreamCheckpoints(Optional<Path> file) {
        this.file = file;
    }

    public static StreamCheckpoints inMemory() {
        return new StreamCheckpoints(Optional.empty());
    }

    /** Checkpoints kept in {@code file}; a missing file means the stream is read from its start. */
    public static StreamCheckpoints inFile(Path file) {
        StreamCheckpoints checkpoints = new StreamCheckpoints(Optional.of(file));
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new StoreException(StoreException.Kind.OTHER, "Cannot read the stream checkpoint " + file + ": " + e.getMessage(), e);
            }
            p.stringPropertyNames().forEach(k -> checkpoints.lastApplied.put(k, p.getProperty(k)));
        }
        return checkpoints;
    }

    /** The checkpoint's key: stream and shard, since a table's stream changes when it is re-enabled. */
    static String key(String streamArn, String shardId) {
        return streamArn + "|" + shardId;
    }

    public Optional<String> lastApplied(String streamArn, String shardId) {
        return Optional.ofNullable(lastApplied.get(key(streamArn, shardId)));
    }

    public synchronized void record(String streamArn, String shardId, String sequenceNumber) {
        lastApplied.put(key(streamArn, shardId), sequenceNumber);
        file.ifPresent(this::save);
    }

    private void save(Path target) {
        Properties p = new Properties();
        p.putAll(lastApplied);
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, target.getFileName().toString(), ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "Cruddur Admin stream updater: last applied sequence number per stream shard");
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "Cannot save the stream checkpoint " + target + ": " + e.getMessage(), e);
        }
    }
}
