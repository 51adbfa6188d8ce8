package dev.cruddur.admin.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * DynamoDB requests as raw JSON over HTTP, below any SDK, for the tests that compare answers byte
 * for byte: an SDK would refuse many of these requests itself, or reshape the error before we see it.
 */
public final class RawDynamoRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawDynamoRequests() {}

    /** {@code target} is the whole X-Amz-Target, e.g. {@code DynamoDB_20120810.PutItem}. */
    public static HttpResponse<String> send(HttpClient http, URI endpoint, String target, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", target)
                // dynalite checks that a signature is present, not what it is
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=fake/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00")
                .header("X-Amz-Date", "20260101T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The status, the error's {@code __type} and its message (either spelling), as one comparable line. */
    public static String outcome(HttpResponse<String> r) throws IOException {
        JsonNode body = JSON.readTree(r.body());
        String message = body.has("message") ? "message=" + body.get("message").asText()
                : body.has("Message") ? "Message=" + body.get("Message").asText() : "";
        return r.statusCode() + " " + body.path("__type").asText() + " " + message;
    }
}
