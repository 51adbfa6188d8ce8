package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.storage.Database;
import dev.cruddur.admin.engine.storage.StoredItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * TransactWriteItems: up to 100 Put/Update/Delete/ConditionCheck actions on distinct items, all or none.
 * Everything is checked first, then applied, under the single write lock, so no reader sees half of it.
 * A ClientRequestToken makes a retry within 10 minutes a no-op, and a different request with it an error; the
 * token and its request's hash are logged with the transaction, so this holds across a restart too.
 */
public final class TransactWriteItems implements Operation {
    private final Engine engine;

    public TransactWriteItems(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        JsonNode items = RequestSupport.transactionActions(request, "TransactItems", "transactItems");
        String token = clientRequestToken(request);
        String fingerprint = requestHash(items.toString());

        List<ItemWrite> writes = new ArrayList<>();
        for (JsonNode i : items) {
            List<String> kinds = new ArrayList<>();
            i.fieldNames().forEachRemaining(kinds::add);
            kinds.removeIf(k -> i.get(k).isNull());
            if (kinds.size() != 1)
                throw ApiException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            ItemWrite.Kind kind = switch (kinds.get(0)) {
                case "Put" -> ItemWrite.Kind.PUT;
                case "Update" -> ItemWrite.Kind.UPDATE;
                case "Delete" -> ItemWrite.Kind.DELETE;
                case "ConditionCheck" -> ItemWrite.Kind.CHECK;
                default -> throw ApiException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            };
            writes.add(ItemWrite.parse(kind, engine, i.get(kinds.get(0))));
        }
        return applyAllOrNone(engine, writes, token, fingerprint, i -> false, Json::object);
    }

    /** The optional ClientRequestToken, at most 36 characters (and not empty). */
    static String clientRequestToken(JsonNode request) {
        String token = Json.string(request, "ClientRequestToken");
        if (token != null && (token.isEmpty() || token.length() > 36))
            throw ApiException.validation("1 validation error detected: Value '" + token + "' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36");
        return token;
    }

    /**
     * The write step TransactWriteItems and ExecuteTransaction share: refuse two writes to one item, then under the
     * write lock check every write and apply them all, or cancel the lot; a retry with the token of a transaction
     * already applied applies nothing and answers {}. {@code answer} builds the response of an applied transaction.
     */
    static ObjectNode applyAllOrNone(Engine engine, List<ItemWrite> writes, String token, String fingerprint,
                                     IntPredicate duplicateOnFailure, Supplier<ObjectNode> answer) {
        refuseTwoOperationsOnOneItem(writes);
        return engine.db.write(() -> {
            if (alreadyApplied(engine, token, fingerprint)) return Json.object();
            List<Map<String, AttributeValue>> nexts = nextItemsOrCancel(engine, writes, duplicateOnFailure);
            for (int i = 0; i < writes.size(); i++) writes.get(i).store(engine.db, nexts.get(i));
            if (token != null) engine.db.rememberToken(token, fingerprint);
            return answer.get();
        });
    }

    /** DynamoDB refuses a transaction that names one item twice. */
    private static void refuseTwoOperationsOnOneItem(List<ItemWrite> writes) {
        Set<String> targets = new HashSet<>();
        for (ItemWrite w : writes) {
            if (!targets.add(w.definition.name() + "\u0000" + w.key))
                throw ApiException.validation("Transaction request cannot include multiple operations on one item");
        }
    }

    /**
     * Inside the write lock: whether a transaction with this ClientRequestToken was applied in the last
     * 10 minutes (the database logs tokens with their transaction, so this holds across a restart); the
     * same token with another request is refused.
     */
    private static boolean alreadyApplied(Engine engine, String token, String fingerprint) {
        if (token == null) return false;
        Database.Token seen = engine.db.token(token).orElse(null);
        if (seen == null) return false;
        if (!seen.requestHash().equals(fingerprint))
            throw ApiException.idempotentMismatch("Request parameters do not match the original request for the given ClientRequestToken");
        return true;
    }

    /**
     * Inside the write lock: the item each write of a transaction leaves (null for a condition
     * check), or the whole transaction cancelled with one reason per write, as DynamoDB answers.
     * {@code duplicateOnFailure} says which writes report a failed condition as DuplicateItem
     * (PartiQL's INSERT) rather than ConditionalCheckFailed.
     */
    private static List<Map<String, AttributeValue>> nextItemsOrCancel(Engine engine, List<ItemWrite> writes, IntPredicate duplicateOnFailure) {
        List<Map<String, AttributeValue>> nexts = new ArrayList<>();
        ArrayNode reasons = Json.array();
        boolean cancelled = false;
        for (int i = 0; i < writes.size(); i++) {
            ItemWrite w = writes.get(i);
            if (engine.db.table(w.definition.name()) != w.table) throw ApiException.tableNotFound();
            StoredItem stored = engine.db.get(w.table, w.key);
            Map<String, AttributeValue> current = stored == null ? null : stored.parse();
            ObjectNode reason = reasons.addObject();
            if (!w.conditionHolds(current)) {
                cancelled = true;
                if (duplicateOnFailure.test(i)) {
                    reason.put("Code", "DuplicateItem").put("Message", StatementSupport.DUPLICATE_MESSAGE);
                } else {
                    reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                    if (w.returnOldOnConditionFailure && current != null) reason.set("Item", Values.itemToJson(current));
                }
                nexts.add(null);
                continue;
            }
            try {
                nexts.add(w.newItem(current));
                reason.put("Code", "None");
            } catch (ApiException e) {
                cancelled = true;
                reason.put("Code", "ValidationError").put("Message", e.getMessage());
                nexts.add(null);
            }
        }
        if (cancelled) {
            List<String> codes = new ArrayList<>();
            reasons.forEach(r -> codes.add(r.get("Code").asText()));
            ObjectNode extra = Json.object();
            extra.set("CancellationReasons", reasons);
            throw ApiException.transactionCanceled("Transaction cancelled, please refer cancellation reasons for specific reasons ["
                    + String.join(", ", codes) + "]", extra);
        }
        return nexts;
    }

    /** SHA-256 of the request's actions: what a retry must match, small enough to log with the token. */
    static String requestHash(String actions) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(actions.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
