package dev.cruddur.admin.app.connect;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.StoreException;
import dev.cruddur.admin.users.CruddurUsers;
import dev.cruddur.admin.users.PostgresTarget;
import java.util.Map;
import java.util.Optional;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Opens a profile: the embedded kind starts its engine first, the others connect directly. */
public final class ConnectionOpener {
    private final EmbeddedEndpoint embedded;
    private final Map<String, String> env;

    public ConnectionOpener(EmbeddedEndpoint embedded) {
        this(embedded, System.getenv());
    }

    /** {@code env} gives Cruddur's CONNECTION_URL / PROD_CONNECTION_URL, PGPASSWORD, PGPASSFILE and HOME. */
    public ConnectionOpener(EmbeddedEndpoint embedded, Map<String, String> env) {
        this.embedded = embedded;
        this.env = Map.copyOf(env);
    }

    public DynamoTarget targetOf(ConnectionProfile profile, Path defaultDataDir) {
        if (profile.problem() != null) {
            throw new dev.cruddur.admin.store.StoreException(dev.cruddur.admin.store.StoreException.Kind.INVALID, profile.problem());
        }
        if (profile.kind() == ConnectionProfile.Kind.EMBEDDED) {
            Path dir = profile.dataDir() == null ? defaultDataDir : Path.of(profile.dataDir());
            URI uri = embedded.start(dir);
            return DynamoTarget.endpoint(uri, profile.table());
        }
        return profile.target();
    }

    /** What the embedded engine found and repaired when it opened this profile's data (once); empty for the other kinds. */
    public List<String> takeOpenWarnings(ConnectionProfile profile, Path defaultDataDir) {
        if (profile.kind() != ConnectionProfile.Kind.EMBEDDED) return List.of();
        return embedded.takeOpenWarnings(profile.dataDir() == null ? defaultDataDir : Path.of(profile.dataDir()));
    }

    /**
     * The profile's session; with a Postgres part, Cruddur's users are attached. Postgres is connected
     * on first use, so a Postgres that is down never stops the table from opening.
     */
    public DirectMessages open(ConnectionProfile profile, Path defaultDataDir) {
        DirectMessages messages = DirectMessages.open(targetOf(profile, defaultDataDir));
        postgresOf(profile).ifPresent(target -> messages.attachUsers(new CruddurUsers(target)));
        return messages;
    }

    /** Where the profile's Postgres is, its password from the environment or the password file. */
    public Optional<PostgresTarget> postgresOf(ConnectionProfile profile) {
        if (profile.postgres() == null) return Optional.empty();
        try {
            return Optional.of(PostgresSpec.resolve(profile.postgres(), env));
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreException.Kind.INVALID, "Postgres: " + e.getMessage());
        }
    }
}
