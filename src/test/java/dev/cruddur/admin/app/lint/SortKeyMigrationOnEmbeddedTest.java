package dev.cruddur.admin.app.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The linter and migration on the embedded engine: each step is one transaction. */
class SortKeyMigrationOnEmbeddedTest extends SortKeyMigrationContract {
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
    void theEngineHasTransactionsSoEachStepIsOne() {
        try (DynamoConnection connection = DynamoConnection.open(DynamoTarget.endpoint(endpoint(), "any"))) {
            assertThat(connection.capabilities().transactions()).isTrue();
        }
    }
}
