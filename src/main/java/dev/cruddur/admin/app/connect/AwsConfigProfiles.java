package dev.cruddur.admin.app.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The profile names of the AWS config file, to pick from (no credentials are read). */
public final class AwsConfigProfiles {
    private AwsConfigProfiles() {}

    /** {@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}. */
    public static Path configFile(Map<String, String> env) {
        String file = env.get("AWS_CONFIG_FILE");
        return file != null && !file.isBlank() ? Path.of(file) : Path.of(System.getProperty("user.home"), ".aws", "config");
    }

    /** The names in file order: {@code [default]} is "default", {@code [profile x]} is "x"; none for a missing file. */
    public static List<String> names(Path configFile) {
        List<String> names = new ArrayList<>();
        if (!Files.isRegularFile(configFile)) return names;
        try {
            for (String line : Files.readAllLines(configFile, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (!l.startsWith("[") || !l.endsWith("]")) continue;
                String section = l.substring(1, l.length() - 1).strip();
                String name = section.equals("default") ? "default"
                        : section.startsWith("profile ") ? section.substring("profile ".length()).strip() : null;
                if (name != null && !name.isEmpty() && !names.contains(name)) names.add(name);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return names;
        }
        return names;
    }
}
