package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.expr.Condition;
import dev.cruddur.admin.engine.expr.ConditionEvaluator;
import dev.cruddur.admin.engine.expr.ExpressionContext;
import dev.cruddur.admin.engine.expr.ExpressionException;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.expr.UpdateAction;
import dev.cruddur.admin.engine.expr.UpdateApplier;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.ItemSize;
import dev.cruddur.admin.engine.storage.Database;
import dev.cruddur.admin.engine.storage.ItemKey;
import dev.cruddur.admin.engine.storage.StoredItem;
import dev.cruddur.admin.engine.storage.Table;
import dev.cruddur.admin.engine.storage.TableDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated write of one item (Put, Update, Delete or ConditionCheck), shared by the single-item
 * operations and TransactWriteItems. Validation happens outside the lock; {@link #run} happens under it.
 */
final class ItemWrite {
    enum Kind { PUT, UPDATE, DELETE, CHECK }

    final Kind kind;
    final Table table;
    final TableDefinition definition;
    final ItemKey key;
    final Map<String, AttributeValue> item;
    final List<UpdateAction> actions;
    final Condition condition;
    final String returnValues;
    final boolean returnOldOnConditionFailure;

    private ItemWrite(Kind kind, Table table, ItemKey key, Map<String, AttributeValue> item, List<UpdateAction> actions,
                      Condition condition, String returnValues, boolean returnOldOnConditionFailure) {
        this.kind = kind;
        this.table = table;
        this.definition = table.definition();
        this.key = key;
        this.item = item;
        this.actions = actions;
        this.condition = condition;
        this.returnValues = returnValues;
        this.returnOldOnConditionFailure = returnOldOnConditionFailure;
    }

    /** A write built from a parsed PartiQL statement rather than a request's JSON; the same item and key checks apply. */
    static ItemWrite of(Kind kind, Table table, ItemKey key, Map<String, AttributeValue> item, List<UpdateAction> actions,
                        Condition condition, String returnValues, boolean returnOldOnConditionFailure) {
        TableDefinition d = table.definition();
        if (kind == Kind.PUT) RequestSupport.checkItem(d, item);
        if (actions != null) {
            for (UpdateAction a : actions) {
                if (d.isKeyAttribute(a.path().head()))
                    throw ApiException.validation("One or more parameter values were invalid: Cannot update attribute " + a.path().head() + ". This attribute is part of the key");
            }
            checkIndexKeyUpdates(d, actions);
        }
        return new ItemWrite(kind, table, key, item, actions, condition, returnValues, returnOldOnConditionFailure);
    }

    static ItemWrite parse(Kind kind, Engine engine, JsonNode request) {
        String tableName = RequestSupport.tableName(request);
        List<String> expressions = switch (kind) {
            case UPDATE -> List.of("UpdateExpression", "ConditionExpression");
            default -> List.of("ConditionExpression");
        };
        List<String> legacy = kind == Kind.UPDATE ? List.of("AttributeUpdates", "Expected") : List.of("Expected");
        Map<String, AttributeValue> item = kind == Kind.PUT ? RequestSupport.requiredItem(request, "Item", "item")
                : RequestSupport.requiredItem(request, "Key", "key");
        String returnValues = Json.string(request, "ReturnValues");
        if (returnValues != null) {
            RequestSupport.enumValue(request, "ReturnValues", "returnValues", Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
            if ((kind == Kind.PUT || kind == Kind.DELETE) && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD"))
                throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        RequestSupport.checkExpressionParameters(request, expressions, legacy);
        ExpressionContext context = RequestSupport.expressionContext(request);
        List<UpdateAction> actions = kind == Kind.UPDATE ? RequestSupport.update(request, context) : null;
        Condition condition = RequestSupport.condition(request, "ConditionExpression", context);
        RequestSupport.checkUnused(context);
        if (kind == Kind.UPDATE && actions == null) actions = LegacyParameters.attributeUpdates(request);
        if (condition == null && kind != Kind.CHECK) condition = LegacyParameters.expected(request);
        if (kind == Kind.CHECK && condition == null)
            throw ApiException.validation("1 validation error detected: Value null at 'conditionExpression' failed to satisfy constraint: Member must not be null");

        Table table = RequestSupport.activeTable(engine, tableName);
        TableDefinition d = table.definition();
        ItemKey key;
        if (kind == Kind.PUT) {
            RequestSupport.checkItem(d, item);
            key = Database.keyOf(d, item);
        } else {
            key = RequestSupport.key(d, item);
        }
        if (actions != null) {
            for (UpdateAction a : actions) {
                if (d.isKeyAttribute(a.path().head()))
                    throw ApiException.validation("One or more parameter values were invalid: Cannot update attribute " + a.path().head() + ". This attribute is part of the key");
            }
        }
        if (actions != null) checkIndexKeyUpdates(d, actions);
        boolean returnOld = "ALL_OLD".equals(Json.string(request, "ReturnValuesOnConditionCheckFailure"));
        return new ItemWrite(kind, table, key, kind == Kind.PUT ? item : null, actions, condition, returnValues, returnOld);
    }

    /** An update may not give an index key a value of another type, nor reach inside a key attribute. */
    private static void checkIndexKeyUpdates(TableDefinition d, List<UpdateAction> actions) {
        for (dev.cruddur.admin.engine.storage.IndexDefinition i : indexOrder(d)) {
            for (dev.cruddur.admin.engine.storage.KeyAttribute k : i.range() == null ? List.of(i.hash()) : List.of(i.hash(), i.range())) {
                for (UpdateAction a : actions) {
                    if (a.path().elements().size() != 1 || !a.path().head().equals(k.name())) continue;
                    String type = dev.cruddur.admin.engine.expr.OperandTypes.staticType(a);
                    if (type != null && !type.equals(k.type()))
                        throw ApiException.validation("One or more parameter values were invalid: Type mismatch for Index Key " + k.name()
                                + " Expected: " + k.type() + " Actual: " + type + " IndexName: " + i.name());
                    break;
                }
            }
        }
        List<Path> paths = new ArrayList<>();
        for (UpdateAction a : actions) paths.add(a.path());
        RequestSupport.checkKeyPaths(d, paths);
    }

    /** DynamoDB (and dynalite) look at global indexes before local ones. */
    private static List<dev.cruddur.admin.engine.storage.IndexDefinition> indexOrder(TableDefinition d) {
        List<dev.cruddur.admin.engine.storage.IndexDefinition> out = new ArrayList<>();
        for (var i : d.indexes()) if (i.global()) out.add(i);
        for (var i : d.indexes()) if (!i.global()) out.add(i);
        return out;
    }

    /** Evaluated under the write lock: the condition against the current item. */
    boolean conditionHolds(Map<String, AttributeValue> current) {
        return condition == null || ConditionEvaluator.matches(condition, current == null ? Map.of() : current);
    }

    /** The item after this write (null for a delete, the current item for a check). */
    Map<String, AttributeValue> newItem(Map<String, AttributeValue> current) {
        switch (kind) {
            case PUT: return item;
            case DELETE: return null;
            case CHECK: return current;
            default:
                Map<String, AttributeValue> base = current != null ? current : new LinkedHashMap<>(RequestSupport.keyMap(definition, key));
                Map<String, AttributeValue> updated;
                try {
                    updated = actions == null ? UpdateApplier.deepCopy(base) : UpdateApplier.apply(actions, base);
                } catch (ExpressionException e) {
                    throw ApiException.validation(e.getMessage());
                }
                for (UpdateAction a : actions == null ? List.<UpdateAction>of() : actions) {
                    if (!(a instanceof UpdateAction.Set) || a.path().elements().size() != 1) continue;
                    for (var i : definition.indexes()) {
                        for (var k : i.range() == null ? List.of(i.hash()) : List.of(i.hash(), i.range())) {
                            AttributeValue v = updated.get(k.name());
                            if (k.name().equals(a.path().head()) && v != null && !v.type().equals(k.type()))
                                throw ApiException.validation("The update expression attempted to update the secondary index key to unsupported type");
                        }
                    }
                }
                RequestSupport.checkIndexKeys(definition, updated);
                if (ItemSize.of(updated) > ItemSize.MAX_ITEM_SIZE)
                    throw ApiException.validation("Item size to update has exceeded the maximum allowed size");
                return updated;
        }
    }

    /** Stores the result; returns the previous stored item. */
    StoredItem store(Database db, Map<String, AttributeValue> newItem) {
        return switch (kind) {
            case PUT, UPDATE -> db.put(table, newItem);
            case DELETE -> db.delete(table, key, false);
            case CHECK -> null;
        };
    }

    ApiException conditionFailed(Map<String, AttributeValue> current) {
        return ApiException.conditionalCheckFailed(returnOldOnConditionFailure && current != null ? itemNode(current) : null);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode itemNode(Map<String, AttributeValue> item) {
        com.fasterxml.jackson.databind.node.ObjectNode n = Json.object();
        n.set("Item", Values.itemToJson(item));
        return n;
    }

    /** What ReturnValues asks to see. */
    Map<String, AttributeValue> returned(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        if (returnValues == null) return null;
        return switch (returnValues) {
            case "ALL_OLD" -> before;
            case "ALL_NEW" -> after;
            case "UPDATED_OLD" -> before == null ? null : dev.cruddur.admin.engine.expr.Projector.project(before, actionPaths());
            case "UPDATED_NEW" -> after == null ? null : dev.cruddur.admin.engine.expr.Projector.project(after, actionPaths());
            default -> null;
        };
    }

    private List<Path> actionPaths() {
        List<Path> paths = new ArrayList<>();
        if (actions != null) for (UpdateAction a : actions) paths.add(a.path());
        return paths;
    }
}
