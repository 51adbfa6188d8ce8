package dev.cruddur.admin.time;

/** What {@link TimeParser#parse} made of a text. */
public sealed interface ParseOutcome permits ParseOutcome.Parsed, ParseOutcome.Invalid {

    record Parsed(ParsedTime time) implements ParseOutcome {
    }

    /** The text is no timestamp; {@code message} says what was expected, in plain words. */
    record Invalid(String message) implements ParseOutcome {
    }
}
