package dev.cruddur.admin.app.time;

import dev.cruddur.admin.app.AtomicFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Time pane remembers across restarts: the display zones and the zone naive values are
 * read in, in {@code time-zones.json} under the config directory. Writes are atomic (a temp file
 * moved over the old one); a file that cannot be read, or a zone this JDK does not know, falls
 * back to the defaults rather than failing the pane.
 */
public final class TimePanePreferences {
    public static final String FILE_NAME = "time-zones.json";

    /** The saved choices. */
    public record Saved(ZoneId assumedZone, List<ZoneId> displayZones) {
        public Saved {
            displayZones = List.copyOf(displayZones);
        }

        /** UTC for naive values (what Cruddur's stack means by them); New York and London shown. */
        public static Saved defaults() {
            return new Saved(ZoneId.of("UTC"), List.of(ZoneId.of("America/New_York"), ZoneId.of("Europe/London")));
        }
    }

    /** The file's shape: zone ids as text, so an unknown one is skipped, not fatal. */
    public record FileContent(int version, String assumedZone, List<String> displayZones) {}

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public TimePanePreferences(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The saved choices, or the defaults when there are none or they cannot be read. */
    public Saved load() {
        if (!Files.exists(file)) return Saved.defaults();
        try {
            FileContent content = json.readValue(file.toFile(), FileContent.class);
            Saved defaults = Saved.defaults();
            ZoneId assumed = zone(content.assumedZone());
            List<ZoneId> zones = new ArrayList<>();
            if (content.displayZones() != null) {
                for (String id : content.displayZones()) {
                    ZoneId z = zone(id);
                    if (z != null && !zones.contains(z)) zones.add(z);
                }
            }
            return new Saved(assumed == null ? defaults.assumedZone() : assumed,
                    content.displayZones() == null ? defaults.displayZones() : zones);
        } catch (IOException | RuntimeException e) {
            return Saved.defaults();
        }
    }

    /** Writes the choices atomically. */
    public void save(Saved saved) {
        try {
            AtomicFiles.replace(file, temp -> json.writeValue(temp.toFile(), new FileContent(1, saved.assumedZone().getId(),
                    saved.displayZones().stream().map(ZoneId::getId).toList())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the Time pane's zones to " + file + ": " + e.getMessage(), e);
        }
    }

    private static ZoneId zone(String id) {
        if (id == null || id.isBlank()) return null;
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
