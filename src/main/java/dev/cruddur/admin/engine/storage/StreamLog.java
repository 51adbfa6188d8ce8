package dev.cruddur.admin.engine.storage;

import java.util.ArrayList;
import java.util.List;

/** The records of one stream (one shard), in write order. */
public final class StreamLog {
    public static final String SHARD_ID = "shardId-00000000000000000000-00000001";

    private final String label;
    private final String arn;
    private final String viewType;
    private final long createdMillis;
    private final List<StreamRecord> records = new ArrayList<>();
    private boolean enabled = true;

    public StreamLog(String arn, String label, String viewType, long createdMillis) {
        this.arn = arn;
        this.label = label;
        this.viewType = viewType;
        this.createdMillis = createdMillis;
    }

    public String arn() { return arn; }
    public String label() { return label; }
    public String viewType() { return viewType; }
    public long createdMillis() { return createdMillis; }
    public boolean enabled() { return enabled; }
    public void disable() { enabled = false; }
    void enabled(boolean value) { enabled = value; }

    public synchronized void add(StreamRecord r) { records.add(r); }

    /** Takes back the last record added: a request whose log write failed leaves no trace in its stream. */
    synchronized void removeLast() { records.remove(records.size() - 1); }

    /** Index of the first record whose sequence is at or after the given one. */
    public synchronized int indexOfSequence(long sequence, boolean after) {
        int lo = 0, hi = records.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long s = records.get(mid).sequence();
            if (s < sequence || (after && s == sequence)) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public synchronized int size() { return records.size(); }

    public synchronized List<StreamRecord> read(int from, int limit) {
        if (from >= records.size()) return List.of();
        return new ArrayList<>(records.subList(from, Math.min(records.size(), from + limit)));
    }

    /** Records newer than the cut-off, for a snapshot (DynamoDB keeps stream records for 24 hours). */
    synchronized List<StreamRecord> since(long cutoffMillis) {
        List<StreamRecord> out = new ArrayList<>();
        for (StreamRecord r : records) if (r.createdMillis() >= cutoffMillis) out.add(r);
        return out;
    }

    public synchronized String firstSequence() { return records.isEmpty() ? null : records.get(0).sequenceNumber(); }
}
