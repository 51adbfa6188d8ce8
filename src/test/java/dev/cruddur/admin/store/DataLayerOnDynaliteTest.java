package dev.cruddur.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.testsupport.TestEndpoint;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The data layer against dynalite 4.0.0, which has no transactions: sends take the ordered path. */
class DataLayerOnDynaliteTest extends DataLayerContract {
    @RegisterExtension
    static final TestEndpoint SERVER = TestEndpoint.dynalite();

    @Override
    protected URI endpoint() {
        return SERVER.uri();
    }

    @Test
    void dynaliteIsDetectedAsHavingNoTransactionsAndSendsAreOrdered() {
        assertThat(dm.capabilities().transactions()).isFalse();
        assertThat(dm.capabilities().streams()).isFalse();
        assertThat(dm.capabilities().limitations()).contains("no transactions: writes are ordered");
        dm.seeder().seedFixture(java.time.Instant.now(), Seeder.Progress.NONE);
        var sent = (dev.cruddur.admin.domain.SendResult.Sent) dm.send(dm.prepare(
                dev.cruddur.admin.domain.DemoFixture.MAIN_GROUP, dev.cruddur.admin.domain.DemoFixture.ANDREW_BROWN, "ordered"));
        assertThat(sent.writeMode()).isEqualTo(MessageWriter.ORDERED);
    }

    /** Cruddur's own schema-load script made a provisioned 5/5 table; the tool must read it the same. */
    @Test
    void aProvisionedTableMadeByCruddursScriptIsRead() {
        String name = "cruddur-provisioned";
        var client = dm.connection().client();
        ProvisionedThroughput five = ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();
        client.createTable(r -> r.tableName(name)
                .attributeDefinitions(attr("pk"), attr("sk"), attr("message_group_uuid"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("message-group-sk-index")
                        .keySchema(key("message_group_uuid", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .provisionedThroughput(five).build())
                .provisionedThroughput(five));
        try (var other = new dev.cruddur.admin.app.DirectMessages(
                DynamoConnection.open(DynamoTarget.endpoint(endpoint(), name)), Clock.systemUTC())) {
            assertThat(other.schema().describe().billing()).isEqualTo("PROVISIONED");
            assertThat(other.schema().describe().usable()).isTrue();
            other.seeder().seedFixture(java.time.Instant.now(), Seeder.Progress.NONE);
            assertThat(other.allConversations(dev.cruddur.admin.domain.DemoFixture.ANDREW_BAYKO)).hasSize(1);
            other.schema().drop(name);
        }
    }

    @Test
    void anEndpointThatIsDownSaysSoInPlainWords() {
        URI closed = URI.create("http://127.0.0.1:" + DynaliteServer.freePort());
        try (var down = new dev.cruddur.admin.app.DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(closed, "x")), Clock.systemUTC())) {
            var result = down.send(down.prepare(dev.cruddur.admin.domain.DemoFixture.MAIN_GROUP,
                    dev.cruddur.admin.domain.DemoFixture.ANDREW_BROWN, "anyone there?"));
            assertThat(result).isInstanceOf(dev.cruddur.admin.domain.SendResult.Failed.class);
            var failed = (dev.cruddur.admin.domain.SendResult.Failed) result;
            assertThat(failed.reason()).isEqualTo("Cannot reach the endpoint " + closed + ": is it running?");
            assertThat(failed.retryable()).isTrue();
        }
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

}
