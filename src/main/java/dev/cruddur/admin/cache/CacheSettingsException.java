package dev.cruddur.admin.cache;

/** The cache settings cannot be used as given; the message says why in plain words (never the key). */
public final class CacheSettingsException extends Exception {
    public CacheSettingsException(String message) {
        super(message);
    }
}
