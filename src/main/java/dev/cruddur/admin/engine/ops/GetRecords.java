package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.storage.StreamLog;
import dev.cruddur.admin.engine.storage.StreamRecord;

import java.util.List;

/** GetRecords: up to Limit (1000) records from an iterator's position, and the iterator for the next call. */
public final class GetRecords implements Operation {
    private final Engine engine;

    public GetRecords(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        String text = Json.string(request, "ShardIterator");
        if (text == null)
            throw ApiException.validation("1 validation error detected: Value null at 'shardIterator' failed to satisfy constraint: Member must not be null");
        Integer limit = Json.integer(request, "Limit");
        if (limit != null && (limit < 1 || limit > 1000))
            throw ApiException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value "
                    + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 1000"));
        long now = engine.clock.millis();
        StreamOps.Iterator it = StreamOps.Iterator.decode(text, now);
        return engine.db.read(() -> {
            StreamLog s = StreamOps.find(engine, it.streamArn()).stream();
            List<StreamRecord> records = s.read(it.position(), limit == null ? 1000 : limit);
            ObjectNode r = Json.object();
            ArrayNode out = r.putArray("Records");
            for (StreamRecord rec : records) out.add(toJson(rec, s.viewType()));
            int next = it.position() + records.size();
            if (s.enabled() || next < s.size())
                r.put("NextShardIterator", new StreamOps.Iterator(it.streamArn(), it.shardId(), next, now).encode());
            return r;
        });
    }

    private ObjectNode toJson(StreamRecord rec, String viewType) {
        ObjectNode n = Json.object();
        n.put("eventID", String.format("%032x", rec.sequence()));
        n.put("eventName", rec.eventName());
        n.put("eventVersion", "1.1");
        n.put("eventSource", "aws:dynamodb");
        n.put("awsRegion", engine.region);
        ObjectNode d = n.putObject("dynamodb");
        d.put("ApproximateCreationDateTime", rec.createdMillis() / 1000);
        d.putRawValue("Keys", RequestSupport.raw(rec.keysJson()));
        if (rec.newImageJson() != null && (viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES")))
            d.putRawValue("NewImage", RequestSupport.raw(rec.newImageJson()));
        if (rec.oldImageJson() != null && (viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES")))
            d.putRawValue("OldImage", RequestSupport.raw(rec.oldImageJson()));
        d.put("SequenceNumber", rec.sequenceNumber());
        d.put("SizeBytes", rec.sizeBytes());
        d.put("StreamViewType", viewType);
        // the GetRecords API spells these members with capitals (Lambda events spell them type/principalId)
        if (rec.byTimeToLive()) n.putObject("userIdentity").put("PrincipalId", "dynamodb.amazonaws.com").put("Type", "Service");
        return n;
    }
}
