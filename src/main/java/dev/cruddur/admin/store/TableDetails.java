package dev.cruddur.admin.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * What the Browser's table details show, read-only: the key schema and indexes ({@link TableShape}),
 * the status, item count and size DynamoDB reports, the stream, the TTL and the tags. The TTL and
 * the tags are their own calls, which some endpoints do not answer (or answer wrongly): such a part
 * says so in words instead of failing the whole read.
 */
public record TableDetails(TableShape shape, String status, Optional<String> arn, long itemCount, long sizeBytes,
        Optional<Instant> created, String billing, Stream stream, Part<Ttl> ttl, Part<Map<String, String>> tags) {

    /** The table's stream: off, or on with the images it records. */
    public record Stream(boolean enabled, String viewType, Optional<String> arn) {}

    /** The TTL setting: its status (ENABLED, DISABLED, …) and the attribute it reads. */
    public record Ttl(String status, Optional<String> attribute) {}

    /** A part read by its own call: what it answered, or why there is no answer. */
    public sealed interface Part<T> {
        record Answered<T>(T value) implements Part<T> {}

        record Unanswered<T>(String why) implements Part<T> {}
    }

    /** DescribeTable, then DescribeTimeToLive and ListTagsOfResource (paged to the end). */
    public static TableDetails read(DynamoConnection connection, String table) {
        TableDescription t = connection.call(() -> connection.client().describeTable(r -> r.tableName(table))).table();
        TableShape shape = TableShape.from(table, t);
        Optional<String> arn = Optional.ofNullable(t.tableArn());
        var spec = t.streamSpecification();
        boolean streaming = spec != null && Boolean.TRUE.equals(spec.streamEnabled());
        Stream stream = new Stream(streaming, streaming && spec.streamViewType() != null ? spec.streamViewTypeAsString() : "",
                Optional.ofNullable(t.latestStreamArn()));
        String billing = t.billingModeSummary() != null && t.billingModeSummary().billingMode() != null
                ? t.billingModeSummary().billingModeAsString() : "PROVISIONED";

        Part<Ttl> ttl = part(connection, () -> {
            TimeToLiveDescription d = connection.client().describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
            return d == null ? new Ttl("DISABLED", Optional.empty())
                    : new Ttl(d.timeToLiveStatus() == null ? "DISABLED" : d.timeToLiveStatusAsString(), Optional.ofNullable(d.attributeName()));
        });
        Part<Map<String, String>> tags = arn.isEmpty()
                ? new Part.Unanswered<>("The endpoint gave the table no ARN to ask its tags by.")
                : part(connection, () -> {
                    Map<String, String> all = new LinkedHashMap<>();
                    String next = null;
                    do {
                        String from = next;
                        ListTagsOfResourceResponse page = connection.client().listTagsOfResource(r -> r.resourceArn(arn.get()).nextToken(from));
                        page.tags().forEach(tag -> all.put(tag.key(), tag.value()));
                        next = page.nextToken();
                    } while (next != null);
                    return all;
                });
        return new TableDetails(shape, t.tableStatusAsString(), arn, t.itemCount() == null ? 0 : t.itemCount(),
                t.tableSizeBytes() == null ? 0 : t.tableSizeBytes(), Optional.ofNullable(t.creationDateTime()), billing, stream, ttl, tags);
    }

    /** A call whose refusal is an answer to show: the endpoint's own words, prefixed by what it means here. */
    private static <T> Part<T> part(DynamoConnection connection, Supplier<T> call) {
        try {
            return new Part.Answered<>(call.get());
        } catch (DynamoDbException e) {
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                    ? e.getMessage() : e.awsErrorDetails().errorMessage();
            return new Part.Unanswered<>((DynamoConnection.unsupported(e) ? "This endpoint does not support it" : "This endpoint did not answer it")
                    + (code.isEmpty() ? "" : " (" + code + (message == null || message.isBlank() ? "" : ": " + message) + ")") + ".");
        } catch (SdkException e) {
            if (DynamoConnection.unsupported(e)) {
                return new Part.Unanswered<>("This endpoint does not support it.");
            }
            throw StoreFailures.translate(e, connection.target().describe(), connection.target().table());
        }
    }
}
