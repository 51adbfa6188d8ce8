package dev.cruddur.admin.domain;

/** How a send updates the conversation's group rows (pattern D). */
public enum SendMode {
    /** The message and both group rows in one write (a transaction, or ordered writes). */
    DIRECT("direct"),
    /** The message only; the stream updater (or Cruddur's deployed Lambda) moves the group rows. */
    STREAM("stream");

    private final String label;

    SendMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
