package dev.cruddur.admin.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces a file's content all at once: written to a temporary file beside it, then moved over
 * it, so a crash leaves the old content or the new, never half of one.
 */
public final class AtomicFiles {
    /** Writes the new content to the temporary file it is given. */
    public interface Writer {
        void writeTo(Path temp) throws IOException;
    }

    private AtomicFiles() {}

    public static void replace(Path file, Writer writer) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            writer.writeTo(temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void replace(Path file, String text) throws IOException {
        replace(file, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }
}
