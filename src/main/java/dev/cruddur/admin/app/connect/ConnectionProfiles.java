package dev.cruddur.admin.app.connect;

import dev.cruddur.admin.app.AtomicFiles;
import dev.cruddur.admin.app.UserDirectories;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saved connection profiles, in {@code connections.json} under the config directory. Writes
 * are atomic (a temp file moved over the old one); a file that cannot be read is set aside as
 * {@code connections.json.corrupt-<time>} and reported, never a crash.
 */
public final class ConnectionProfiles {
    public static final String FILE_NAME = "connections.json";

    /** The file's content. {@code selected} names the profile used last. */
    public record Saved(int version, String selected, List<ConnectionProfile> profiles) {
        public Saved {
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
        }
    }

    /** What loading found: the profiles (never empty), the one to start with, and a notice for the user. */
    public record Loaded(List<ConnectionProfile> profiles, ConnectionProfile selected, Optional<String> notice) {}

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private final Path file;
    private final Clock clock;

    /**
     * Made on first read or write, never in the constructor: the window constructs this on the FX
     * thread while it builds itself, and Jackson's first mapper costs a few hundred classes there.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public ConnectionProfiles(Path configDir, Clock clock) {
        this.file = configDir.resolve(FILE_NAME);
        this.clock = clock;
    }

    /**
     * {@code CRUDDUR_CONFIG_HOME} (or {@code -Dcruddur.config.home}) for tests and screenshots,
     * else {@code $XDG_CONFIG_HOME/cruddur-admin}, else {@code ~/.config/cruddur-admin}.
     */
    public static Path configDir(Map<String, String> env, java.util.Properties props) {
        String override = props.getProperty("cruddur.config.home", env.get("CRUDDUR_CONFIG_HOME"));
        if (override != null && !override.isBlank()) return Path.of(override);
        return UserDirectories.config(env);
    }

    /**
     * Where the embedded connection keeps its data: the user's data directory when the config is
     * the user's; beside a config directory given for a test or a portable run, so that one never
     * touches the user's data.
     */
    public static Path embeddedDataDir(Path configDir, Map<String, String> env) {
        return configDir.equals(UserDirectories.config(env)) ? UserDirectories.data(env) : configDir.resolve("embedded-data");
    }

    public Path file() {
        return file;
    }

    private Loaded first;

    /**
     * The file as it was at start, read once whoever asks first: the launch reads it early to
     * start the embedded engine beside the toolkit, and the window's list is the same read.
     */
    public synchronized Loaded loadOnce() {
        if (first == null) first = load();
        return first;
    }

    /**
     * What setting a corrupt file aside said, by file, until the profiles are saved again: a later load (another
     * {@code ConnectionProfiles} on the same file, the Connections dialog read again) finds no file, or the move
     * already done, and must still say where the file went. Loads are serialised so two cannot race the move.
     */
    private static final Map<Path, String> SET_ASIDE = new ConcurrentHashMap<>();

    public Loaded load() {
        synchronized (SET_ASIDE) {
            return loadNow();
        }
    }

    private Loaded loadNow() {
        if (!Files.exists(file)) {
            ConnectionProfile first = ConnectionProfile.defaultProfile();
            return new Loaded(List.of(first), first, Optional.ofNullable(SET_ASIDE.get(file.toAbsolutePath())));
        }
        try {
            Saved saved = Json.MAPPER.readValue(file.toFile(), Saved.class);
            List<ConnectionProfile> profiles = new ArrayList<>();
            for (ConnectionProfile p : saved.profiles()) if (p != null && profiles.stream().noneMatch(q -> q.name().equals(p.name()))) profiles.add(p);
            if (profiles.isEmpty()) profiles.add(ConnectionProfile.defaultProfile());
            ConnectionProfile selected = profiles.stream().filter(p -> p.name().equals(saved.selected())).findFirst().orElse(profiles.get(0));
            return new Loaded(List.copyOf(profiles), selected, Optional.empty());
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + STAMP.format(clock.instant()));
            String notice;
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                notice = "The saved connections could not be read; the file was set aside as " + aside.getFileName()
                        + " and the default connection is used.";
                SET_ASIDE.put(file.toAbsolutePath(), notice);
            } catch (IOException moveFailed) {
                notice = "The saved connections could not be read (" + file + ") and could not be set aside: "
                        + moveFailed.getMessage();
            }
            ConnectionProfile first = ConnectionProfile.defaultProfile();
            return new Loaded(List.of(first), first, Optional.of(notice));
        }
    }

    /** Writes the profiles atomically. */
    public void save(List<ConnectionProfile> profiles, ConnectionProfile selected) {
        SET_ASIDE.remove(file.toAbsolutePath());
        try {
            AtomicFiles.replace(file, temp -> Json.MAPPER.writeValue(temp.toFile(), new Saved(1, selected == null ? null : selected.name(), profiles)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the connections to " + file + ": " + e.getMessage(), e);
        }
    }
}
