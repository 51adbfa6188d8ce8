package dev.cruddur.admin.cache;

import momento.sdk.auth.CredentialProvider;

/**
 * Like the SDK's {@code MomentoLocalProvider} (one plaintext host:port for the control and
 * data planes) but sending a key, for a local server that checks one.
 */
final class LoopbackCredentials extends CredentialProvider {
    private final String host;
    private final int port;
    private final ApiKey key;

    LoopbackCredentials(String host, int port, ApiKey key) {
        this.host = host;
        this.port = port;
        this.key = key;
    }

    @Override
    public String getAuthToken() {
        return key.secret();
    }

    @Override
    public String getControlEndpoint() {
        return host;
    }

    @Override
    public String getCacheEndpoint() {
        return host;
    }

    @Override
    public String getStorageEndpoint() {
        return host;
    }

    @Override
    public String getTokenEndpoint() {
        return host;
    }

    @Override
    public boolean isEndpointSecure() {
        return false;
    }

    @Override
    public int getPort() {
        return port;
    }

    @Override
    public String toString() {
        return "LoopbackCredentials[" + host + ":" + port + ", key " + key.masked() + "]";
    }
}
