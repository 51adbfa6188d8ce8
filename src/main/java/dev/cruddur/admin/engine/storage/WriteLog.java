package dev.cruddur.admin.engine.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;

/**
 * The write-ahead log: one framed record per request (a transaction or a batch is one record), appended with
 * one positional write loop before the request is answered. A record is
 * <pre>magic(4) payload length(4) CRC32C of the payload(4) CRC32C of the 12 bytes before(4) payload</pre>
 * so that on open every record is verified: a torn tail is cut off, damage in the middle is found (the valid
 * prefix is kept, the damaged file set aside) and reported. Logs of the previous release (plain ASCII lines,
 * no frames) are read as they are; the magic's first byte is never the first byte of such a line.
 */
final class WriteLog implements Closeable {
    static final String FILE = "engine.log";
    static final int MAGIC = 0xCD57414C; // 0xCD 'W' 'A' 'L'
    static final int HEADER = 16;
    /** Larger than any request can make (100 actions of 400 KB with their stream images), far from int overflow. */
    static final int MAX_PAYLOAD = 1 << 30;

    private final Path directory;
    private final Durability durability;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicBoolean unsynced = new AtomicBoolean();
    private ScheduledExecutorService syncer;
    /** Volatile: the sync thread forces whichever channel is current (compaction replaces it at start). */
    private volatile FileChannel channel;
    /** End of the last whole record: the next append starts here, whatever a failed one left behind. */
    private long end;

    WriteLog(Path directory, Durability durability, long syncIntervalMillis) throws IOException {
        this.directory = directory;
        this.durability = durability;
        Files.createDirectories(directory);
        lockChannel = FileChannel.open(directory.resolve("engine.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            acquired = null; // held by another engine in this same JVM
        }
        lock = acquired;
        if (lock == null) {
            lockChannel.close();
            throw new IOException("data directory " + directory + " is in use by another engine");
        }
        channel = open();
        if (durability == Durability.INTERVAL) {
            syncer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "engine-log-sync");
                t.setDaemon(true);
                return t;
            });
            syncer.scheduleWithFixedDelay(this::syncIfNeeded, syncIntervalMillis, syncIntervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    private FileChannel open() throws IOException {
        // not APPEND: appends are positional, at the end of the last whole record
        return FileChannel.open(file(), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    Path file() { return directory.resolve(FILE); }

    // ---- reading

    /** Thrown by a visitor for a payload it cannot apply: the record counts as damaged. */
    static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) { super(message, cause, false, false); }
    }

    /** Applies one record; {@code bytes[from, to)} is its payload, or one line (without newline) of an old log. */
    interface RecordVisitor {
        void record(byte[] bytes, int from, int to, boolean oldFormat) throws Unreadable;
    }

    /** What reading found: how many records were applied, whether any were in the old format, and warnings. */
    record ReadResult(int records, boolean oldFormat, List<String> warnings) {}

    /**
     * Reads the whole log, verifying and applying each record in order. Stops at the first record that is
     * incomplete, fails its checksum or cannot be applied: with nothing valid after it, that is a torn tail
     * and is cut off; with valid records after it, the file is set aside and the log keeps the valid prefix.
     */
    ReadResult read(RecordVisitor visitor) throws IOException {
        byte[] bytes = Files.readAllBytes(file());
        int len = bytes.length, pos = 0, records = 0;
        boolean framed = false, oldFormat = false;
        List<String> warnings = new ArrayList<>();
        CRC32C crc = new CRC32C();
        while (pos < len) {
            if (!framed && (bytes[pos] & 0xFF) != (MAGIC >>> 24)) {
                int nl = indexOf(bytes, (byte) '\n', pos, len);
                if (nl < 0) {
                    cutTail(pos, len, records, "an incomplete line (a write cut short)", false, warnings);
                    break;
                }
                try {
                    visitor.record(bytes, pos, nl, true);
                } catch (Unreadable e) {
                    String problem = "an unreadable line: " + e.getMessage();
                    if (nextValidRecord(bytes, pos + 1) >= 0) { // a checked log whose first record mark is damaged
                        damaged(bytes, pos, records, problem, warnings);
                        break;
                    }
                    int later = 0; // old lines have no checksum to find the next good one by: count the lines after
                    for (int i = nl + 1; i < len; i++) if (bytes[i] == '\n') later++;
                    if (later == 0) cutTail(pos, len, records, problem, true, warnings);
                    else damagedInTheMiddle(bytes, pos, records, later, problem, warnings);
                    break;
                }
                oldFormat = true;
                records++;
                pos = nl + 1;
                continue;
            }
            framed = true;
            if (len - pos < HEADER) {
                cutTail(pos, len, records, "an incomplete record header (a write cut short)", false, warnings);
                break;
            }
            String problem = headerProblem(bytes, pos, crc);
            if (problem == null) {
                int length = intAt(bytes, pos + 4);
                if ((long) pos + HEADER + length > len) {
                    cutTail(pos, len, records, "an incomplete record (a write cut short)", false, warnings);
                    break;
                }
                crc.reset();
                crc.update(bytes, pos + HEADER, length);
                if ((int) crc.getValue() != intAt(bytes, pos + 8)) problem = "a checksum mismatch";
                else {
                    try {
                        visitor.record(bytes, pos + HEADER, pos + HEADER + length, false);
                    } catch (Unreadable e) {
                        problem = "an unreadable payload (" + e.getMessage() + ")";
                    }
                }
                if (problem == null) {
                    records++;
                    pos += HEADER + length;
                    continue;
                }
            }
            damaged(bytes, pos, records, problem, warnings);
            break;
        }
        return new ReadResult(records, oldFormat, warnings);
    }

    /** Why the header at {@code pos} is not a record's, or null when it is one. */
    private static String headerProblem(byte[] bytes, int pos, CRC32C crc) {
        if (intAt(bytes, pos) != MAGIC) return "a damaged record header (no record mark)";
        crc.reset();
        crc.update(bytes, pos, 12);
        if ((int) crc.getValue() != intAt(bytes, pos + 12)) return "a damaged record header (checksum mismatch)";
        int length = intAt(bytes, pos + 4);
        if (length < 0 || length > MAX_PAYLOAD) return "a bad record length " + length;
        return null;
    }

    /** Where the next whole, checksum-valid record starts after {@code from}, or -1. */
    private static int nextValidRecord(byte[] bytes, int from) {
        CRC32C crc = new CRC32C();
        for (int p = from; p + HEADER <= bytes.length; p++) {
            if ((bytes[p] & 0xFF) != (MAGIC >>> 24) || headerProblem(bytes, p, crc) != null) continue;
            int length = intAt(bytes, p + 4);
            if ((long) p + HEADER + length > bytes.length) continue;
            crc.reset();
            crc.update(bytes, p + HEADER, length);
            if ((int) crc.getValue() == intAt(bytes, p + 8)) return p;
        }
        return -1;
    }

    /** A bad record at {@code pos}: a torn tail when nothing valid follows, damage in the middle otherwise. */
    private void damaged(byte[] bytes, int pos, int kept, String problem, List<String> warnings) throws IOException {
        int next = nextValidRecord(bytes, pos + 1);
        if (next < 0) {
            cutTail(pos, bytes.length, kept, problem, true, warnings);
            return;
        }
        int later = 0;
        for (int p = next; p >= 0 && p < bytes.length; ) {
            later++;
            int after = p + HEADER + intAt(bytes, p + 4);
            p = after < bytes.length ? nextValidRecord(bytes, after) : -1;
        }
        damagedInTheMiddle(bytes, pos, kept, later, problem, warnings);
    }

    private void damagedInTheMiddle(byte[] bytes, int pos, int kept, int later, String problem, List<String> warnings) throws IOException {
        Path aside = setAside(bytes, pos);
        warnings.add(file() + " is damaged at byte " + pos + " (" + problem + "). Recovered the " + kept
                + " records before it; dropped that record and " + later + " later records (" + (bytes.length - pos)
                + " bytes). The damaged file was set aside as " + aside + ".");
    }

    private void cutTail(int pos, int len, int kept, String problem, boolean keepCopy, List<String> warnings) throws IOException {
        String copy = "";
        if (keepCopy) {
            try {
                copy = " A copy of the file as it was is " + copyAside() + ".";
            } catch (IOException e) {
                // only a copy for inspection (what is cut is unreadable anyway): a full disk must not stop the start
                copy = " No copy of the file as it was could be kept (" + e.getMessage() + ").";
            }
        }
        channel.truncate(pos);
        warnings.add(file() + ": the last " + (len - pos) + " bytes, from byte " + pos + ", were cut off (" + problem
                + "). The " + kept + " records before them are intact." + copy);
    }

    private Path copyAside() throws IOException {
        Path aside = asideName();
        try {
            Files.copy(file(), aside);
        } catch (IOException e) {
            Files.deleteIfExists(aside);
            throw e;
        }
        return aside;
    }

    private Path asideName() {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now(Clock.systemUTC()));
        Path aside = directory.resolve(FILE + ".damaged-" + stamp);
        for (int i = 2; Files.exists(aside); i++) aside = directory.resolve(FILE + ".damaged-" + stamp + "-" + i);
        return aside;
    }

    /**
     * Moves the damaged file aside (a rename: no space needed) and writes its valid prefix as the log. If the
     * prefix cannot be written (a full disk), the file is moved back and opening fails: nothing is lost.
     */
    private Path setAside(byte[] bytes, int validEnd) throws IOException {
        Path aside = asideName();
        channel.close();
        Files.move(file(), aside, StandardCopyOption.ATOMIC_MOVE);
        Path tmp = directory.resolve(FILE + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes, 0, validEnd);
                while (buf.hasRemaining()) out.write(buf);
                out.force(true);
            }
            Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE);
            syncDirectory();
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            Files.move(aside, file(), StandardCopyOption.ATOMIC_MOVE);
            channel = open();
            throw new IOException(file() + " is damaged at byte " + validEnd + " and its valid part could not be written aside ("
                    + e.getMessage() + "); nothing was changed. Free some space and start again.", e);
        }
        channel = open();
        return aside;
    }

    /** Called once reading is done: appends go after the last whole record. */
    void startAppending() throws IOException {
        end = channel.size();
    }

    // ---- writing

    /**
     * Appends one record. On failure (a full disk, say) the file is cut back to the end of the last whole record,
     * so the next append never continues a partial one, and the exception tells the caller to undo the request.
     */
    void append(byte[] payload, int length) throws IOException {
        byte[] record = new byte[HEADER + length];
        ByteBuffer b = ByteBuffer.wrap(record).order(ByteOrder.BIG_ENDIAN);
        b.putInt(MAGIC).putInt(length);
        CRC32C crc = new CRC32C();
        crc.update(payload, 0, length);
        b.putInt((int) crc.getValue());
        crc.reset();
        crc.update(record, 0, 12);
        b.putInt((int) crc.getValue());
        System.arraycopy(payload, 0, record, HEADER, length);
        ByteBuffer buf = ByteBuffer.wrap(record);
        long at = end;
        try {
            while (buf.hasRemaining()) at += channel.write(buf, at);
            if (durability == Durability.ALWAYS) channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(end);
            } catch (IOException ignored) {
                // the next append still starts at `end` and overwrites; reopen cuts any leftover as a torn tail
            }
            throw e;
        }
        end = at;
        if (durability == Durability.INTERVAL) unsynced.set(true);
    }

    private void syncIfNeeded() {
        if (!unsynced.getAndSet(false)) return;
        try {
            channel.force(false);
        } catch (IOException e) {
            unsynced.set(true); // tried again on the next tick
        }
    }

    /**
     * Replaces the log by a compact one (a snapshot of the state, in records of about a megabyte): written aside, synced, then
     * renamed over. When it cannot be written (a full disk) the old log stays as it is and the exception says so.
     */
    void replaceWith(List<byte[]> payloads) throws IOException {
        Path tmp = directory.resolve(FILE + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                for (byte[] payload : payloads) writeRecord(out, payload, payload.length);
                out.force(true);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        channel.close();
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
        channel = open();
        end = channel.size();
    }

    private static void writeRecord(FileChannel out, byte[] payload, int length) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.BIG_ENDIAN);
        CRC32C crc = new CRC32C();
        crc.update(payload, 0, length);
        header.putInt(MAGIC).putInt(length).putInt((int) crc.getValue());
        crc.reset();
        crc.update(header.array(), 0, 12);
        header.putInt((int) crc.getValue()).flip();
        while (header.hasRemaining()) out.write(header);
        ByteBuffer body = ByteBuffer.wrap(payload, 0, length);
        while (body.hasRemaining()) out.write(body);
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the rename is still atomic
        }
    }

    private static int intAt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static int indexOf(byte[] b, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == wanted) return i;
        return -1;
    }

    static String text(byte[] b, int from, int to) { return new String(b, from, to - from, StandardCharsets.ISO_8859_1); }

    @Override public void close() throws IOException {
        if (syncer != null) syncer.shutdownNow();
        try {
            if (durability != Durability.PROCESS && channel.isOpen()) channel.force(false);
        } finally {
            channel.close();
            lock.release();
            lockChannel.close();
        }
    }
}
