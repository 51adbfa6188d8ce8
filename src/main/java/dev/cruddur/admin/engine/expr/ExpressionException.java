package dev.cruddur.admin.engine.expr;

/** An expression DynamoDB would refuse; the message is DynamoDB's, without the "Invalid XExpression: " prefix. */
public final class ExpressionException extends Exception {
    public ExpressionException(String message) { super(message, null, false, false); }
}
