package dev.cruddur.admin.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.engine.http.HttpLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's HTTP loop against what a careless or hostile client sends, over raw sockets: malformed and
 * overflowing chunk sizes, bad Content-Length, silent connections, more connections than the cap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class HttpLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private EmbeddedDynamo engine;

    @BeforeAll
    void start() { engine = EmbeddedDynamo.start(EngineConfig.inMemory()); }

    @AfterAll
    void stop() { engine.close(); }

    record Reply(String statusLine, int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException { return JSON.readTree(body); }
    }

    /** Reads one reply; null when the server closed the connection without one. */
    static Reply read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        String status = line(in);
        if (status == null) return null;
        Map<String, String> headers = new HashMap<>();
        String l;
        while ((l = line(in)) != null && !l.isEmpty()) {
            int c = l.indexOf(':');
            headers.put(l.substring(0, c).toLowerCase(), l.substring(c + 1).trim());
        }
        byte[] body = new byte[Integer.parseInt(headers.getOrDefault("content-length", "0"))];
        in.readFully(body);
        return new Reply(status, Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(DataInputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') if (c != '\r') sb.append((char) c);
        return c == -1 && sb.length() == 0 ? null : sb.toString();
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        return s;
    }

    private Reply exchange(String raw) throws IOException {
        try (Socket s = connect(engine.port())) {
            s.getOutputStream().write(raw.getBytes(StandardCharsets.US_ASCII));
            return read(s.getInputStream());
        }
    }

    private static String chunked(String sizeLine) {
        return "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nTransfer-Encoding: chunked\r\n\r\n"
                + sizeLine + "\r\n{}\r\n0\r\n\r\n";
    }

    private static String withLength(String length) {
        return "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: " + length + "\r\n\r\n{}";
    }

    private static final String LIST_TABLES = withLength("2");

    private void assertRefused(Reply r, int status, String reason, String typeSuffix) throws IOException {
        assertThat(r).as("an answer before the connection ends").isNotNull();
        assertThat(r.statusLine()).isEqualTo("HTTP/1.1 " + status + " " + reason);
        assertThat(r.headers().get("connection")).isEqualTo("close");
        JsonNode body = r.json();
        assertThat(body.path("__type").asText()).endsWith(typeSuffix);
        assertThat(body.has("message") || body.has("Message")).isTrue();
    }

    @Test
    void chunkSizesBeyondTheBodyCapAre413EvenWhenTheyOverflowALong() throws Exception {
        for (String size : new String[]{"80000000", "FFFFFFFF", "7FFFFFFFFFFFFFFF", "FFFFFFFFFFFFFFFFFFFF", "0000000100000000"}) {
            assertRefused(exchange(chunked(size)), 413, "Request Entity Too Large", "#ValidationException");
        }
    }

    @Test
    void malformedChunkSizesAre400WithAJsonBodyAndNoStackTrace() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String size : new String[]{"zz", "-1", "", "1x", "+2", " "}) {
                Reply r = exchange(chunked(size));
                assertRefused(r, 400, "Bad Request", "#SerializationException");
                assertThat(r.json().path("Message").asText()).contains("chunk size");
            }
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(exchange(LIST_TABLES).status()).isEqualTo(200);
    }

    @Test
    void badContentLengthIs400AndAnOversizedOneIs413() throws Exception {
        for (String length : new String[]{"-5", "abc", "", "2 2", "0x10", "99999999999999999999999"})
            assertRefused(exchange(withLength(length)), 400, "Bad Request", "#SerializationException");
        assertRefused(exchange(withLength(Long.toString(64L * 1024 * 1024 + 1))), 413, "Request Entity Too Large", "#ValidationException");
        assertRefused(exchange(withLength(Long.toString(Long.MAX_VALUE))), 413, "Request Entity Too Large", "#ValidationException");
    }

    @Test
    void everyStatusLineCarriesItsOwnReasonPhrase() throws Exception {
        assertThat(exchange(LIST_TABLES).statusLine()).isEqualTo("HTTP/1.1 200 OK");
        Reply unknown = exchange("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.Nope\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(unknown.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(exchange("NONSENSE\r\n\r\n").statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (EmbeddedDynamo short_ = EmbeddedDynamo.start(EngineConfig.inMemory()
                .withHttpLimits(HttpLimits.DEFAULTS.withIdleTimeout(Duration.ofMillis(300))));
             Socket silent = connect(short_.port()); Socket used = connect(short_.port())) {
            // a connection that never speaks, and one that goes quiet after a request, both end
            used.getOutputStream().write(LIST_TABLES.getBytes(StandardCharsets.US_ASCII));
            assertThat(read(used.getInputStream()).status()).isEqualTo(200);
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
            assertThat(used.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aRequestDribbledInByteByByteIsCutOffAfterTheTimeout() throws Exception {
        try (EmbeddedDynamo short_ = EmbeddedDynamo.start(EngineConfig.inMemory()
                .withHttpLimits(HttpLimits.DEFAULTS.withIdleTimeout(Duration.ofMillis(500))));
             Socket slow = connect(short_.port())) {
            OutputStream out = slow.getOutputStream();
            out.write("POST / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            // each byte comes well within the timeout, the request as a whole does not: the server ends it
            boolean closed = false;
            for (int i = 0; i < 200 && !closed; i++) {
                try {
                    out.write('X');
                    out.flush();
                    Thread.sleep(50);
                } catch (IOException reset) {
                    closed = true;
                }
                if (!closed && slow.getInputStream().available() == 0) {
                    slow.setSoTimeout(1);
                    try {
                        closed = slow.getInputStream().read() == -1;
                    } catch (SocketTimeoutException stillOpen) {
                        // not yet
                    } catch (IOException reset) {
                        closed = true;
                    }
                }
            }
            assertThat(closed).as("closed within 200 dribbled bytes (10 s)").isTrue();
        }
    }

    @Test
    void beyondTheCapTheLongestIdleConnectionMakesRoom() throws Exception {
        try (EmbeddedDynamo capped = EmbeddedDynamo.start(EngineConfig.inMemory()
                .withHttpLimits(HttpLimits.DEFAULTS.withMaxConnections(4)))) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = connect(capped.port());
                    s.getOutputStream().write(LIST_TABLES.getBytes(StandardCharsets.US_ASCII));
                    assertThat(read(s.getInputStream()).status()).isEqualTo(200);
                    idle.add(s);
                }
                // a reply reaches the client a moment before its connection's thread marks itself idle again
                awaitIdle(capped, 4);
                try (Socket fifth = connect(capped.port())) {
                    fifth.getOutputStream().write(LIST_TABLES.getBytes(StandardCharsets.US_ASCII));
                    assertThat(read(fifth.getInputStream()).status()).isEqualTo(200);
                }
                // the first was idle the longest: it was closed to make room, the others still serve
                assertThat(idle.get(0).getInputStream().read()).isEqualTo(-1);
                idle.get(3).getOutputStream().write(LIST_TABLES.getBytes(StandardCharsets.US_ASCII));
                assertThat(read(idle.get(3).getInputStream()).status()).isEqualTo(200);
            } finally {
                for (Socket s : idle) s.close();
            }
        }
    }

    @Test
    void beyondTheCapWithEveryConnectionBusyTheNewOneHears503() throws Exception {
        try (EmbeddedDynamo capped = EmbeddedDynamo.start(EngineConfig.inMemory()
                .withHttpLimits(HttpLimits.DEFAULTS.withMaxConnections(3)))) {
            List<Socket> busy = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket s = connect(capped.port());
                    // inside a request: its head has begun and not ended
                    s.getOutputStream().write("POST / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    busy.add(s);
                }
                awaitBusy(capped, 3);
                try (Socket extra = connect(capped.port())) {
                    Reply r = read(extra.getInputStream());
                    assertRefused(r, 503, "Service Unavailable", "#ServiceUnavailable");
                }
                // a busy connection finishes its request and is answered as usual
                busy.get(1).getOutputStream().write("X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 2\r\n\r\n{}"
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(read(busy.get(1).getInputStream()).status()).isEqualTo(200);
            } finally {
                for (Socket s : busy) s.close();
            }
        }
    }

    /** Waits (bounded) until n connection threads are inside a request head: nothing on the wire says so, their stacks do. */
    /** Waits until {@code n} connection threads wait for the first byte of their next request (idle, not inside one). */
    private static void awaitIdle(EmbeddedDynamo e, int n) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            long waiting = Thread.getAllStackTraces().entrySet().stream()
                    .filter(t -> t.getKey().getName().startsWith("engine-http-") && !t.getKey().getName().equals("engine-http-accept"))
                    .filter(t -> java.util.Arrays.stream(t.getValue())
                            .filter(f -> f.getClassName().equals(dev.cruddur.admin.engine.http.HttpEndpoint.class.getName()))
                            .findFirst().map(f -> f.getMethodName().equals("serve")).orElse(false))
                    .filter(t -> java.util.Arrays.stream(t.getValue()).anyMatch(f -> f.getMethodName().startsWith("socketRead")
                            || f.getMethodName().equals("read0") || f.getMethodName().equals("implRead")))
                    .count();
            if (waiting >= n) return;
            Thread.sleep(10);
        }
    }

    private static void awaitBusy(EmbeddedDynamo e, int n) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            long reading = Thread.getAllStackTraces().entrySet().stream()
                    .filter(t -> t.getKey().getName().startsWith("engine-http-") && !t.getKey().getName().equals("engine-http-accept"))
                    .filter(t -> java.util.Arrays.stream(t.getValue()).anyMatch(f -> f.getMethodName().equals("readLine")))
                    .count();
            if (reading >= n) return;
            Thread.sleep(10);
        }
    }

    @Test
    void manyIdleConnectionsLeaveTheEndpointAnsweringAndHoldOnlyTheCap() throws Exception {
        try (EmbeddedDynamo capped = EmbeddedDynamo.start(EngineConfig.inMemory()
                .withHttpLimits(HttpLimits.DEFAULTS.withMaxConnections(16)))) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) idle.add(connect(capped.port()));
                try (Socket s = connect(capped.port())) {
                    s.getOutputStream().write(LIST_TABLES.getBytes(StandardCharsets.US_ASCII));
                    assertThat(read(s.getInputStream()).status()).isEqualTo(200);
                }
                int stillOpen = 0;
                for (Socket s : idle) {
                    s.setSoTimeout(50);
                    try {
                        if (s.getInputStream().read() != -1) stillOpen++;
                    } catch (SocketTimeoutException open) {
                        stillOpen++;
                    } catch (IOException reset) {
                        // closed by the server
                    }
                }
                assertThat(stillOpen).isLessThanOrEqualTo(16);
            } finally {
                for (Socket s : idle) s.close();
            }
        }
    }
}
