package dev.cruddur.admin.app;

import dev.cruddur.admin.testsupport.DynaliteServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A Cruddur-seeded table on dynalite. */
class SeededByCruddurOnDynaliteTest extends SeededByCruddurContract {
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
