package dev.cruddur.admin.app.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repair cases against the embedded engine: each conversation is repaired in one transaction. */
class ConsistencyRepairOnEmbeddedTest extends ConsistencyRepairContract {
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

    @Test
    void theEngineTakesTheTransactionalPath() {
        assertThat(dm().capabilities().transactions()).isTrue();
    }
}
