package dev.cruddur.admin.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** What the window remembers between runs that is not a connection: for now, the theme. */
public final class WindowPreferences {
    private static final String FILE = "window.properties";
    private final Path file;

    public WindowPreferences(Path configDir) {
        this.file = configDir.resolve(FILE);
    }

    /** The saved theme; light when nothing (or nothing readable) was saved. */
    public boolean dark() {
        if (!Files.isRegularFile(file)) return false;
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return false; // a damaged preferences file costs the theme, nothing more
        }
        return Boolean.parseBoolean(p.getProperty("dark"));
    }

    public void saveDark(boolean dark) throws IOException {
        AtomicFiles.replace(file, "# Cruddur Admin window preferences\ndark=" + dark + "\n");
    }
}
