package dev.cruddur.admin.ui.messages;

import dev.cruddur.admin.domain.Message;
import java.time.LocalDate;

/** A row of the transcript: a day separator or a message. */
public sealed interface TranscriptEntry {
    record Day(LocalDate date, String label) implements TranscriptEntry {}

    /** {@code mine}: sent by the viewer, shown on the right. */
    record Bubble(Message message, boolean mine) implements TranscriptEntry {}
}
