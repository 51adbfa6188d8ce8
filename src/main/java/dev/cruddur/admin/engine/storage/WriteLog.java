package dev.cruddur.admin.engine.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of ASCII lines, one per change. Each acknowledged request's lines are handed to the
 * kernel with one write() before the reply is sent: a killed process loses nothing the OS already has, so
 * no fsync per write is needed. A line without its newline (a torn tail) is ignored on reopen.
 */
final class WriteLog implements Closeable {
    private static final String FILE = "engine.log";
    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;

    WriteLog(Path directory) throws IOException {
        this.directory = directory;
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
        channel = openForAppend();
    }

    private FileChannel openForAppend() throws IOException {
        return FileChannel.open(directory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** One logged change: its tab-separated fields, the last of which (an item's JSON) may contain no tab. */
    interface LineVisitor {
        void line(String[] fields);
    }

    /**
     * Calls the visitor for each complete line, in order, and returns how many there were. Fields are cut
     * straight from the file's bytes (one copy each), which keeps replaying 100,000 items cheap.
     */
    int readLines(int maxFields, LineVisitor visitor) throws IOException {
        byte[] bytes = Files.readAllBytes(directory.resolve(FILE));
        int count = 0, start = 0;
        String[] fields = new String[maxFields];
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') continue;
            int n = 0, from = start;
            for (int j = start; j < i && n < maxFields - 1; j++) {
                if (bytes[j] == '\t') {
                    fields[n++] = new String(bytes, from, j - from, StandardCharsets.ISO_8859_1);
                    from = j + 1;
                }
            }
            fields[n++] = new String(bytes, from, i - from, StandardCharsets.ISO_8859_1);
            for (int k = n; k < maxFields; k++) fields[k] = null;
            visitor.line(fields);
            count++;
            start = i + 1;
        }
        if (start < bytes.length) {
            // a torn tail from a crash mid-write: cut it off so the next append starts on a clean line
            channel.truncate(start);
        }
        return count;
    }

    void append(CharSequence lines) throws IOException {
        byte[] b = lines.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buf = ByteBuffer.wrap(b);
        while (buf.hasRemaining()) channel.write(buf);
    }

    /** Replaces the log by a compact one (a snapshot); written aside, synced, then renamed over. */
    void replaceWith(List<String> lines) throws IOException {
        Path tmp = directory.resolve(FILE + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            StringBuilder sb = new StringBuilder(1 << 20);
            for (String l : lines) {
                sb.append(l).append('\n');
                if (sb.length() > (1 << 20)) { write(out, sb); sb.setLength(0); }
            }
            write(out, sb);
            out.force(true);
        }
        channel.close();
        Files.move(tmp, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = openForAppend();
    }

    private static void write(FileChannel out, CharSequence s) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(s.toString().getBytes(StandardCharsets.ISO_8859_1));
        while (buf.hasRemaining()) out.write(buf);
    }

    @Override public void close() throws IOException {
        channel.close();
        lock.release();
        lockChannel.close();
    }
}
