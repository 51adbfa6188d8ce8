package dev.cruddur.admin.users;

/** A Postgres call that failed, said in plain words (never with the password). */
public final class UsersException extends RuntimeException {
    public UsersException(String message, Throwable cause) {
        super(message, cause);
    }

    public UsersException(String message) {
        super(message);
    }
}
