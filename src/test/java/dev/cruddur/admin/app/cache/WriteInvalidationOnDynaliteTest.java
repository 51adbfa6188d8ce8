package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.testsupport.DynaliteServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every write path's invalidation on dynalite (no transactions: the ordered put-then-delete paths). */
class WriteInvalidationOnDynaliteTest extends WriteInvalidationContract {
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
}
