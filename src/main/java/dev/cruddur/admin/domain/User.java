package dev.cruddur.admin.domain;

import java.util.Locale;
import java.util.Objects;

/** A Cruddur user as the messages table names them: uuid, handle and display name. */
public record User(String uuid, String handle, String displayName) {
    public User {
        Objects.requireNonNull(uuid, "uuid");
        handle = handle == null ? "" : handle;
        displayName = displayName == null || displayName.isBlank() ? handle : displayName;
    }

    /** Two letters for an avatar: the initials of the first two words, else the first two letters. */
    public String initials() {
        String[] words = displayName.trim().split("\\s+");
        String letters = words.length >= 2
                ? words[0].substring(0, 1) + words[1].substring(0, 1)
                : displayName.strip().length() >= 2 ? displayName.strip().substring(0, 2) : displayName.strip();
        return letters.toUpperCase(Locale.ROOT);
    }

    /** True when the query names this user: its uuid exactly, or its handle with or without '@', ignoring case. */
    public boolean matches(String handleOrUuid) {
        if (handleOrUuid == null) return false;
        String q = handleOrUuid.strip();
        if (q.startsWith("@")) q = q.substring(1);
        return uuid.equalsIgnoreCase(q) || handle.equalsIgnoreCase(q);
    }
}
