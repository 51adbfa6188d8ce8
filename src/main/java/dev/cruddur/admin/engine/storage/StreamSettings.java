package dev.cruddur.admin.engine.storage;

/** The table's current stream, if enabled: its view type and label (the label is part of the stream ARN). */
public record StreamSettings(boolean enabled, String viewType, String label) {}
