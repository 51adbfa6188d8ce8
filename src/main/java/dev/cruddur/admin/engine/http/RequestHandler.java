package dev.cruddur.admin.engine.http;

/** Answers one HTTP request; the server knows nothing of DynamoDB. */
public interface RequestHandler {
    Response handle(Request request);

    record Request(String method, String path, java.util.Map<String, String> headers, byte[] body) {
        /** Header names are stored lower-case. */
        public String header(String name) { return headers.get(name.toLowerCase(java.util.Locale.ROOT)); }
    }

    record Response(int status, String contentType, byte[] body, java.util.Map<String, String> headers) {}
}
