package dev.cruddur.admin.testsupport;

import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import java.net.URI;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One DynamoDB-API server for a whole test class, started before its first test and closed after
 * its last: the contracts' dynalite and embedded-engine subclasses differ only in which one.
 * Register it with {@code @RegisterExtension static final TestEndpoint SERVER = TestEndpoint.dynalite();}.
 */
public final class TestEndpoint implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<AutoCloseable> starter;
    private AutoCloseable server;
    private URI endpoint;

    private TestEndpoint(Supplier<AutoCloseable> starter) {
        this.starter = starter;
    }

    /** dynalite 4.0.0 in memory, in a child process. */
    public static TestEndpoint dynalite() {
        return new TestEndpoint(DynaliteServer::start);
    }

    /** The embedded engine in memory, in this JVM. */
    public static TestEndpoint embedded() {
        return new TestEndpoint(() -> EmbeddedDynamo.start(EngineConfig.inMemory()));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = starter.get();
        endpoint = server instanceof DynaliteServer d ? d.endpoint() : ((EmbeddedDynamo) server).endpoint();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The running server's URL; only valid between the class's first and last test. */
    public URI uri() {
        if (endpoint == null) {
            throw new IllegalStateException("the server starts before the class's first test");
        }
        return endpoint;
    }
}
