package dev.cruddur.admin.app.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.testsupport.TestEndpoint;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The linter and migration on dynalite 4.0.0, which has no transactions: moves take the ordered path. */
class SortKeyMigrationOnDynaliteTest extends SortKeyMigrationContract {
    @RegisterExtension
    static final TestEndpoint SERVER = TestEndpoint.dynalite();

    @Override
    protected URI endpoint() {
        return SERVER.uri();
    }

    @Test
    void dynaliteHasNoTransactionsSoMovesAreOrdered() {
        try (DynamoConnection connection = DynamoConnection.open(DynamoTarget.endpoint(endpoint(), "any"))) {
            assertThat(connection.capabilities().transactions()).isFalse();
        }
    }
}
