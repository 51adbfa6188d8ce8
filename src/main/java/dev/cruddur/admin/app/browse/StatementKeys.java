package dev.cruddur.admin.app.browse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.expr.Condition;
import dev.cruddur.admin.engine.expr.Operand;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.partiql.Statement;
import dev.cruddur.admin.engine.partiql.StatementParser;
import dev.cruddur.admin.store.ItemWrites.WrittenKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The key of the item a PartiQL write changed, read from its text: INSERT's VALUE, or the equalities
 * on {@code pk} and {@code sk} of an UPDATE's or DELETE's WHERE (DynamoDB makes a write name its whole
 * key). A request's own fields carry no key here, so without this a PartiQL write would bypass the
 * cache invalidation every other write gets ({@code store.ItemWrites}).
 */
final class StatementKeys {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatementKeys() {}

    /** The keys written; none for a read, or for a statement this parser cannot read (the endpoint ran it, so it is its dialect, not ours). */
    static List<WrittenKey> of(String statement, List<String> parametersJson) {
        Statement parsed;
        try {
            List<AttributeValue> parameters = new ArrayList<>();
            for (String p : parametersJson) parameters.add(Values.value(JSON.readTree(p)));
            parsed = StatementParser.parse(statement, parameters);
        } catch (Exception unreadable) {
            return List.of();
        }
        if (parsed instanceof Statement.Insert insert) return List.of(key(insert.table(), insert.item()));
        if (parsed instanceof Statement.Update update) return fromWhere(update.table(), update.where());
        if (parsed instanceof Statement.Delete delete) return fromWhere(delete.table(), delete.where());
        return List.of();
    }

    private static List<WrittenKey> fromWhere(String table, Condition where) {
        Map<String, AttributeValue> key = new HashMap<>();
        equalities(where, key);
        return key.containsKey("pk") ? List.of(key(table, key)) : List.of();
    }

    private static void equalities(Condition c, Map<String, AttributeValue> into) {
        if (c instanceof Condition.And and) {
            equalities(and.left(), into);
            equalities(and.right(), into);
        } else if (c instanceof Condition.Compare cmp && cmp.operator().equals("=")) {
            if (cmp.left() instanceof Path p && !p.isNested() && cmp.right() instanceof Operand.Literal v) into.put(p.head(), v.value());
            else if (cmp.right() instanceof Path p && !p.isNested() && cmp.left() instanceof Operand.Literal v) into.put(p.head(), v.value());
        }
    }

    private static WrittenKey key(String table, Map<String, AttributeValue> item) {
        return new WrittenKey(table, text(item.get("pk")), text(item.get("sk")));
    }

    private static String text(AttributeValue v) {
        return v instanceof AttributeValue.S s ? s.value() : "";
    }
}
