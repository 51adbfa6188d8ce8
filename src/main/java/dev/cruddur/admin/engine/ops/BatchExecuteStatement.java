package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.partiql.Statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchExecuteStatement: up to 25 statements, each answered on its own (an item, or an error with a code),
 * as DynamoDB does. A batch is all reads (SELECTs by full primary key) or all writes; each write is its
 * own single-item write, not a transaction.
 */
public final class BatchExecuteStatement implements Operation {
    private final Engine engine;

    public BatchExecuteStatement(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        JsonNode statements = Json.arrayField(request, "Statements");
        if (statements == null)
            throw ApiException.validation("1 validation error detected: Value null at 'statements' failed to satisfy constraint: Member must not be null");
        if (statements.isEmpty() || statements.size() > 25)
            throw ApiException.validation("1 validation error detected: Value '" + statements + "' at 'statements' failed to satisfy constraint: Member must have length "
                    + (statements.isEmpty() ? "greater than or equal to 1" : "less than or equal to 25"));
        RequestSupport.enumValue(request, "ReturnConsumedCapacity", "returnConsumedCapacity", Set.of("INDEXES", "TOTAL", "NONE"));

        List<Statement> parsed = new ArrayList<>();
        List<ApiException> parseErrors = new ArrayList<>();
        for (JsonNode s : statements) {
            try {
                parsed.add(StatementSupport.parse(StatementSupport.statementText(s, "statements.member.statement"), s.get("Parameters")));
                parseErrors.add(null);
            } catch (ApiException e) {
                parsed.add(null);
                parseErrors.add(e);
            }
        }
        long writes = parsed.stream().filter(p -> p != null && p.writes()).count();
        long reads = parsed.stream().filter(p -> p != null && !p.writes()).count();
        if (writes > 0 && reads > 0) throw ApiException.validation("Batch statements must be either all read statements or all write statements");
        if (parsed.stream().anyMatch(p -> p instanceof Statement.Exists))
            throw ApiException.validation("EXISTS is only supported as a condition check in ExecuteTransaction");

        ArrayNode responses = Json.array();
        Map<String, Double> units = new LinkedHashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            Statement s = parsed.get(i);
            ObjectNode r = responses.addObject();
            if (s == null) {
                error(r, parseErrors.get(i), null);
                continue;
            }
            JsonNode member = statements.get(i);
            try {
                if (s instanceof Statement.Select select) {
                    Map<String, AttributeValue> item = engine.db.read(() -> StatementSupport.getByKey(engine, select));
                    r.put("TableName", select.table());
                    if (item != null) r.set("Item", Values.itemToJson(item));
                    units.merge(select.table(), Json.bool(member, "ConsistentRead") ? 1.0 : 0.5, Double::sum);
                } else {
                    boolean returnOld = "ALL_OLD".equals(StatementSupport.returnValuesOnConditionCheckFailure(member));
                    ExecuteStatement.runWrite(engine, s, Json.object(), returnOld);
                    r.put("TableName", s.table());
                    units.merge(s.table(), 1.0, Double::sum);
                }
            } catch (ApiException e) {
                error(r, e, s.table());
            }
        }
        ObjectNode response = Json.object();
        response.set("Responses", responses);
        ExecuteTransaction.capacity(response, request, units);
        return response;
    }

    private static void error(ObjectNode r, ApiException e, String table) {
        if (table != null) r.put("TableName", table);
        ObjectNode error = r.putObject("Error");
        error.put("Code", StatementSupport.code(e));
        if (e.getMessage() != null) error.put("Message", e.getMessage());
        if (e.extra() != null && e.extra().has("Item")) error.set("Item", e.extra().get("Item"));
    }
}
