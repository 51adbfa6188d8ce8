package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.partiql.Statement;

import java.util.Set;

/**
 * ExecuteStatement: one PartiQL statement. A SELECT reads (as Query or Scan, paged by Limit and NextToken);
 * INSERT, UPDATE and DELETE write one item through the same path as PutItem, UpdateItem and DeleteItem.
 */
public final class ExecuteStatement implements Operation {
    private final Engine engine;

    public ExecuteStatement(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        String text = StatementSupport.statementText(request, "statement");
        RequestSupport.enumValue(request, "ReturnConsumedCapacity", "returnConsumedCapacity", Set.of("INDEXES", "TOTAL", "NONE"));
        boolean returnOld = "ALL_OLD".equals(StatementSupport.returnValuesOnConditionCheckFailure(request));
        Statement statement = StatementSupport.parse(text, request.get("Parameters"));
        if (statement instanceof Statement.Select select) return StatementSelect.run(engine, select, request);
        if (statement instanceof Statement.Exists)
            throw ApiException.validation("EXISTS is only supported as a condition check in ExecuteTransaction");
        if (request.hasNonNull("NextToken") || request.hasNonNull("Limit"))
            throw ApiException.validation("Limit and NextToken are only supported for SELECT statements");
        return runWrite(engine, statement, request, returnOld);
    }

    /** One write statement, under the write lock; the response's Items holds what RETURNING asked for. */
    static ObjectNode runWrite(Engine engine, Statement statement, JsonNode request, boolean returnOld) {
        ItemWrite write = StatementSupport.write(engine, statement, returnOld);
        ObjectNode done;
        try {
            done = SingleItemWrite.run(engine, write, request);
        } catch (ApiException e) {
            if (statement instanceof Statement.Insert && e.type().endsWith("#ConditionalCheckFailedException"))
                throw new ApiException(StatementSupport.DUPLICATE_ITEM, StatementSupport.DUPLICATE_MESSAGE);
            throw e;
        }
        ObjectNode response = Json.object();
        var items = response.putArray("Items");
        if (done.has("Attributes")) items.add(done.get("Attributes"));
        if (done.has("ConsumedCapacity")) response.set("ConsumedCapacity", done.get("ConsumedCapacity"));
        return response;
    }
}
