/**
 * The embedded DynamoDB-compatible endpoint: {@link dev.cruddur.admin.engine.EmbeddedDynamo} serves DynamoDB's
 * JSON 1.0 protocol (DynamoDB and DynamoDB Streams targets) on 127.0.0.1, in memory or persisted to a directory.
 *
 * <p>Packages: {@code http} (a small HTTP/1.1 server), {@code ops} (one class per API operation, plus the
 * dispatcher), {@code expr} (condition, update and projection expressions: parse and evaluate), {@code partiql}
 * (DynamoDB's PartiQL statements, parsed into the expression package's conditions and update actions), {@code storage}
 * (tables, indexes, streams, TTL, the append-only log), {@code model} (attribute values, their order and sizes),
 * {@code api} (wire JSON and errors). Depends on the JDK and Jackson only, so it can move into a jar of its own.
 */
package dev.cruddur.admin.engine;
