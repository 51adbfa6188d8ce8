package dev.cruddur.admin.app.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.testsupport.TestEndpoint;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The repair cases against dynalite 4.0.0: no transactions, so each conversation is repaired by ordered puts, then deletes. */
class ConsistencyRepairOnDynaliteTest extends ConsistencyRepairContract {
    @RegisterExtension
    static final TestEndpoint SERVER = TestEndpoint.dynalite();

    @Override
    protected URI endpoint() {
        return SERVER.uri();
    }

    @Test
    void dynaliteTakesTheOrderedPath() {
        assertThat(dm().capabilities().transactions()).isFalse();
    }
}
