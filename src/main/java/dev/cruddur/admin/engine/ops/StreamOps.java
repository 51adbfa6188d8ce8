package dev.cruddur.admin.engine.ops;

import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.storage.StreamLog;
import dev.cruddur.admin.engine.storage.Table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/** What the stream operations share: labels, finding a stream by ARN, and shard iterators. */
final class StreamOps {
    private StreamOps() {}

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final AtomicLong LAST_LABEL_MILLIS = new AtomicLong();
    /** AWS lets an iterator live 15 minutes. */
    static final long ITERATOR_LIFETIME_MILLIS = 15 * 60 * 1000;

    /** Labels are timestamps; two streams never share one, even when created in the same millisecond. */
    static String newLabel(Engine engine) {
        long now = engine.clock.millis();
        long millis = LAST_LABEL_MILLIS.updateAndGet(last -> Math.max(last + 1, now));
        return LABEL.format(Instant.ofEpochMilli(millis));
    }

    record Found(Table table, StreamLog stream) {}

    static Found find(Engine engine, String arn) {
        if (arn == null) throw ApiException.validation("1 validation error detected: Value null at 'streamArn' failed to satisfy constraint: Member must not be null");
        for (Table t : engine.db.tables()) {
            for (StreamLog s : t.streams()) if (s.arn().equals(arn)) return new Found(t, s);
        }
        throw ApiException.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
    }

    record Iterator(String streamArn, String shardId, int position, long issuedMillis) {
        String encode() {
            String raw = streamArn + "|" + shardId + "|" + position + "|" + issuedMillis;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Iterator decode(String text, long nowMillis) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int c = raw.lastIndexOf('|'), b = raw.lastIndexOf('|', c - 1), a = raw.lastIndexOf('|', b - 1);
                Iterator it = new Iterator(raw.substring(0, a), raw.substring(a + 1, b), Integer.parseInt(raw.substring(b + 1, c)), Long.parseLong(raw.substring(c + 1)));
                if (nowMillis - it.issuedMillis > ITERATOR_LIFETIME_MILLIS)
                    throw ApiException.expiredIterator("Iterator expired. The iterator was created at time " + Instant.ofEpochMilli(it.issuedMillis)
                            + " while right now the time is " + Instant.ofEpochMilli(nowMillis));
                return it;
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw ApiException.validation("Invalid ShardIterator");
            }
        }
    }
}
