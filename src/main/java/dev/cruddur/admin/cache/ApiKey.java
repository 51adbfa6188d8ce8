package dev.cruddur.admin.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A Momento API key. It shows itself only masked ({@link #toString}, {@link #masked}); the
 * secret leaves this package only inside the SDK's credential provider.
 */
public final class ApiKey {
    private static final Set<PosixFilePermission> OTHERS_AND_GROUP = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    public static ApiKey of(String secret) throws CacheSettingsException {
        Objects.requireNonNull(secret, "secret");
        String trimmed = secret.strip();
        if (trimmed.isEmpty()) {
            throw new CacheSettingsException("The Momento API key is empty");
        }
        return new ApiKey(trimmed);
    }

    /** A token the embedded cache generated (always well formed). */
    static ApiKey generatedToken(String token) {
        return new ApiKey(token);
    }

    /**
     * Reads a key from a file only its owner can read or write (like {@code ~/.ssh} keys);
     * a file that the group or others may read is refused, since the key is as good as leaked.
     * On file systems without POSIX permissions the check is skipped.
     */
    public static ApiKey fromFile(Path file) throws CacheSettingsException {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                Set<PosixFilePermission> tooOpen = EnumSet.noneOf(PosixFilePermission.class);
                tooOpen.addAll(permissions);
                tooOpen.retainAll(OTHERS_AND_GROUP);
                if (!tooOpen.isEmpty()) {
                    throw new CacheSettingsException("The key file " + file + " can be read by other users (permissions "
                            + PosixFilePermissions.toString(permissions) + "); make it private with: chmod 600 " + file);
                }
            }
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException missing) {
            throw new CacheSettingsException("The key file " + file + " does not exist");
        } catch (IOException unreadable) {
            throw new CacheSettingsException("The key file " + file + " cannot be read: " + unreadable.getClass().getSimpleName());
        }
    }

    /**
     * A form safe to show: {@code eyJh…(412 chars)…x9Q} for a long key, {@code ••••last4} for
     * a short one, and only dots for a key too short to reveal anything of.
     */
    public String masked() {
        int length = secret.length();
        if (length >= 24) {
            return secret.substring(0, 4) + "…(" + length + " chars)…" + secret.substring(length - 3);
        }
        if (length >= 12) {
            return "••••" + secret.substring(length - 4);
        }
        return "••••";
    }

    /** Replaces the key, wherever it appears in {@code text}, by its masked form. */
    String redact(String text) {
        return text == null ? null : text.replace(secret, masked());
    }

    String secret() {
        return secret;
    }

    /**
     * The key in clear, for one purpose: the user asked to copy it (the Cache pane's Copy
     * button, for {@code MOMENTO_API_KEY}-style use). Never for a log, a label or a message.
     */
    public String plainTextForCopy() {
        return secret;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey that && secret.equals(that.secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[" + masked() + "]";
    }
}
