package dev.cruddur.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.testsupport.TestEndpoint;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The data layer against the embedded engine, which has transactions: sends are one TransactWriteItems. */
class DataLayerOnEmbeddedTest extends DataLayerContract {
    @RegisterExtension
    static final TestEndpoint SERVER = TestEndpoint.embedded();

    @Override
    protected URI endpoint() {
        return SERVER.uri();
    }

    @Test
    void theEngineIsDetectedAsHavingEverythingAndSendsAreTransactions() {
        assertThat(dm.capabilities()).isEqualTo(Capabilities.ALL);
        assertThat(dm.schema().describe().streamArn()).isPresent();
        dm.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE);
        OutgoingMessage outgoing = dm.prepare(DemoFixture.MAIN_GROUP, DemoFixture.ANDREW_BROWN, "atomic");
        var sent = (SendResult.Sent) dm.send(outgoing);
        assertThat(sent.writeMode()).isEqualTo(MessageWriter.TRANSACTION);
        // the same request again within ten minutes: DynamoDB's token makes it a no-op, recognised as a repeat or a success
        assertThat(dm.send(outgoing)).isInstanceOf(SendResult.Sent.class);
        assertThat(dm.allMessages(DemoFixture.MAIN_GROUP)).filteredOn(m -> m.text().equals("atomic")).hasSize(1);
    }
}
