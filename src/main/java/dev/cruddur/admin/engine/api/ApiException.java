package dev.cruddur.admin.engine.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error the endpoint reports to the client exactly as DynamoDB does: HTTP 400 with a JSON body of
 * {@code __type} and {@code message}. Stack traces are not filled in: these are expected outcomes, not bugs.
 */
public class ApiException extends RuntimeException {
    private static final String DYNAMO = "com.amazonaws.dynamodb.v20120810#";
    private static final String CORAL = "com.amazon.coral.service#";
    // DynamoDB answers every request-validation failure in the coral framework's namespace, not the service's
    private static final String VALIDATE = "com.amazon.coral.validate#";

    private final String type;
    private final int status;
    private final transient ObjectNode extra;

    public ApiException(String type, String message) { this(type, message, 400, null); }

    public ApiException(String type, String message, int status, ObjectNode extra) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.extra = extra;
    }

    public String type() { return type; }
    public int status() { return status; }
    public ObjectNode extra() { return extra; }

    public static ApiException validation(String message) { return new ApiException(VALIDATE + "ValidationException", message); }
    public static ApiException serialization(String message) { return new ApiException(CORAL + "SerializationException", message); }
    public static ApiException unknownOperation() { return new ApiException(CORAL + "UnknownOperationException", null); }
    public static ApiException resourceNotFound(String message) { return new ApiException(DYNAMO + "ResourceNotFoundException", message); }
    public static ApiException resourceInUse(String message) { return new ApiException(DYNAMO + "ResourceInUseException", message); }
    public static ApiException conditionalCheckFailed(ObjectNode item) {
        return new ApiException(DYNAMO + "ConditionalCheckFailedException", "The conditional request failed", 400, item);
    }
    public static ApiException idempotentMismatch(String message) { return new ApiException(DYNAMO + "IdempotentParameterMismatchException", message); }
    public static ApiException transactionCanceled(String message, ObjectNode reasons) {
        return new ApiException(DYNAMO + "TransactionCanceledException", message, 400, reasons);
    }
    public static ApiException expiredIterator(String message) { return new ApiException(DYNAMO + "ExpiredIteratorException", message); }
    public static ApiException trimmedData(String message) { return new ApiException(DYNAMO + "TrimmedDataAccessException", message); }
    public static ApiException internal(String message) { return new ApiException(DYNAMO + "InternalServerError", message, 500, null); }

    public static ApiException tableNotFound() { return resourceNotFound("Requested resource not found"); }
}
