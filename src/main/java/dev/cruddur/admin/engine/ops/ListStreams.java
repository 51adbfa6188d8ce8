package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.storage.StreamLog;
import dev.cruddur.admin.engine.storage.Table;

import java.util.ArrayList;
import java.util.List;

/** ListStreams: every stream (current and disabled ones) of one table or of all tables. */
public final class ListStreams implements Operation {
    private final Engine engine;

    public ListStreams(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        String tableName = Json.string(request, "TableName");
        if (tableName != null) RequestSupport.tableName(request);
        Integer limit = Json.integer(request, "Limit");
        int max = limit == null ? 100 : limit;
        String start = Json.string(request, "ExclusiveStartStreamArn");
        return engine.db.read(() -> {
            List<String[]> all = new ArrayList<>();
            List<Table> tables = tableName == null ? new ArrayList<>(engine.db.tables()) : List.of(RequestSupport.table(engine.db, tableName));
            for (Table t : tables)
                for (StreamLog s : t.streams()) all.add(new String[]{s.arn(), t.definition().name(), s.label()});
            ObjectNode r = Json.object();
            ArrayNode out = r.putArray("Streams");
            boolean started = start == null;
            int taken = 0;
            for (String[] s : all) {
                if (!started) { started = s[0].equals(start); continue; }
                if (taken == max) { r.put("LastEvaluatedStreamArn", out.get(out.size() - 1).get("StreamArn").asText()); break; }
                out.addObject().put("StreamArn", s[0]).put("TableName", s[1]).put("StreamLabel", s[2]);
                taken++;
            }
            return r;
        });
    }
}
