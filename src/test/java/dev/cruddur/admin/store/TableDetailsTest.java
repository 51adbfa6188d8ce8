package dev.cruddur.admin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.engine.EmbeddedDynamo;
import dev.cruddur.admin.engine.EngineConfig;
import dev.cruddur.admin.testsupport.DynaliteServer;
import dev.cruddur.admin.testsupport.DynamoClients;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * The Browser's table details read from real endpoints: the messages table's keys, index, stream and
 * TTL from the embedded engine and from dynalite; tags set with TagResource and listed back by
 * both; a TTL switched on shows its attribute.
 */
@Timeout(120)
class TableDetailsTest {
    private static final String TABLE = "cruddur-messages";

    private static void createMessagesTable(java.net.URI endpoint) {
        try (DirectMessages dm = DirectMessages.open(DynamoTarget.endpoint(endpoint, TABLE))) {
            dm.schema().create();
        }
    }

    private static TableDetails read(java.net.URI endpoint) {
        try (DynamoConnection c = DynamoConnection.open(DynamoTarget.endpoint(endpoint, TABLE))) {
            return TableDetails.read(c, TABLE);
        }
    }

    private static void assertMessagesShape(TableDetails d) {
        assertThat(d.shape().keyNames()).containsExactly("pk", "sk");
        assertThat(d.shape().indexes()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("message-group-sk-index");
            assertThat(i.global()).isTrue();
            assertThat(i.partitionKey().name()).isEqualTo("message_group_uuid");
        });
        assertThat(d.status()).isEqualTo("ACTIVE");
        assertThat(d.billing()).isEqualTo("PAY_PER_REQUEST");
        assertThat(d.arn()).hasValueSatisfying(a -> assertThat(a).contains(":table/" + TABLE));
    }

    @Test
    void theEmbeddedEngineAnswersKeysIndexStreamTtlAndTags() {
        try (EmbeddedDynamo engine = EmbeddedDynamo.start(EngineConfig.inMemory())) {
            createMessagesTable(engine.endpoint());
            try (var client = DynamoClients.dynamo(engine.endpoint())) {
                client.putItem(p -> p.tableName(TABLE).item(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("a"),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("b"))));
                client.updateTimeToLive(u -> u.tableName(TABLE).timeToLiveSpecification(s -> s.enabled(true).attributeName("expires_at")));
            }
            TableDetails d = read(engine.endpoint());
            assertMessagesShape(d);
            assertThat(d.itemCount()).isEqualTo(1);
            assertThat(d.stream().enabled()).isTrue();
            assertThat(d.stream().viewType()).isEqualTo("NEW_IMAGE");
            assertThat(d.ttl()).isEqualTo(new TableDetails.Part.Answered<>(new TableDetails.Ttl("ENABLED", java.util.Optional.of("expires_at"))));
            assertThat(d.tags()).isEqualTo(new TableDetails.Part.Answered<>(Map.of()));
            try (var client = DynamoClients.dynamo(engine.endpoint())) {
                client.tagResource(t -> t.resourceArn(d.arn().orElseThrow())
                        .tags(Tag.builder().key("team").value("cruddur").build(), Tag.builder().key("env").value("week-5").build()));
            }
            assertThat(read(engine.endpoint()).tags()).isEqualTo(new TableDetails.Part.Answered<>(Map.of("team", "cruddur", "env", "week-5")));
        }
    }

    @Test
    void dynaliteListsTheTagsTagResourceSet() {
        try (DynaliteServer dynalite = DynaliteServer.start()) {
            createMessagesTable(dynalite.endpoint());
            TableDetails before = read(dynalite.endpoint());
            assertMessagesShape(before);
            assertThat(before.tags()).isEqualTo(new TableDetails.Part.Answered<>(Map.of()));
            try (var client = DynamoClients.dynamo(dynalite.endpoint())) {
                client.tagResource(t -> t.resourceArn(before.arn().orElseThrow())
                        .tags(Tag.builder().key("team").value("cruddur").build(), Tag.builder().key("env").value("week-5").build()));
            }
            TableDetails after = read(dynalite.endpoint());
            assertThat(after.tags()).isEqualTo(new TableDetails.Part.Answered<>(Map.of("team", "cruddur", "env", "week-5")));
            assertThat(after.ttl()).isInstanceOf(TableDetails.Part.class);
        }
    }
}
