package dev.cruddur.admin.cli;

/** Input the command cannot act on: exit 2, the reason on stderr, nothing changed. */
final class BadInput extends RuntimeException {
    BadInput(String message) {
        super(message);
    }
}
