package dev.cruddur.admin.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message about to be written. Its uuid and {@code created_at} are fixed before the first
 * write, so retrying the same outgoing message is recognised and never writes it twice.
 */
public record OutgoingMessage(String groupUuid, User sender, String text, String messageUuid, Instant createdAt) {
    public OutgoingMessage {
        Objects.requireNonNull(groupUuid, "groupUuid");
        Objects.requireNonNull(sender, "sender");
        text = text == null ? "" : text;
        Objects.requireNonNull(messageUuid, "messageUuid");
        createdAt = createdAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public static OutgoingMessage prepare(String groupUuid, User sender, String text, Clock clock) {
        return new OutgoingMessage(groupUuid, sender, text, UUID.randomUUID().toString(), clock.instant());
    }

    /** The sort key this message is written under. */
    public String sortKey() {
        return SortKeyTime.canonical(createdAt);
    }
}
