package dev.cruddur.admin.app.connect;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.store.DynamoTarget;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Opens a profile: the embedded kind starts its engine first, the others connect directly. */
public final class ConnectionOpener {
    private final EmbeddedEndpoint embedded;

    public ConnectionOpener(EmbeddedEndpoint embedded) {
        this.embedded = embedded;
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

    public DirectMessages open(ConnectionProfile profile, Path defaultDataDir) {
        return DirectMessages.open(targetOf(profile, defaultDataDir));
    }
}
