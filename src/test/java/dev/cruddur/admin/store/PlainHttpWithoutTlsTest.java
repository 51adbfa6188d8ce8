package dev.cruddur.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A client of a plain-http endpoint sets up no TLS (it cost the window's start the JDK's trust store); an https one keeps the SDK's. */
class PlainHttpWithoutTlsTest {
    @Test
    void callsToAPlainHttpEndpointNeverSetUpTls() {
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.inMemory());
             DynamoConnection c = DynamoConnection.open(DynamoTarget.endpoint(engine.endpoint(), "t"))) {
            assertThat(engine.endpoint().getScheme()).isEqualTo("http");
            assertThat(c.call(() -> c.client().listTables().tableNames())).isEmpty();
            c.call(() -> c.streams().listStreams());
            assertThat(c.madeTls()).isFalse();
        }
    }

    @Test
    void anHttpsEndpointAndAwsKeepTheSdksTls() {
        try (DynamoConnection https = DynamoConnection.open(DynamoTarget.endpoint(URI.create("https://127.0.0.1:9"), "t"));
             DynamoConnection aws = DynamoConnection.open(DynamoTarget.aws(java.util.Optional.empty(), "us-east-1", "t"))) {
            assertThat(https.madeTls()).isTrue();
            assertThat(aws.madeTls()).isTrue();
        }
    }

    @Test
    void tlsIsMadeWhenAnHttpsConnectionIsAskedFor() throws Exception {
        TlsOnFirstUse lazy = new TlsOnFirstUse();
        assertThat(lazy.tlsMade()).isFalse();
        try (var socket = lazy.createSocket(new org.apache.http.protocol.BasicHttpContext())) {
            assertThat(socket).isNotNull();
        }
        assertThat(lazy.tlsMade()).isTrue();
    }
}
