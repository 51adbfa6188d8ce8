package dev.cruddur.admin.engine.storage;

import dev.cruddur.admin.engine.model.AttributeValue;

/** A table's primary key value: hash, and range (null when the table has none). */
public record ItemKey(AttributeValue hash, AttributeValue range) {}
