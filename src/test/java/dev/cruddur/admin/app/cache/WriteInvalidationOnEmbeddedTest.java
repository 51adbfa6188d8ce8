package dev.cruddur.admin.app.cache;

import dev.cruddur.admin.testsupport.TestEndpoint;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every write path's invalidation on the embedded engine (transactions and streams). */
class WriteInvalidationOnEmbeddedTest extends WriteInvalidationContract {
    @RegisterExtension
    static final TestEndpoint SERVER = TestEndpoint.embedded();

    @Override
    protected URI endpoint() {
        return SERVER.uri();
    }
}
