package dev.cruddur.admin.engine.http;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on loopback: one thread per connection, keep-alive, Content-Length or chunked
 * bodies, Expect: 100-continue, and TCP_NODELAY (without it small replies wait ~40 ms for delayed ACKs).
 * Enough for the AWS SDKs and CLI; not a general web server.
 *
 * <p>What a client may hold is bounded by {@link HttpLimits}: a connection silent for the idle timeout, or
 * whose request takes longer than that to arrive whole, is closed; at the connection cap a new connection takes the place of the one idle the longest (a keep-alive
 * connection closed between requests is something every HTTP client expects and reopens), and only when
 * every connection is inside a request is the new one answered 503, which the AWS SDKs retry with back-off.
 * Bodies are read as they arrive, never allocated from what a header announces.
 */
public final class HttpEndpoint implements Closeable {
    private static final int MAX_HEADER_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;
    /** A body buffer starts at most this big and grows as bytes really arrive. */
    private static final int FIRST_BODY_BUFFER = 64 * 1024;
    /** After refusing a request, at most this much of the unread rest is drained so the client can read the refusal. */
    private static final int DRAIN_AFTER_REFUSAL = 1024 * 1024;
    /**
     * A 4 KB expression can nest 2,000 parentheses deep, which the recursive-descent parsers follow about
     * 8,000 frames down: more than the default 1 MB stack holds. Reserved address space only; a thread's
     * resident memory grows with the depth it really reaches.
     */
    private static final long STACK_BYTES = 16L * 1024 * 1024;
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(400, "Bad Request"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(411, "Length Required"), Map.entry(413, "Request Entity Too Large"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(503, "Service Unavailable"));

    private final ServerSocket server;
    private final RequestHandler handler;
    private final HttpLimits limits;
    private final ExecutorService threads;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final ScheduledExecutorService reaper;
    private volatile boolean closed;

    public HttpEndpoint(int port, RequestHandler handler) throws IOException {
        this(port, handler, HttpLimits.DEFAULTS);
    }

    public HttpEndpoint(int port, RequestHandler handler, HttpLimits limits) throws IOException {
        this.handler = handler;
        this.limits = limits;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        AtomicInteger n = new AtomicInteger();
        // unbounded as a pool, bounded by the acceptor: at most maxConnections run, plus ones just evicted and
        // ending; a thread left idle goes after 10 s, so a burst of connections does not keep its threads a minute
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(null, r, "engine-http-" + n.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "engine-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        // timeouts are enforced from here rather than with SO_TIMEOUT: a socket with a read timeout is switched to
        // non-blocking mode by the JDK, and every wait for the next request then costs a read, a poll and a read
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "engine-http-reaper");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(10, Math.min(1000, limits.idleTimeout().toMillis() / 4));
        reaper.scheduleWithFixedDelay(this::closeTimedOut, period, period, TimeUnit.MILLISECONDS);
    }

    /** Closes connections silent past the timeout, and those whose current request has taken longer than it to arrive. */
    private void closeTimedOut() {
        long now = System.nanoTime(), timeout = limits.idleTimeout().toNanos();
        for (Connection c : open) {
            long idle = c.idleSince, request = c.requestSince;
            if ((idle != 0 && now - idle > timeout) || (request != 0 && now - request > timeout)) {
                open.remove(c);
                c.close();
            }
        }
    }

    public int port() { return server.getLocalPort(); }

    /** Connections being served now (for tests and figures). */
    public int openConnections() { return open.size(); }

    /**
     * One client connection: idleSince is when it began waiting for its next request (0 while inside one),
     * requestSince when its current request began to arrive (0 once read whole, while it is answered).
     */
    private static final class Connection {
        final Socket socket;
        volatile long idleSince = System.nanoTime();
        volatile long requestSince;

        Connection(Socket socket) { this.socket = socket; }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (closed) return;
                continue;
            }
            try {
                s.setTcpNoDelay(true);
                if (open.size() >= limits.maxConnections() && !evictLongestIdle()) {
                    refuse(s);
                    continue;
                }
                Connection c = new Connection(s);
                open.add(c);
                threads.execute(() -> serve(c));
            } catch (IOException | RuntimeException e) {
                // one connection that could not be set up (or the pool shut down by close): drop it, keep accepting
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private boolean evictLongestIdle() {
        Connection oldest = null;
        long oldestSince = 0;
        for (Connection c : open) {
            long since = c.idleSince; // read once: the connection's thread changes it
            if (since != 0 && (oldest == null || since - oldestSince < 0)) {
                oldest = c;
                oldestSince = since;
            }
        }
        if (oldest == null) return false;
        open.remove(oldest);
        oldest.close();
        return true;
    }

    /** Every connection is inside a request: this one is told so at once, on the acceptor (a small write to a new socket). */
    private void refuse(Socket s) {
        try (s) {
            OutputStream out = s.getOutputStream();
            write(out, handler.protocolError(503, "The endpoint serves at most " + limits.maxConnections()
                    + " connections at once and all are busy; retry shortly."), true);
            s.shutdownOutput();
        } catch (IOException ignored) {
            // the client went away: nothing to tell it
        }
    }

    /** A request the server cannot take: answered with its status and reason, then the connection ends. */
    private static final class Refusal extends Exception {
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private void serve(Connection connection) {
        Socket socket = connection.socket;
        OutputStream out = null;
        try {
            Input in = new Input(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (!closed) {
                connection.requestSince = 0;
                connection.idleSince = System.nanoTime();
                int first = in.read();
                // the whole request must arrive within the timeout, not just each byte of it: a client dribbling
                // a byte at a time cannot hold a connection (which eviction spares while busy) for ever
                connection.requestSince = System.nanoTime();
                connection.idleSince = 0;
                if (first < 0) return;
                String requestLine = readLine(in, first);
                if (requestLine == null) return;
                if (requestLine.isEmpty()) continue;
                String[] parts = requestLine.split(" ");
                if (parts.length != 3 || !parts[2].startsWith("HTTP/")) throw new Refusal(400, "Malformed request line.");
                Map<String, String> headers = new HashMap<>();
                String line;
                while ((line = readLine(in, -1)) != null && !line.isEmpty()) {
                    if (headers.size() >= MAX_HEADERS) throw new Refusal(400, "Too many header lines.");
                    int colon = line.indexOf(':');
                    if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), headerValue(line, colon + 1));
                }
                if (line == null) return;
                String te = headers.get("transfer-encoding");
                boolean chunked = te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
                long length = chunked ? -1 : contentLength(headers.get("content-length"));
                if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                byte[] body = chunked ? readChunked(in) : in.readBody((int) length);
                if (body == null) return; // the client went away inside its body
                connection.requestSince = 0; // read whole: answering it may take as long as it takes
                RequestHandler.Response response = handler.handle(new RequestHandler.Request(parts[0], parts[1], headers, body));
                boolean close = "close".equalsIgnoreCase(headers.get("connection")) || parts[2].equals("HTTP/1.0");
                write(out, response, close);
                if (close) return;
            }
        } catch (Refusal r) {
            refuseAndDrain(socket, out, r.status, r.getMessage());
        } catch (IOException e) {
            // the client went away, was silent past the idle timeout, or was evicted: only this connection ends
        } catch (RuntimeException | StackOverflowError e) {
            // a fault of ours: the client hears 500, the process goes on
            refuseAndDrain(socket, out, 500, "Internal error: " + e);
        } finally {
            open.remove(connection);
            connection.close();
        }
    }

    /** The value after the colon without its surrounding whitespace, cut out once (substring and trim cut it twice). */
    private static String headerValue(String line, int from) {
        int start = from, end = line.length();
        while (start < end && line.charAt(start) <= ' ') start++;
        while (end > start && line.charAt(end - 1) <= ' ') end--;
        return line.substring(start, end);
    }

    private long contentLength(String header) throws Refusal {
        if (header == null) return 0;
        String v = header.trim();
        if (v.isEmpty() || v.length() > 19 || !v.chars().allMatch(c -> c >= '0' && c <= '9'))
            throw new Refusal(400, "Content-Length must be a non-negative decimal number: '" + abbreviate(header) + "'.");
        long length = Long.parseLong(v);
        if (length > limits.maxBodyBytes()) throw tooLarge(length);
        return length;
    }

    private Refusal tooLarge(long length) {
        return new Refusal(413, "The request body of " + (length < 0 ? "more than " + limits.maxBodyBytes() : length)
                + " bytes is over the limit of " + limits.maxBodyBytes() + " bytes.");
    }

    private void refuseAndDrain(Socket socket, OutputStream out, int status, String message) {
        if (out == null || socket.isClosed()) return;
        try {
            write(out, handler.protocolError(status, message), true);
            // a close with unread bytes pending makes the kernel send a reset, which can destroy the answer
            // before the client reads it: say we are done, then read (a bounded amount of) what it still sends
            socket.shutdownOutput();
            socket.setSoTimeout(1000);
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[8192];
            int total = 0, r;
            while (total < DRAIN_AFTER_REFUSAL && (r = in.read(sink)) > 0) total += r;
        } catch (IOException ignored) {
            // the client went away first: nothing more to do
        }
    }

    private static void write(OutputStream out, RequestHandler.Response r, boolean close) throws IOException {
        StringBuilder h = new StringBuilder(256);
        h.append("HTTP/1.1 ").append(r.status()).append(' ').append(REASONS.getOrDefault(r.status(), "Unknown")).append("\r\n");
        h.append("Content-Type: ").append(r.contentType()).append("\r\n");
        h.append("Content-Length: ").append(r.body().length).append("\r\n");
        for (Map.Entry<String, String> e : r.headers().entrySet()) h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        if (close) h.append("Connection: close\r\n");
        h.append("\r\n");
        // head and body leave in one write: a reply split over two segments costs the client an extra wake-up
        byte[] all = new byte[h.length() + r.body().length];
        for (int i = 0; i < h.length(); i++) all[i] = (byte) h.charAt(i); // the head is ASCII
        System.arraycopy(r.body(), 0, all, h.length(), r.body().length);
        out.write(all);
        out.flush();
    }

    /**
     * A socket reader with its own buffer: BufferedInputStream takes a lock on every read(), and request
     * heads are read byte by byte.
     */
    private static final class Input {
        private final InputStream raw;
        private final byte[] buffer = new byte[16 * 1024];
        private int position, limit;

        Input(InputStream raw) { this.raw = raw; }

        int read() throws IOException {
            if (position == limit && !fill()) return -1;
            return buffer[position++] & 0xff;
        }

        /** Gives back the byte read() just returned. */
        void unread() { position--; }

        /**
         * The next line when it is whole in the buffer (as nearly every request line and header is): one string
         * made from the bytes, ISO-8859-1 as the byte-by-byte path reads them; null when it runs past the buffer.
         */
        String bufferedLine() {
            for (int i = position; i < limit; i++) {
                if (buffer[i] != '\n') continue;
                int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                position = i + 1;
                return line;
            }
            return null;
        }

        /** n bytes, or null when the stream ends first; the array grows with what arrives, never to n up front. */
        byte[] readBody(int n) throws IOException {
            byte[] out = new byte[Math.min(n, FIRST_BODY_BUFFER)];
            int got = Math.min(n, limit - position);
            System.arraycopy(buffer, position, out, 0, got);
            position += got;
            while (got < n) {
                if (got == out.length) out = Arrays.copyOf(out, (int) Math.min(n, 2L * out.length));
                int r = raw.read(out, got, out.length - got);
                if (r < 0) return null;
                got += r;
            }
            return out;
        }

        private boolean fill() throws IOException {
            int r = raw.read(buffer, 0, buffer.length);
            if (r <= 0) return false;
            position = 0;
            limit = r;
            return true;
        }
    }

    /** One line without its CRLF; first is a byte already read (or -1); null when the stream ended before any byte. */
    private static String readLine(Input in, int first) throws IOException, Refusal {
        if (first >= 0) in.unread();
        String buffered = in.bufferedLine();
        if (buffered != null) return buffered;
        StringBuilder sb = new StringBuilder(64);
        int c = in.read();
        while (c != -1) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') sb.setLength(len - 1);
                return sb.toString();
            }
            if (sb.length() >= MAX_HEADER_LINE) throw new Refusal(400, "A request or header line is longer than " + MAX_HEADER_LINE + " bytes.");
            sb.append((char) c);
            c = in.read();
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private byte[] readChunked(Input in) throws IOException, Refusal {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, -1);
            if (sizeLine == null) return null;
            int semi = sizeLine.indexOf(';');
            long size = chunkSize((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim());
            if (size == 0) {
                String trailer;
                int trailers = 0;
                while ((trailer = readLine(in, -1)) != null && !trailer.isEmpty()) {
                    if (++trailers > MAX_HEADERS) throw new Refusal(400, "Too many trailer lines.");
                }
                return body.toByteArray();
            }
            if (size > limits.maxBodyBytes() - body.size()) throw tooLarge(size > limits.maxBodyBytes() ? size : body.size() + size);
            byte[] chunk = in.readBody((int) size);
            if (chunk == null) return null;
            body.write(chunk);
            String end = readLine(in, -1);
            if (end == null) return null;
            if (!end.isEmpty()) throw new Refusal(400, "A chunk is longer than its size line says.");
        }
    }

    /** A chunk size in hex, as a long: digits past what a long holds only mean "too large". */
    private long chunkSize(String hex) throws Refusal {
        if (hex.isEmpty()) throw new Refusal(400, "Malformed chunk size: an empty size line.");
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0)
                throw new Refusal(400, "Malformed chunk size: '" + abbreviate(hex) + "' is not a hexadecimal number.");
        }
        String digits = hex.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 15) throw tooLarge(-1);
        return Long.parseLong(digits, 16);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    @Override public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        reaper.shutdownNow();
        for (Connection c : open) c.close();
        threads.shutdownNow();
    }
}
