package dev.cruddur.admin.app;

import dev.cruddur.admin.testsupport.TestEndpoint;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Cruddur-seeded table on dynalite. */
class SeededByCruddurOnDynaliteTest extends SeededByCruddurContract {
    @RegisterExtension
    static final TestEndpoint SERVER = TestEndpoint.dynalite();

    @Override
    protected URI endpoint() {
        return SERVER.uri();
    }
}
