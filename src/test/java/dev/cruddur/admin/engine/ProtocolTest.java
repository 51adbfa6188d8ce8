package dev.cruddur.admin.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP and JSON 1.0 protocol details, spoken over a raw socket. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolTest {
    private EmbeddedDynamo engine;

    @BeforeAll
    void start() { engine = EmbeddedDynamo.start(EngineConfig.inMemory()); }

    @AfterAll
    void stop() { engine.close(); }

    record Reply(int status, Map<String, String> headers, String body) {}

    private static Reply read(InputStream in) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        return read(r);
    }

    private static Reply read(BufferedReader r) throws Exception {
        String status = r.readLine();
        Map<String, String> headers = new HashMap<>();
        String line;
        while ((line = r.readLine()) != null && !line.isEmpty()) {
            int c = line.indexOf(':');
            headers.put(line.substring(0, c).toLowerCase(), line.substring(c + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        char[] body = new char[length];
        int got = 0;
        while (got < length) got += r.read(body, got, length - got);
        return new Reply(Integer.parseInt(status.split(" ")[1]), headers, new String(body));
    }

    private static String request(String target, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + (target == null ? "" : "X-Amz-Target: " + target + "\r\n") + "Content-Length: " + b.length + "\r\n\r\n" + body;
    }

    private Reply send(String raw) throws Exception {
        try (Socket s = new Socket("127.0.0.1", engine.port())) {
            s.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
            return read(s.getInputStream());
        }
    }

    @Test
    void unknownOperation() throws Exception {
        Reply r = send(request("DynamoDB_20120810.Nope", "{}"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("UnknownOperationException");
        assertThat(send(request(null, "{}")).body()).contains("UnknownOperationException");
    }

    @Test
    void malformedJsonIsASerializationError() throws Exception {
        for (String body : new String[]{"{", "[]", "nope", "{\"TableName\": {\"a\": 1}}", "{} {}"}) {
            Reply r = send(request("DynamoDB_20120810.DescribeTable", body));
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).contains("SerializationException");
        }
        Reply r = send(request("DynamoDB_20120810.PutItem", "{\"TableName\":\"abc\",\"Item\":{\"pk\":{\"S\":5,\"N\":\"1\"}}}"));
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void crc32HeaderMatchesBody() throws Exception {
        Reply r = send(request("DynamoDB_20120810.ListTables", "{}"));
        assertThat(r.status()).isEqualTo(200);
        CRC32 crc = new CRC32();
        crc.update(r.body().getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.headers().get("x-amz-crc32")).isEqualTo(Long.toString(crc.getValue()));
        assertThat(r.headers().get("content-type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(r.headers()).containsKey("x-amzn-requestid");
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() throws Exception {
        try (Socket s = new Socket("127.0.0.1", engine.port())) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 20; i++) {
                out.write(request("DynamoDB_20120810.ListTables", "{}").getBytes(StandardCharsets.UTF_8));
                assertThat(read(in).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void chunkedBodyAndExpectContinue() throws Exception {
        try (Socket s = new Socket("127.0.0.1", engine.port())) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            out.write(("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "1\r\n{\r\n1\r\n}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(read(in).status()).isEqualTo(200);
            out.write("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(in.readLine()).isEmpty();
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(in).status()).isEqualTo(200);
        }
    }

    @Test
    void healthCheck() throws Exception {
        Reply r = send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).startsWith("healthy");
    }

    @Test
    void startsQuickly() {
        long start = System.nanoTime();
        try (EmbeddedDynamo e = EmbeddedDynamo.start(EngineConfig.inMemory())) {
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        }
    }
}
