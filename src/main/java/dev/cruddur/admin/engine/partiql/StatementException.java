package dev.cruddur.admin.engine.partiql;

/** A statement that is not valid PartiQL for DynamoDB; the message follows DynamoDB's "wasn't well formed" prefix. */
public class StatementException extends Exception {
    public StatementException(String message) { super(message, null, false, false); }
}
