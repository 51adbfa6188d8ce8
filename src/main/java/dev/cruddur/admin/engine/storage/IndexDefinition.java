package dev.cruddur.admin.engine.storage;

import java.util.List;

/** A secondary index. Local indexes share the table's hash key; global ones have their own. */
public record IndexDefinition(String name, boolean global, KeyAttribute hash, KeyAttribute range,
                              String projectionType, List<String> nonKeyAttributes,
                              long readCapacity, long writeCapacity, String arn) {}
