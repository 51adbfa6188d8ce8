package dev.cruddur.admin.app.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The linter and migration on dynalite 4.0.0, which has no transactions: moves take the ordered path. */
class SortKeyMigrationOnDynaliteTest extends SortKeyMigrationContract {
    private static DynaliteServer dynalite;

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.start();
    }

    @AfterAll
    static void stop() {
        dynalite.close();
    }

    @Override
    protected URI endpoint() {
        return dynalite.endpoint();
    }

    @Test
    void dynaliteHasNoTransactionsSoMovesAreOrdered() {
        try (DynamoConnection connection = DynamoConnection.open(DynamoTarget.endpoint(endpoint(), "any"))) {
            assertThat(connection.capabilities().transactions()).isFalse();
        }
    }
}
