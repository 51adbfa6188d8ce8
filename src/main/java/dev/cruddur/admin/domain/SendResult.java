package dev.cruddur.admin.domain;

/** What became of a send. */
public sealed interface SendResult permits SendResult.Sent, SendResult.Rejected, SendResult.Failed {

    /**
     * Written. {@code repeated} is true when this exact message had already been written by an
     * earlier attempt (a retry after a lost answer) and nothing new was added.
     */
    record Sent(Message message, boolean repeated, String writeMode) implements SendResult {}

    /** Refused before anything was written: the reason says what to change. */
    record Rejected(String reason) implements SendResult {}

    /** The endpoint failed; the same outgoing message can be retried safely when {@code retryable}. */
    record Failed(String reason, boolean retryable) implements SendResult {}
}
