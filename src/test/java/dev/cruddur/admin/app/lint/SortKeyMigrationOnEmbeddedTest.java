package dev.cruddur.admin.app.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.testsupport.TestEndpoint;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The linter and migration on the embedded engine: each step is one transaction. */
class SortKeyMigrationOnEmbeddedTest extends SortKeyMigrationContract {
    @RegisterExtension
    static final TestEndpoint SERVER = TestEndpoint.embedded();

    @Override
    protected URI endpoint() {
        return SERVER.uri();
    }

    @Test
    void theEngineHasTransactionsSoEachStepIsOne() {
        try (DynamoConnection connection = DynamoConnection.open(DynamoTarget.endpoint(endpoint(), "any"))) {
            assertThat(connection.capabilities().transactions()).isTrue();
        }
    }
}
