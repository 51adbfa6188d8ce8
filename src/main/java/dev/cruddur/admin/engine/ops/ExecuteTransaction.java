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
 * ExecuteTransaction: up to 100 statements, all or none. Either all SELECTs by full key (read under one
 * read lock, like TransactGetItems), or writes and EXISTS checks (checked, then applied, under the single
 * write lock, like TransactWriteItems), with the same cancellation reasons and ClientRequestToken rules.
 */
public final class ExecuteTransaction implements Operation {
    private final Engine engine;

    public ExecuteTransaction(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        JsonNode statements = RequestSupport.transactionActions(request, "TransactStatements", "transactStatements");
        RequestSupport.enumValue(request, "ReturnConsumedCapacity", "returnConsumedCapacity", Set.of("INDEXES", "TOTAL", "NONE"));
        String token = TransactWriteItems.clientRequestToken(request);

        List<Statement> parsed = new ArrayList<>();
        List<Boolean> returnOld = new ArrayList<>();
        for (JsonNode s : statements) {
            parsed.add(StatementSupport.parse(StatementSupport.statementText(s, "transactStatements.member.statement"), s.get("Parameters")));
            returnOld.add("ALL_OLD".equals(StatementSupport.returnValuesOnConditionCheckFailure(s)));
        }
        boolean anySelect = parsed.stream().anyMatch(s -> s instanceof Statement.Select);
        boolean anyWrite = parsed.stream().anyMatch(s -> !(s instanceof Statement.Select));
        if (anySelect && anyWrite)
            throw ApiException.validation("Transactions must contain either all read statements or all write statements (with EXISTS checks)");
        return anySelect ? reads(parsed, request) : writes(parsed, returnOld, request, token, TransactWriteItems.requestHash(statements.toString()));
    }

    private ObjectNode reads(List<Statement> parsed, JsonNode request) {
        ObjectNode response = Json.object();
        ArrayNode responses = response.putArray("Responses");
        Map<String, Double> units = new LinkedHashMap<>();
        engine.db.read(() -> {
            for (Statement s : parsed) {
                Map<String, AttributeValue> item = StatementSupport.getByKey(engine, (Statement.Select) s);
                ObjectNode r = responses.addObject();
                if (item != null) r.set("Item", Values.itemToJson(item));
                units.merge(s.table(), 2.0, Double::sum);
            }
            return null;
        });
        capacity(response, request, units);
        return response;
    }

    private ObjectNode writes(List<Statement> parsed, List<Boolean> returnOld, JsonNode request, String token, String fingerprint) {
        List<ItemWrite> writes = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) writes.add(StatementSupport.write(engine, parsed.get(i), returnOld.get(i)));
        Map<String, Double> units = new LinkedHashMap<>();
        for (ItemWrite w : writes) units.merge(w.definition.name(), 2.0, Double::sum);
        // an INSERT whose item exists fails as DuplicateItem, not as a failed condition
        return TransactWriteItems.applyAllOrNone(engine, writes, token, fingerprint, i -> parsed.get(i) instanceof Statement.Insert, () -> {
            ObjectNode response = Json.object();
            capacity(response, request, units);
            return response;
        });
    }

    static void capacity(ObjectNode response, JsonNode request, Map<String, Double> units) {
        String mode = Json.string(request, "ReturnConsumedCapacity");
        if (!"TOTAL".equals(mode) && !"INDEXES".equals(mode)) return;
        ArrayNode capacity = response.putArray("ConsumedCapacity");
        units.forEach((table, u) -> capacity.addObject().put("TableName", table).put("CapacityUnits", u));
    }
}
