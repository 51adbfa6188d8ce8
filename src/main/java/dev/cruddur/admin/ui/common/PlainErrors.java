package dev.cruddur.admin.ui.common;

import dev.cruddur.admin.store.StoreException;
import java.io.UncheckedIOException;

/** A failure in words a user can act on; the store's messages are already plain. */
public final class PlainErrors {
    private PlainErrors() {}

    public static String describe(Throwable failure) {
        Throwable t = failure;
        while (t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException) {
            if (t.getCause() == null) break;
            t = t.getCause();
        }
        if (t instanceof StoreException || t instanceof UncheckedIOException || t instanceof dev.cruddur.admin.users.UsersException) {
            return t.getMessage();
        }
        String message = t.getMessage();
        return "Something unexpected went wrong (" + t.getClass().getSimpleName() + (message == null ? "" : ": " + message) + ").";
    }

    public static boolean retryable(Throwable failure) {
        return !(failure instanceof StoreException s) || s.kind().retryable();
    }
}
