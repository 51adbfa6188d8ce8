package dev.cruddur.admin.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Runs PartiQL statements (ExecuteStatement) one page at a time. Parameters travel as DynamoDB JSON
 * text; items come back as the item browser's {@link ItemBrowser.BrowsedItem}s so the same grid shows them.
 * A write statement obeys the connection's write lock.
 */
public final class StatementRunner {
    private static final ObjectMapper PLAIN = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    /** One page of a statement's result; the token continues a SELECT, absent at its end. */
    public record StatementPage(List<ItemBrowser.BrowsedItem> items, Optional<String> nextToken, Optional<Double> consumedCapacity) {
        public StatementPage {
            items = List.copyOf(items);
        }
    }

    private final DynamoConnection connection;

    public StatementRunner(DynamoConnection connection) {
        this.connection = connection;
    }

    /**
     * Runs one statement. {@code writes} says whether it changes data (the caller parsed it); a write on a
     * locked connection is refused before anything is sent. {@code pageSize} 0 lets the endpoint choose.
     */
    public StatementPage execute(String statement, Parameters parameters, boolean writes, Optional<String> nextToken, int pageSize) {
        if (writes) connection.requireWritable();
        ExecuteStatementRequest.Builder b = ExecuteStatementRequest.builder().statement(statement)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        if (!parameters.values.isEmpty()) b.parameters(parameters.values);
        if (!writes && pageSize > 0) b.limit(pageSize);
        nextToken.ifPresent(b::nextToken);
        ExecuteStatementResponse r;
        try {
            r = connection.client().executeStatement(b.build());
        } catch (DynamoDbException e) {
            throw refused(e);
        } catch (SdkException e) {
            throw StoreFailures.translate(e, connection.target().describe(), connection.table());
        }
        List<ItemBrowser.BrowsedItem> items = new ArrayList<>();
        for (var item : r.items()) items.add(new ItemBrowser.BrowsedItem(PlainValues.item(item), ItemJson.toDynamoJson(item)));
        return new StatementPage(items, Optional.ofNullable(r.nextToken()), TableScanner.capacity(r.consumedCapacity()));
    }

    /** The endpoint's own words for a refused statement: its error type and message, as a person reads them. */
    private StoreException refused(DynamoDbException e) {
        if (e.awsErrorDetails() == null) return StoreFailures.translate(e, connection.target().describe(), connection.table());
        String code = String.valueOf(e.awsErrorDetails().errorCode());
        return switch (code) {
            case "ValidationException", "DuplicateItemException", "ConditionalCheckFailedException",
                 "TransactionCanceledException", "ResourceNotFoundException" ->
                    new StoreException(StoreException.Kind.INVALID, code + ": " + e.awsErrorDetails().errorMessage(), e);
            default -> StoreFailures.translate(e, connection.target().describe(), connection.table());
        };
    }

    /**
     * A statement's parameters, read once from what the user typed (DynamoDB JSON itself, {@code {"S":"x"}}, or plain
     * JSON, {@code "x"}, {@code 5}, {@code [1, 2]}, {@code {"a": 1}}, converted as the item editor converts plain
     * values), so that every page of the statement sends them as they are rather than reading them again.
     */
    public static final class Parameters {
        private final List<AttributeValue> values;
        private final List<String> dynamoJson;

        private Parameters(List<AttributeValue> values) {
            this.values = List.copyOf(values);
            this.dynamoJson = values.stream().map(ItemJson::toDynamoJson).toList();
        }

        /** The parameters as typed, in order; blank lines are no parameter. */
        public static Parameters typed(List<String> texts) {
            List<AttributeValue> values = new ArrayList<>();
            for (String t : texts) if (!t.isBlank()) values.add(value(t.strip()));
            return new Parameters(values);
        }

        /** Each parameter as DynamoDB JSON text, in order. */
        public List<String> dynamoJson() {
            return dynamoJson;
        }
    }

    private static AttributeValue value(String text) {
        try {
            return ItemJson.valueFromDynamoJson(text);
        } catch (ItemJson.Malformed typed) {
            try {
                Object plain = PLAIN.readValue(text, Object.class);
                return ItemJson.fromPlain(plain);
            } catch (Exception notPlain) {
                throw new StoreException(StoreException.Kind.INVALID,
                        "The parameter " + text + " is neither DynamoDB JSON ({\"S\":\"text\"}) nor plain JSON (\"text\", 5, true).", notPlain);
            }
        }
    }
}
