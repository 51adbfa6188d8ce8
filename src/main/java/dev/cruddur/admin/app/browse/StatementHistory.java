package dev.cruddur.admin.app.browse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.app.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PartiQL statements run, newest first, kept across restarts as a JSON array in the config directory.
 * Reading and saving are file I/O: callers run them off the FX thread.
 */
public final class StatementHistory {
    public static final int MAX = 100;
    private static final String FILE = "partiql-history.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public StatementHistory(Path configDir) {
        this.file = configDir.resolve(FILE);
    }

    /** The saved statements, newest first; none when nothing (or nothing readable) was saved. */
    public List<String> load() {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            List<String> saved = JSON.readValue(file.toFile(), new TypeReference<List<String>>() {});
            return saved.stream().filter(s -> s != null && !s.isBlank()).limit(MAX).toList();
        } catch (IOException e) {
            return List.of(); // a damaged history costs the history, nothing more
        }
    }

    public void save(List<String> statements) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFiles.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(statements.stream().limit(MAX).toList()) + "\n");
    }

    /** The history after running {@code statement}: it moves to the front, once. */
    public static List<String> withRun(List<String> history, String statement) {
        List<String> next = new ArrayList<>();
        next.add(statement);
        for (String s : history) if (!s.equals(statement) && next.size() < MAX) next.add(s);
        return next;
    }
}
