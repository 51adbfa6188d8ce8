package dev.cruddur.admin.engine.http;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on loopback: one thread per connection, keep-alive, Content-Length or chunked
 * bodies, Expect: 100-continue, and TCP_NODELAY (without it small replies wait ~40 ms for delayed ACKs).
 * Enough for the AWS SDKs and CLI; not a general web server.
 */
public final class HttpEndpoint implements Closeable {
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private static final int MAX_HEADER_LINE = 64 * 1024;

    private final ServerSocket server;
    private final RequestHandler handler;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    public HttpEndpoint(int port, RequestHandler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        AtomicInteger n = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "engine-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "engine-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() { return server.getLocalPort(); }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                connections.execute(() -> serve(s));
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Input in = new Input(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (!closed) {
                String requestLine = readLine(in);
                if (requestLine == null) return;
                if (requestLine.isEmpty()) continue;
                String[] parts = requestLine.split(" ");
                if (parts.length != 3) {
                    writeSimple(out, 400, "Bad Request");
                    return;
                }
                Map<String, String> headers = new HashMap<>();
                String line;
                while ((line = readLine(in)) != null && !line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
                if (line == null) return;
                if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                byte[] body;
                String te = headers.get("transfer-encoding");
                if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                    body = readChunked(in);
                } else {
                    String cl = headers.get("content-length");
                    int length;
                    try {
                        length = cl == null ? 0 : Integer.parseInt(cl.trim());
                    } catch (NumberFormatException e) {
                        writeSimple(out, 400, "Bad Content-Length");
                        return;
                    }
                    if (length < 0 || length > MAX_BODY) {
                        writeSimple(out, 413, "Request Entity Too Large");
                        return;
                    }
                    body = in.readNBytes(length);
                    if (body.length < length) return;
                }
                RequestHandler.Response response = handler.handle(new RequestHandler.Request(parts[0], parts[1], headers, body));
                boolean close = "close".equalsIgnoreCase(headers.get("connection")) || parts[2].equals("HTTP/1.0");
                write(out, response, close);
                if (close) return;
            }
        } catch (SocketException | EOFException e) {
            // the client went away: nothing to answer
        } catch (IOException e) {
            // same: a broken connection only ends that connection
        } finally {
            open.remove(socket);
        }
    }

    private static void write(OutputStream out, RequestHandler.Response r, boolean close) throws IOException {
        StringBuilder h = new StringBuilder(256);
        h.append("HTTP/1.1 ").append(r.status()).append(r.status() == 200 ? " OK" : r.status() >= 500 ? " Internal Server Error" : " Bad Request").append("\r\n");
        h.append("Content-Type: ").append(r.contentType()).append("\r\n");
        h.append("Content-Length: ").append(r.body().length).append("\r\n");
        for (Map.Entry<String, String> e : r.headers().entrySet()) h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        if (close) h.append("Connection: close\r\n");
        h.append("\r\n");
        // head and body leave in one write: a reply split over two segments costs the client an extra wake-up
        byte[] head = h.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + r.body().length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(r.body(), 0, all, head.length, r.body().length);
        out.write(all);
        out.flush();
    }

    private static void writeSimple(OutputStream out, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        write(out, new RequestHandler.Response(status, "text/plain", body, Map.of()), true);
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

        byte[] readNBytes(int n) throws IOException {
            byte[] out = new byte[n];
            int got = Math.min(n, limit - position);
            System.arraycopy(buffer, position, out, 0, got);
            position += got;
            while (got < n) {
                int r = raw.read(out, got, n - got);
                if (r < 0) return java.util.Arrays.copyOf(out, got);
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

    private static String readLine(Input in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') sb.setLength(len - 1);
                return sb.toString();
            }
            if (sb.length() >= MAX_HEADER_LINE) throw new IOException("header line too long");
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static byte[] readChunked(Input in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) throw new EOFException();
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine(in)) != null && !trailer.isEmpty()) { /* trailers ignored */ }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY) throw new IOException("body too large");
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) throw new EOFException();
            body.write(chunk);
            readLine(in);
        }
    }

    @Override public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        connections.shutdownNow();
    }
}
