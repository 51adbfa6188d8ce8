package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.storage.StreamLog;
import dev.cruddur.admin.engine.storage.StreamRecord;
import dev.cruddur.admin.engine.storage.TableDefinition;

/** DescribeStream: one shard per stream; a disabled stream's shard is closed (has an ending sequence number). */
public final class DescribeStream implements Operation {
    private final Engine engine;

    public DescribeStream(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        String arn = Json.string(request, "StreamArn");
        return engine.db.read(() -> {
            StreamOps.Found f = StreamOps.find(engine, arn);
            StreamLog s = f.stream();
            TableDefinition d = f.table().definition();
            ObjectNode r = Json.object();
            ObjectNode desc = r.putObject("StreamDescription");
            desc.put("StreamArn", s.arn());
            desc.put("StreamLabel", s.label());
            desc.put("StreamStatus", s.enabled() ? "ENABLED" : "DISABLED");
            desc.put("StreamViewType", s.viewType());
            desc.put("CreationRequestDateTime", s.createdMillis() / 1000.0);
            desc.put("TableName", d.name());
            desc.set("KeySchema", TableDescriptions.keySchema(d.hash(), d.range()));
            ObjectNode shard = desc.putArray("Shards").addObject();
            shard.put("ShardId", StreamLog.SHARD_ID);
            ObjectNode range = shard.putObject("SequenceNumberRange");
            String first = s.firstSequence();
            range.put("StartingSequenceNumber", first != null ? first : StreamRecord.formatSequence(0));
            if (!s.enabled()) {
                var last = s.read(Math.max(0, s.size() - 1), 1);
                range.put("EndingSequenceNumber", last.isEmpty() ? StreamRecord.formatSequence(0) : last.get(0).sequenceNumber());
            }
            return r;
        });
    }
}
