package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.http.RequestHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * DynamoDB's JSON 1.0 protocol: the X-Amz-Target header names the operation, the body is its input.
 * Signatures are not checked. Errors become status 400 bodies with __type and message.
 */
public final class Dispatcher implements RequestHandler {
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String DYNAMODB = "DynamoDB_20120810.";
    private static final String STREAMS = "DynamoDBStreams_20120810.";
    private final Map<String, Operation> operations = new HashMap<>();
    private final RequestShapes shapes = RequestShapes.load();
    private final AtomicLong requestCounter = new AtomicLong();
    // not UUID.randomUUID(): seeding SecureRandom would cost start-up time, and request ids need no secrecy
    private final String requestIdPrefix = Long.toString(System.nanoTime() & 0xffffffffL, 36).toUpperCase();

    public Dispatcher(Engine engine) {
        register("DynamoDB_20120810.", Map.ofEntries(
                Map.entry("CreateTable", new CreateTable(engine)),
                Map.entry("DescribeTable", new DescribeTable(engine)),
                Map.entry("ListTables", new ListTables(engine)),
                Map.entry("UpdateTable", new UpdateTable(engine)),
                Map.entry("DeleteTable", new DeleteTable(engine)),
                Map.entry("PutItem", new PutItem(engine)),
                Map.entry("GetItem", new GetItem(engine)),
                Map.entry("UpdateItem", new UpdateItem(engine)),
                Map.entry("DeleteItem", new DeleteItem(engine)),
                Map.entry("Query", new Query(engine)),
                Map.entry("Scan", new Scan(engine)),
                Map.entry("BatchGetItem", new BatchGetItem(engine)),
                Map.entry("BatchWriteItem", new BatchWriteItem(engine)),
                Map.entry("TransactWriteItems", new TransactWriteItems(engine)),
                Map.entry("TransactGetItems", new TransactGetItems(engine)),
                Map.entry("ExecuteStatement", new ExecuteStatement(engine)),
                Map.entry("BatchExecuteStatement", new BatchExecuteStatement(engine)),
                Map.entry("ExecuteTransaction", new ExecuteTransaction(engine)),
                Map.entry("UpdateTimeToLive", new UpdateTimeToLive(engine)),
                Map.entry("DescribeTimeToLive", new DescribeTimeToLive(engine)),
                Map.entry("DescribeEndpoints", new DescribeEndpoints()),
                Map.entry("DescribeLimits", ReadOnlyDescriptions.limits()),
                Map.entry("DescribeContinuousBackups", ReadOnlyDescriptions.continuousBackups(engine)),
                Map.entry("ListTagsOfResource", TableTags.list(engine)),
                Map.entry("TagResource", TableTags.tag(engine)),
                Map.entry("UntagResource", TableTags.untag(engine))));
        register(STREAMS, Map.of(
                "ListStreams", new ListStreams(engine),
                "DescribeStream", new DescribeStream(engine),
                "GetShardIterator", new GetShardIterator(engine),
                "GetRecords", new GetRecords(engine)));
    }

    private void register(String prefix, Map<String, Operation> ops) {
        ops.forEach((name, op) -> operations.put(prefix + name, op));
    }

    @Override public Response handle(Request request) {
        if (request.method().equals("GET")) {
            return new Response(200, "text/plain", "healthy: dynamodb.us-east-1.amazonaws.com ".getBytes(StandardCharsets.US_ASCII), headers(null));
        }
        ObjectNode body;
        int status = 200;
        try {
            body = dispatch(request);
        } catch (ApiException e) {
            status = e.status();
            body = Json.object();
            body.put("__type", e.type());
            if (e.getMessage() != null) body.put(e.type().endsWith("SerializationException") ? "Message" : "message", e.getMessage());
            if (e.extra() != null) body.setAll(e.extra());
        } catch (Values.SerializationFailure e) {
            status = 400;
            body = error(ApiException.serialization("Unexpected value type in payload"));
        } catch (RuntimeException e) {
            status = 500;
            body = Json.object();
            body.put("__type", "com.amazonaws.dynamodb.v20120810#InternalServerError");
            body.put("message", "Internal error: " + e);
        }
        byte[] bytes;
        CRC32 crc = new CRC32();
        try {
            bytes = serialize(body, crc);
        } catch (IOException e) {
            status = 500;
            bytes = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\"}".getBytes(StandardCharsets.US_ASCII);
            crc.reset();
            crc.update(bytes);
        }
        return new Response(status, CONTENT_TYPE, bytes, headers(Long.toString(crc.getValue())));
    }

    /**
     * A connection thread's buffer for answers, kept between its requests (writeValueAsBytes grew a new one each
     * time). Kept only up to 64 KB (a page of 100 messages is about 35 KB): 256 connections then hold at most 16 MB.
     */
    private static final class AnswerBuffer extends java.io.ByteArrayOutputStream {
        private static final int KEPT = 64 * 1024;

        AnswerBuffer() { super(16 * 1024); }

        byte[] bytes() { return buf; }
    }

    private static final ThreadLocal<AnswerBuffer> ANSWERS = ThreadLocal.withInitial(AnswerBuffer::new);

    private static byte[] serialize(ObjectNode body, CRC32 crc) throws IOException {
        AnswerBuffer out = ANSWERS.get();
        out.reset();
        Json.MAPPER.writeValue(out, body);
        crc.update(out.bytes(), 0, out.size());
        byte[] bytes = out.toByteArray();
        if (out.bytes().length > AnswerBuffer.KEPT) ANSWERS.remove(); // one huge page is no reason to keep its buffer
        return bytes;
    }

    /**
     * A request the HTTP layer refused before it was read whole, in DynamoDB's error shape: a body that cannot
     * be read is a SerializationException (as an unparseable one is); one over the size limit is refused as a
     * ValidationException with status 413; no free connection is ServiceUnavailable, which the SDKs retry.
     */
    @Override public Response protocolError(int status, String message) {
        String type = switch (status) {
            case 400 -> "com.amazon.coral.service#SerializationException";
            case 413 -> "com.amazon.coral.validate#ValidationException";
            case 503 -> "com.amazonaws.dynamodb.v20120810#ServiceUnavailable";
            default -> "com.amazonaws.dynamodb.v20120810#InternalServerError";
        };
        ObjectNode body = Json.object();
        body.put("__type", type);
        body.put(type.endsWith("SerializationException") ? "Message" : "message", message);
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            bytes = ("{\"__type\":\"" + type + "\"}").getBytes(StandardCharsets.US_ASCII);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Response(status, CONTENT_TYPE, bytes, headers(Long.toString(crc.getValue())));
    }

    private static ObjectNode error(ApiException e) {
        ObjectNode body = Json.object();
        body.put("__type", e.type());
        if (e.getMessage() != null) body.put("Message", e.getMessage());
        return body;
    }

    private Map<String, String> headers(String crc) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-amzn-RequestId", requestIdPrefix + Long.toString(requestCounter.incrementAndGet(), 36).toUpperCase());
        if (crc != null) h.put("x-amz-crc32", crc);
        return h;
    }

    private ObjectNode dispatch(Request request) {
        String target = request.header("x-amz-target");
        Operation op = target == null ? null : operations.get(target);
        if (op == null) throw ApiException.unknownOperation();
        JsonNode input;
        try {
            input = request.body().length == 0 ? Json.object() : Json.MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw ApiException.serialization(null);
        }
        if (input == null || !input.isObject()) throw ApiException.serialization("Unexpected value type in payload");
        // serialization and model constraints come before anything an operation checks, as in DynamoDB
        if (target.startsWith(DYNAMODB)) shapes.check(target.substring(DYNAMODB.length()), (ObjectNode) input);
        else if (target.startsWith(STREAMS)) shapes.check(target.substring(STREAMS.length()), (ObjectNode) input);
        if (op instanceof DescribeEndpoints endpoints) return endpoints.answer(request.header("host"));
        return op.handle(input);
    }

    /**
     * The SDKs ask for endpoints when endpoint discovery is on, and use the Address they get for what follows.
     * DynamoDB answers its own host name with a day's cache period; here that is the host (and port) the client
     * reached us by, from its Host header, so that a client that came through "localhost" or a forwarded port
     * is sent back the same way.
     */
    private static final class DescribeEndpoints implements Operation {
        /** Without a Host header (HTTP/1.0), the name every local client can reach. */
        private static final String NO_HOST_HEADER = "localhost";

        @Override public ObjectNode handle(JsonNode request) {
            return answer(null);
        }

        ObjectNode answer(String host) {
            ObjectNode r = Json.object();
            String address = host == null || host.isBlank() ? NO_HOST_HEADER : host.trim();
            r.putArray("Endpoints").addObject().put("Address", address).put("CachePeriodInMinutes", 1440);
            return r;
        }
    }
}
