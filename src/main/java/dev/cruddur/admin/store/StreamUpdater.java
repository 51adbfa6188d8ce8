package dev.cruddur.admin.store;

import static dev.cruddur.admin.domain.TableKeys.*;

import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.store.GroupRowMoves.RowMove;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/**
 * The seed's stream trigger (pattern D), done right. It reads the table's stream (the embedded
 * endpoint's, or DynamoDB Streams on AWS, through the same SDK calls), handles every record of
 * every batch in order, moves both group rows of a conversation to a new message atomically
 * (a transaction, or put-before-delete where there is none), never moves a row backwards, and
 * checkpoints each shard so a restart neither skips records nor does harm by re-reading one.
 */
public final class StreamUpdater {
    /** What one poll did. */
    public record Poll(int records, int messages, int rowsMoved, int unchanged) {
        Poll plus(Poll o) {
            return new Poll(records + o.records, messages + o.messages, rowsMoved + o.rowsMoved, unchanged + o.unchanged);
        }
    }

    /**
     * The dry run for a message: the stream record its write produces (as DynamoDB Streams shows
     * it, without the sequence number only the write assigns) and the exact writes the updater
     * would make, read from the table as it is now. Nothing is written.
     */
    public record Preview(String groupUuid, String streamRecordJson, List<PlannedWrite> writes) {
        public boolean changesNothing() {
            return writes.isEmpty();
        }
    }

    /** One write of the plan: {@code PUT} with the item in DynamoDB JSON, or {@code DELETE} of a key. */
    public record PlannedWrite(String action, String pk, String sk, String itemJson) {}

    private static final Poll NOTHING = new Poll(0, 0, 0, 0);
    private final DynamoConnection connection;
    private final MessageTableReader reader;
    private final StreamCheckpoints checkpoints;
    private final Map<String, String> iterators = new HashMap<>();
    private final Set<String> finishedShards = new HashSet<>();

    public StreamUpdater(DynamoConnection connection, StreamCheckpoints checkpoints) {
        this.connection = connection;
        this.reader = new MessageTableReader(connection);
        this.checkpoints = checkpoints;
    }

    /** The table's current stream, if streams are enabled on it. */
    public Optional<String> streamArn() {
        var table = connection.call(() -> connection.client().describeTable(r -> r.tableName(connection.table()))).table();
        boolean enabled = table.streamSpecification() != null && Boolean.TRUE.equals(table.streamSpecification().streamEnabled());
        return enabled ? Optional.ofNullable(table.latestStreamArn()) : Optional.empty();
    }

    /** Reads what is new on every shard, parents before children, and applies it. */
    public synchronized Poll pollOnce() {
        String arn = streamArn().orElseThrow(() -> new StoreException(StoreException.Kind.INVALID,
                "The table '" + connection.table() + "' has no stream: enable one with NEW_IMAGE (or NEW_AND_OLD_IMAGES)."));
        StreamDescription stream = connection.call(() -> connection.streams().describeStream(r -> r.streamArn(arn))).streamDescription();
        List<Shard> shards = new ArrayList<>(stream.shards());
        // a child shard holds later writes than its parent: read parents first
        shards.sort(Comparator.comparing((Shard s) -> s.parentShardId() == null ? "" : s.parentShardId()).thenComparing(Shard::shardId));
        Poll total = NOTHING;
        for (Shard shard : shards) {
            if (!finishedShards.contains(arn + shard.shardId())) total = total.plus(pollShard(arn, shard.shardId()));
        }
        return total;
    }

    private Poll pollShard(String arn, String shardId) {
        Poll total = NOTHING;
        for (int batch = 0; batch < 100; batch++) {
            String iterator = iterators.computeIfAbsent(arn + shardId, k -> newIterator(arn, shardId));
            GetRecordsResponse response;
            try {
                response = connection.streams().getRecords(r -> r.shardIterator(iterator).limit(1000));
            } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
                iterators.remove(arn + shardId);
                continue;
            } catch (SdkException e) {
                throw StoreFailures.translate(e, connection.target().describe(), connection.table());
            }
            for (Record record : response.records()) {
                total = total.plus(apply(record));
                checkpoints.record(arn, shardId, record.dynamodb().sequenceNumber());
            }
            if (response.nextShardIterator() == null) {
                iterators.remove(arn + shardId);
                finishedShards.add(arn + shardId);
                return total;
            }
            iterators.put(arn + shardId, response.nextShardIterator());
            if (response.records().isEmpty()) return total;
        }
        return total;
    }

    private String newIterator(String arn, String shardId) {
        Optional<String> after = checkpoints.lastApplied(arn, shardId);
        return connection.call(() -> connection.streams().getShardIterator(r -> {
            r.streamArn(arn).shardId(shardId);
            if (after.isPresent()) r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after.get());
            else r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
        })).shardIterator();
    }

    /** Applies one record: a new or changed message moves its conversation's group rows forward. */
    private Poll apply(Record record) {
        if (record.eventName() == OperationType.REMOVE) return new Poll(1, 0, 0, 0);
        Map<String, AttributeValue> keys = record.dynamodb().keys();
        String pk = keys.get(PK) == null ? null : keys.get(PK).s();
        if (groupOf(pk).isEmpty()) return new Poll(1, 0, 0, 0);
        Map<String, AttributeValue> image = record.dynamodb().hasNewImage() ? record.dynamodb().newImage()
                // a KEYS_ONLY or OLD_IMAGE stream: read the message itself
                : reader.item(pk, keys.get(SK).s()).orElse(null);
        if (image == null) return new Poll(1, 0, 0, 0);
        int moved = GroupRowMoves.catchUp(connection, reader, image);
        return new Poll(1, 1, moved, moved == 0 ? 1 : 0);
    }

    /** The dry run for an outgoing message in stream mode. */
    public Preview preview(OutgoingMessage outgoing) {
        Map<String, AttributeValue> row = Items.messageRow(outgoing.groupUuid(), outgoing.messageUuid(), outgoing.sender(),
                outgoing.text().strip(), outgoing.sortKey());
        List<PlannedWrite> writes = new ArrayList<>();
        for (RowMove move : GroupRowMoves.planFor(row, reader.groupRows(outgoing.groupUuid()))) {
            if (move.put() != null) {
                writes.add(new PlannedWrite("PUT", Items.string(move.put(), PK), Items.string(move.put(), SK), ItemJson.toDynamoJson(move.put())));
            }
            for (Map<String, AttributeValue> key : move.deletes()) {
                writes.add(new PlannedWrite("DELETE", Items.string(key, PK), Items.string(key, SK), ItemJson.toDynamoJson(key)));
            }
        }
        String record = "{\"eventName\":\"INSERT\",\"eventSource\":\"aws:dynamodb\",\"dynamodb\":{\"Keys\":"
                + ItemJson.toDynamoJson(Items.keyOf(row)) + ",\"NewImage\":" + ItemJson.toDynamoJson(row)
                + ",\"StreamViewType\":\"NEW_IMAGE\"}}";
        return new Preview(outgoing.groupUuid(), record, writes);
    }
}
