package dev.cruddur.admin.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The benchmark's ceiling: an HTTP/1.1 endpoint that does no work at all. It reads a request and answers
 * with canned bytes of the same shape and size as a real answer, so whatever time remains is the client's
 * and the loopback's, which no endpoint can go below.
 */
final class CannedEndpoint implements AutoCloseable {
    private final ServerSocket server;
    private final Map<String, byte[]> answers;
    private volatile boolean closed;

    CannedEndpoint(Map<String, String> answersByOperation) throws IOException {
        this.answers = new java.util.HashMap<>();
        answersByOperation.forEach((op, body) -> answers.put(op, response(body)));
        server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "canned-accept");
        t.setDaemon(true);
        t.start();
    }

    URI endpoint() { return URI.create("http://127.0.0.1:" + server.getLocalPort()); }

    private static byte[] response(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(b);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: " + b.length
                + "\r\nx-amzn-RequestId: canned\r\nx-amz-crc32: " + crc.getValue() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + b.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(b, 0, all, head.length, b.length);
        return all;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "canned-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            StringBuilder line = new StringBuilder();
            while (true) {
                int length = 0;
                String target = "";
                boolean first = true;
                while (true) {
                    line.setLength(0);
                    int c;
                    while ((c = in.read()) != -1 && c != '\n') if (c != '\r') line.append((char) c);
                    if (c == -1) return;
                    if (line.length() == 0) {
                        if (first) continue;
                        break;
                    }
                    first = false;
                    String l = line.toString();
                    int colon = l.indexOf(':');
                    if (colon < 0) continue;
                    String name = l.substring(0, colon).trim();
                    if (name.equalsIgnoreCase("content-length")) length = Integer.parseInt(l.substring(colon + 1).trim());
                    if (name.equalsIgnoreCase("x-amz-target")) target = l.substring(l.indexOf('.') + 1).trim();
                }
                in.readNBytes(length);
                byte[] answer = answers.getOrDefault(target, answers.get("default"));
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // client gone
        }
    }

    @Override public void close() throws IOException {
        closed = true;
        server.close();
    }
}
