package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.storage.StreamLog;
import dev.cruddur.admin.engine.storage.StreamRecord;

import java.util.Set;

/** GetShardIterator: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER. */
public final class GetShardIterator implements Operation {
    private final Engine engine;

    public GetShardIterator(Engine engine) { this.engine = engine; }

    @Override public ObjectNode handle(JsonNode request) {
        String arn = Json.string(request, "StreamArn");
        String shardId = Json.string(request, "ShardId");
        String type = RequestSupport.enumValue(request, "ShardIteratorType", "shardIteratorType",
                Set.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"));
        if (type == null)
            throw ApiException.validation("1 validation error detected: Value null at 'shardIteratorType' failed to satisfy constraint: Member must not be null");
        if (shardId == null)
            throw ApiException.validation("1 validation error detected: Value null at 'shardId' failed to satisfy constraint: Member must not be null");
        String sequence = Json.string(request, "SequenceNumber");
        return engine.db.read(() -> {
            StreamOps.Found f = StreamOps.find(engine, arn);
            StreamLog s = f.stream();
            if (!StreamLog.SHARD_ID.equals(shardId))
                throw ApiException.resourceNotFound("Requested resource not found: Shard does not exist");
            int position = switch (type) {
                case "TRIM_HORIZON" -> 0;
                case "LATEST" -> s.size();
                default -> {
                    if (sequence == null)
                        throw ApiException.validation("Must specify a sequence number for iterator type " + type);
                    long seq;
                    try {
                        seq = StreamRecord.parseSequence(sequence);
                    } catch (NumberFormatException e) {
                        throw ApiException.validation("Invalid SequenceNumber: " + sequence);
                    }
                    yield s.indexOfSequence(seq, type.equals("AFTER_SEQUENCE_NUMBER"));
                }
            };
            ObjectNode r = Json.object();
            r.put("ShardIterator", new StreamOps.Iterator(arn, shardId, position, engine.clock.millis()).encode());
            return r;
        });
    }
}
