package dev.cruddur.admin.store;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Turns the SDK's exceptions into {@link StoreException}s a person can read. */
public final class StoreFailures {
    private StoreFailures() {}

    public static StoreException translate(SdkException e, String endpoint, String table) {
        if (e instanceof ResourceNotFoundException) {
            return new StoreException(StoreException.Kind.TABLE_MISSING,
                    "The table '" + table + "' does not exist on " + endpoint + ".", e);
        }
        if (e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException) {
            return new StoreException(StoreException.Kind.THROTTLED,
                    "DynamoDB is throttling requests to '" + table + "'; try again in a moment.", e);
        }
        if (e instanceof DynamoDbException ddb && ddb.awsErrorDetails() != null) {
            String code = String.valueOf(ddb.awsErrorDetails().errorCode());
            String message = ddb.awsErrorDetails().errorMessage();
            switch (code) {
                case "UnrecognizedClientException", "InvalidSignatureException", "MissingAuthenticationTokenException",
                     "ExpiredTokenException", "IncompleteSignatureException":
                    return new StoreException(StoreException.Kind.ACCESS_DENIED,
                            "The credentials were refused by " + endpoint + " (" + code + "): " + message, e);
                case "AccessDeniedException":
                    return new StoreException(StoreException.Kind.ACCESS_DENIED,
                            "Access denied on '" + table + "': " + message, e);
                case "ValidationException", "SerializationException":
                    if (message != null && message.contains("index")) {
                        return new StoreException(StoreException.Kind.TABLE_MISSING,
                                "The table '" + table + "' lacks what Cruddur needs: " + message, e);
                    }
                    return new StoreException(StoreException.Kind.INVALID, "The request was refused: " + message, e);
                case "ThrottlingException":
                    return new StoreException(StoreException.Kind.THROTTLED, "The endpoint is throttling: " + message, e);
                case "TransactionConflictException":
                    return new StoreException(StoreException.Kind.CONFLICT, "Another write was under way; try again.", e);
                default:
                    return new StoreException(StoreException.Kind.OTHER, code + ": " + message, e);
            }
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || hasCause(e, SocketTimeoutException.class)) {
            return new StoreException(StoreException.Kind.UNREACHABLE,
                    "The endpoint " + endpoint + " did not answer in time.", e);
        }
        if (hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)
                || (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("Unable to execute HTTP request"))) {
            return new StoreException(StoreException.Kind.UNREACHABLE,
                    "Cannot reach the endpoint " + endpoint + ": is it running?", e);
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("credentials")) {
            return new StoreException(StoreException.Kind.ACCESS_DENIED,
                    "No AWS credentials were found: set up a profile (aws configure) or the AWS_* variables.", e);
        }
        return new StoreException(StoreException.Kind.OTHER, String.valueOf(e.getMessage()), e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
