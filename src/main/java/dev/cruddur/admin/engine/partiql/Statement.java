package dev.cruddur.admin.engine.partiql;

import dev.cruddur.admin.engine.expr.Condition;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.expr.UpdateAction;
import dev.cruddur.admin.engine.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * One parsed PartiQL statement of DynamoDB's dialect, its {@code ?} parameters already bound.
 * Conditions and update actions are the expression package's own types, so the operations evaluate
 * them with the same code as ConditionExpression, FilterExpression and UpdateExpression.
 */
public sealed interface Statement {
    String table();

    /** Whether the statement changes data (the Browser's read-only lock and batch rules ask this). */
    default boolean writes() { return !(this instanceof Select); }

    /** SELECT: projection null means {@code *}; where null means every item. */
    record Select(List<Path> projection, String table, String index, Condition where, List<OrderKey> orderBy) implements Statement {}

    record OrderKey(String attribute, boolean descending) {}

    record Insert(String table, Map<String, AttributeValue> item) implements Statement {}

    /** UPDATE: returning is null, ALL_OLD, UPDATED_OLD, ALL_NEW or UPDATED_NEW (DynamoDB's ReturnValues names). */
    record Update(String table, List<UpdateAction> actions, Condition where, String returning) implements Statement {}

    record Delete(String table, Condition where, String returning) implements Statement {}

    /** EXISTS(SELECT …): a condition check, allowed only inside ExecuteTransaction. */
    record Exists(Select select) implements Statement {
        public String table() { return select.table(); }
    }
}
