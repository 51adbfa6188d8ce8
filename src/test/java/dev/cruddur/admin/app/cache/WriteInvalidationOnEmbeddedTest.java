package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every write path's invalidation on the embedded engine (transactions and streams). */
class WriteInvalidationOnEmbeddedTest extends WriteInvalidationContract {
    private static EmbeddedDynamo engine;

    @BeforeAll
    static void start() {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Override
    protected URI endpoint() {
        return engine.endpoint();
    }
}
