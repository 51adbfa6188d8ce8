package dev.cruddur.admin.store;

import static dev.cruddur.admin.domain.TableKeys.*;

import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Cruddur's reads: pattern B (a user's conversations) and pattern A (a conversation's messages),
 * newest first and paged to the very end, with none of the year filter Cruddur's own code used.
 */
public final class MessageTableReader {
    public static final int DEFAULT_PAGE = 20;

    private final DynamoConnection connection;

    public MessageTableReader(DynamoConnection connection) {
        this.connection = connection;
    }

    /**
     * Pattern B: a user's conversations, newest first. A conversation whose group row was left
     * twice by an interrupted ordered write is shown once, from its newest row.
     */
    public Page<Conversation> conversations(String userUuid, Optional<String> cursor, int limit) {
        KeyPage page = queryNewestFirst(groupPk(userUuid), cursor, limit);
        Set<String> seen = new HashSet<>();
        List<Conversation> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items) {
            Conversation c = Items.conversation(item);
            if (c.groupUuid().isEmpty() || seen.add(c.groupUuid())) out.add(c);
        }
        return new Page<>(out, page.next);
    }

    /** Pattern A: one page of a conversation's messages, newest page first, each page oldest to newest. */
    public Page<Message> messages(String groupUuid, Optional<String> cursor, int limit) {
        KeyPage page = queryNewestFirst(messagePk(groupUuid), cursor, limit);
        List<Message> out = new ArrayList<>(page.items.size());
        for (Map<String, AttributeValue> item : page.items) out.add(Items.message(item));
        Collections.reverse(out);
        return new Page<>(out, page.next);
    }

    private record KeyPage(List<Map<String, AttributeValue>> items, Optional<String> next) {}

    /**
     * Asks for one item more than the page: when it comes back there is a next page, and its
     * cursor is the page's last key. So "more" is known exactly, and no empty last page is shown.
     */
    private KeyPage queryNewestFirst(String pk, Optional<String> cursor, int limit) {
        if (limit < 1) throw new StoreException(StoreException.Kind.INVALID, "A page holds at least one item.");
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(connection.table())
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                .scanIndexForward(false)
                // strongly consistent: a page read right after a send must show it (AWS reads are
                // eventual by default), and the cache keeps what it is handed for a whole TTL
                .consistentRead(true)
                .limit(limit + 1);
        cursor.ifPresent(c -> request.exclusiveStartKey(Cursor.decode(c)));
        QueryResponse response = connection.call(() -> connection.client().query(request.build()));
        List<Map<String, AttributeValue>> items = response.items();
        if (items.size() > limit) {
            List<Map<String, AttributeValue>> page = items.subList(0, limit);
            return new KeyPage(page, Cursor.of(Items.keyOf(page.get(limit - 1))));
        }
        // fewer than asked: the end, unless the 1 MB page limit cut the page short
        return new KeyPage(items, response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Cursor.of(response.lastEvaluatedKey()) : Optional.empty());
    }

    /** Every group row of a conversation (normally two), through the GSI, newest first. */
    public List<Map<String, AttributeValue>> groupRows(String groupUuid) {
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder()
                    .tableName(connection.table())
                    .indexName(GROUP_INDEX)
                    .keyConditionExpression("#g = :g")
                    .expressionAttributeNames(Map.of("#g", GROUP_UUID))
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS(groupUuid)))
                    .scanIndexForward(false);
            if (start != null) request.exclusiveStartKey(start);
            QueryResponse response = connection.call(() -> connection.client().query(request.build()));
            rows.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return rows;
    }

    /** The newest message row of a conversation, if it has any. */
    public Optional<Map<String, AttributeValue>> newestMessageRow(String groupUuid) {
        QueryResponse response = connection.call(() -> connection.client().query(QueryRequest.builder()
                .tableName(connection.table())
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(messagePk(groupUuid))))
                .scanIndexForward(false).limit(1).consistentRead(true).build()));
        return response.items().stream().findFirst();
    }

    public Optional<Map<String, AttributeValue>> item(String pk, String sk) {
        var response = connection.call(() -> connection.client().getItem(r -> r.tableName(connection.table())
                .key(Items.key(pk, sk)).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** Up to {@code limit} items of the whole table in scan order, as plain values. */
    public List<Map<String, Object>> scan(int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder().tableName(connection.table()).limit(Math.min(limit - out.size(), 1000));
            if (start != null) request.exclusiveStartKey(start);
            ScanResponse response = connection.call(() -> connection.client().scan(request.build()));
            for (Map<String, AttributeValue> item : response.items()) {
                if (out.size() < limit) out.add(PlainValues.item(item));
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null && out.size() < limit);
        return out;
    }

    /**
     * The users the table names: every group row names the other participant, so scanning the
     * GSI (which holds group rows only) finds everyone who has a conversation.
     */
    public Map<String, User> usersInGroupRows() {
        Map<String, User> users = new LinkedHashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder request = ScanRequest.builder()
                    .tableName(connection.table())
                    .indexName(GROUP_INDEX)
                    .projectionExpression("#u, #h, #d")
                    .expressionAttributeNames(Map.of("#u", USER_UUID, "#h", USER_HANDLE, "#d", USER_DISPLAY_NAME));
            if (start != null) request.exclusiveStartKey(start);
            ScanResponse response = connection.call(() -> connection.client().scan(request.build()));
            for (Map<String, AttributeValue> item : response.items()) {
                String uuid = Items.string(item, USER_UUID);
                if (uuid != null) users.putIfAbsent(uuid, new User(uuid, Items.string(item, USER_HANDLE), Items.string(item, USER_DISPLAY_NAME)));
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return users;
    }
}
