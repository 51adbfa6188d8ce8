package dev.cruddur.admin.domain;

/** Cruddur's rule for a message's text: trimmed, 1 to 1024 characters. */
public final class MessageText {
    public static final int MAX_LENGTH = 1024;

    private MessageText() {}

    public sealed interface Check permits Accepted, Refused {}

    public record Accepted(String text) implements Check {}

    public record Refused(String reason) implements Check {}

    /** Counts code points, as Cruddur's Python backend does with len(). */
    public static int length(String text) {
        return text == null ? 0 : text.strip().codePointCount(0, text.strip().length());
    }

    public static Check check(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) return new Refused("The message is empty: write at least one character.");
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            return new Refused("The message is " + length + " characters long; Cruddur allows at most " + MAX_LENGTH + ".");
        }
        return new Accepted(text);
    }
}
