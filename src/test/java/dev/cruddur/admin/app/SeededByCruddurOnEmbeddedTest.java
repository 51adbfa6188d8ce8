package dev.cruddur.admin.app;

import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A Cruddur-seeded table on the embedded engine. */
class SeededByCruddurOnEmbeddedTest extends SeededByCruddurContract {
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
