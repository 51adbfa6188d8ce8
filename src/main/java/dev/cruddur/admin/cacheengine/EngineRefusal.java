package dev.cruddur.admin.cacheengine;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The errors the engine answers with, as the gRPC status codes Momento uses, so the SDK maps
 * them to the same error codes it would for the real service. The {@code err} trailer is the
 * one the SDK reads to tell limit kinds apart.
 */
final class EngineRefusal {
    private static final Metadata.Key<String> ERR = Metadata.Key.of("err", Metadata.ASCII_STRING_MARSHALLER);

    private EngineRefusal() {}

    static StatusRuntimeException cacheNotFound(String cacheName) {
        return Status.NOT_FOUND.withDescription("Cache not found: " + cacheName).asRuntimeException();
    }

    static StatusRuntimeException cacheAlreadyExists(String cacheName) {
        return Status.ALREADY_EXISTS.withDescription("Cache already exists: " + cacheName).asRuntimeException();
    }

    static StatusRuntimeException invalidArgument(String description) {
        return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
    }

    static StatusRuntimeException failedPrecondition(String description) {
        return Status.FAILED_PRECONDITION.withDescription(description).asRuntimeException();
    }

    static StatusRuntimeException itemTooLarge(long size, long limit) {
        Metadata trailers = new Metadata();
        trailers.put(ERR, "item_size_limit_exceeded");
        return Status.RESOURCE_EXHAUSTED
                .withDescription("Item of " + size + " bytes is over the limit of " + limit + " bytes")
                .asRuntimeException(trailers);
    }

    static StatusRuntimeException elementTooLarge(long size, long limit) {
        Metadata trailers = new Metadata();
        trailers.put(ERR, "element_size_limit_exceeded");
        return Status.RESOURCE_EXHAUSTED
                .withDescription("Collection element of " + size + " bytes is over the limit of " + limit + " bytes")
                .asRuntimeException(trailers);
    }

    /** Momento answers a call on a key of another type (a list call on a dictionary) with FAILED_PRECONDITION. */
    static StatusRuntimeException wrongType(String wanted, String held) {
        return Status.FAILED_PRECONDITION
                .withDescription("The item is a " + held + ", not a " + wanted)
                .asRuntimeException();
    }

    static StatusRuntimeException unauthenticated() {
        return Status.UNAUTHENTICATED.withDescription("Invalid API key").asRuntimeException();
    }
}
