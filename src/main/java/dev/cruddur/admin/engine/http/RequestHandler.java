package dev.cruddur.admin.engine.http;

import java.nio.charset.StandardCharsets;

/** Answers one HTTP request; the server knows nothing of DynamoDB. */
public interface RequestHandler {
    Response handle(Request request);

    /**
     * The answer to a request the server itself refuses before it reaches {@link #handle}: a malformed or
     * oversized body (400, 413), or no room for another connection (503). A JSON body with the reason, so
     * that a client shows a message instead of failing to parse; a handler may give it its protocol's shape.
     */
    default Response protocolError(int status, String message) {
        StringBuilder json = new StringBuilder("{\"message\":\"");
        for (char c : message.toCharArray()) {
            if (c == '"' || c == '\\') json.append('\\').append(c);
            else if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
            else json.append(c);
        }
        json.append("\"}");
        return new Response(status, "application/json", json.toString().getBytes(StandardCharsets.UTF_8), java.util.Map.of());
    }

    record Request(String method, String path, java.util.Map<String, String> headers, byte[] body) {
        /** Header names are stored lower-case. */
        public String header(String name) { return headers.get(name.toLowerCase(java.util.Locale.ROOT)); }
    }

    record Response(int status, String contentType, byte[] body, java.util.Map<String, String> headers) {}
}
