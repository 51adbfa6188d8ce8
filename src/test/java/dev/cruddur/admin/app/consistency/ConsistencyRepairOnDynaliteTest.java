package dev.cruddur.admin.app.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.testsupport.DynaliteServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repair cases against dynalite 4.0.0: no transactions, so each conversation is repaired by ordered puts, then deletes. */
class ConsistencyRepairOnDynaliteTest extends ConsistencyRepairContract {
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
    void dynaliteTakesTheOrderedPath() {
        assertThat(dm().capabilities().transactions()).isFalse();
    }
}
