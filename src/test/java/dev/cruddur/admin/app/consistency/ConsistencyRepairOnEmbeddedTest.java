package dev.cruddur.admin.app.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.testsupport.TestEndpoint;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The repair cases against the embedded engine: each conversation is repaired in one transaction. */
class ConsistencyRepairOnEmbeddedTest extends ConsistencyRepairContract {
    @RegisterExtension
    static final TestEndpoint SERVER = TestEndpoint.embedded();

    @Override
    protected URI endpoint() {
        return SERVER.uri();
    }

    @Test
    void theEngineTakesTheTransactionalPath() {
        assertThat(dm().capabilities().transactions()).isTrue();
    }
}
