package dev.cruddur.admin.cache;

import java.util.Objects;
import java.util.Optional;

/** Where the cache is: Momento's service, a Momento-compatible server on some host, or our own embedded one. */
public sealed interface CacheConnection {

    /** A line for the status bar; never contains the key in clear. */
    String describe();

    /** Momento's service, found through the endpoints encoded in the API key (TLS). */
    record Momento(ApiKey key) implements CacheConnection {
        public Momento {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String describe() {
            return "Momento (key " + key.masked() + ")";
        }
    }

    /** A Momento-compatible server (momento-local, another Cruddur Admin) in plaintext; key optional. */
    record Local(String host, int port, Optional<ApiKey> key) implements CacheConnection {
        public Local {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(key, "key");
            if (port <= 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        public Local(String host, int port) {
            this(host, port, Optional.empty());
        }

        @Override
        public String describe() {
            return "Momento-compatible server at " + host + ":" + port;
        }
    }

    /**
     * The in-memory cache this application starts on a loopback port (0 = any free port),
     * then talks to like {@link Local}. With a key, the server serves only that key.
     */
    record Embedded(int port, Optional<ApiKey> key) implements CacheConnection {
        public Embedded {
            Objects.requireNonNull(key, "key");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        public Embedded() {
            this(0, Optional.empty());
        }

        @Override
        public String describe() {
            return "embedded in-memory cache" + (port == 0 ? "" : " on port " + port);
        }
    }
}
