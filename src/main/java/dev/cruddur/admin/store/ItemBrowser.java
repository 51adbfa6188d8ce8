package dev.cruddur.admin.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs the item browser's requests one page at a time. Items come back as plain values (for the
 * table view) and as DynamoDB JSON (the read image an edit is conditional on). The cursor is
 * opaque: base64url of the page's LastEvaluatedKey in DynamoDB JSON, so keys of any type page.
 */
public final class ItemBrowser {
    /** One item: its plain values, and its exact stored form. */
    public record BrowsedItem(Map<String, Object> values, String dynamoJson) {}

    /**
     * One page. {@code scannedCount} is what DynamoDB read before the filter; {@code consumedCapacity}
     * is present where the endpoint reports it.
     */
    public record BrowsePage(List<BrowsedItem> items, Optional<String> nextCursor, int scannedCount,
                             Optional<Double> consumedCapacity) {
        public BrowsePage {
            items = List.copyOf(items);
        }
    }

    private final DynamoConnection connection;

    public ItemBrowser(DynamoConnection connection) {
        this.connection = connection;
    }

    public BrowsePage page(ItemRequest request, Optional<String> cursor) {
        Optional<Map<String, AttributeValue>> start = cursor.map(ItemBrowser::decode);
        TableScanner.RawPage raw = new TableScanner(connection).page(request, start);
        List<BrowsedItem> items = new ArrayList<>(raw.items().size());
        for (Map<String, AttributeValue> item : raw.items()) items.add(new BrowsedItem(PlainValues.item(item), ItemJson.toDynamoJson(item)));
        return new BrowsePage(items, raw.lastKey().map(ItemBrowser::encode), raw.scannedCount(), raw.consumedCapacity());
    }

    /** The key schema and indexes of any table on this connection. */
    public TableShape describeTable(String table) {
        return TableShape.describe(connection, table);
    }

    public List<String> listTables() {
        return new TableSchema(connection).listTables();
    }

    static String encode(Map<String, AttributeValue> key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ItemJson.toDynamoJson(key).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor) {
        try {
            return ItemJson.fromDynamoJson(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | ItemJson.Malformed e) {
            throw new StoreException(StoreException.Kind.INVALID, "That page cursor is not one this browser made.", e);
        }
    }
}
