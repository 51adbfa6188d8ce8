package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.domain.TableKeys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the browser's tests and screenshots do to a table behind the window's back, with the SDK. */
public final class BrowserFixtures {
    static final String MAIN_MESSAGES_PK = "MSG#" + DemoFixture.MAIN_GROUP;

    private BrowserFixtures() {}

    /** Removes Andrew Bayko's group row of the main conversation (a lost write): returns its key. */
    public static Map<String, AttributeValue> removeBaykosGroupRow(DynamoDbClient client, String table) {
        var rows = client.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.GROUP_PREFIX + DemoFixture.ANDREW_BAYKO.uuid())))).items();
        var row = rows.stream().filter(i -> DemoFixture.MAIN_GROUP.equals(i.get(TableKeys.GROUP_UUID).s())).findFirst().orElseThrow();
        Map<String, AttributeValue> key = Map.of("pk", row.get("pk"), "sk", row.get("sk"));
        client.deleteItem(r -> r.tableName(table).key(key));
        return key;
    }

    /** Changes one item's message text underneath an open editor. */
    static void changeMessage(DynamoDbClient client, String table, String pk, String sk, String text) {
        client.updateItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))
                .updateExpression("SET message = :m").expressionAttributeValues(Map.of(":m", AttributeValue.fromS(text))));
    }
}
