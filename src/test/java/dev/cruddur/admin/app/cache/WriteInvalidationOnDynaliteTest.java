package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.testsupport.TestEndpoint;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every write path's invalidation on dynalite (no transactions: the ordered put-then-delete paths). */
class WriteInvalidationOnDynaliteTest extends WriteInvalidationContract {
    @RegisterExtension
    static final TestEndpoint SERVER = TestEndpoint.dynalite();

    @Override
    protected URI endpoint() {
        return SERVER.uri();
    }

    @Override
    protected boolean runsPartiql() {
        return false;
    }
}
