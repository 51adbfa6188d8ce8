package dev.cruddur.admin.store;

import static dev.cruddur.admin.domain.TableKeys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Creating, describing, listing and dropping Cruddur's messages table (data-model.md). */
public final class TableSchema {
    /** What an endpoint holds of the table. */
    public record TableState(boolean exists, boolean groupIndex, String status, long itemCount,
                             String billing, Optional<String> streamArn) {
        public static final TableState MISSING = new TableState(false, false, "MISSING", 0, "", Optional.empty());

        public boolean usable() {
            return exists && groupIndex;
        }
    }

    public sealed interface CreateOutcome permits Created, AlreadyExists {}

    public record Created(TableState state, boolean streamRequested) implements CreateOutcome {}

    public record AlreadyExists(TableState state) implements CreateOutcome {}

    private final DynamoConnection connection;

    public TableSchema(DynamoConnection connection) {
        this.connection = connection;
    }

    public TableState describe() {
        return describe(connection.table());
    }

    public TableState describe(String table) {
        try {
            DescribeTableResponse response = connection.client().describeTable(r -> r.tableName(table));
            return stateOf(response.table());
        } catch (ResourceNotFoundException e) {
            return TableState.MISSING;
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw StoreFailures.translate(e, connection.target().describe(), table);
        }
    }

    private static TableState stateOf(TableDescription t) {
        boolean index = t.globalSecondaryIndexes().stream().anyMatch(i -> GROUP_INDEX.equals(i.indexName()));
        String billing = t.billingModeSummary() != null && t.billingModeSummary().billingMode() != null
                ? t.billingModeSummary().billingModeAsString() : "PROVISIONED";
        return new TableState(true, index, t.tableStatusAsString(), t.itemCount() == null ? 0 : t.itemCount(),
                billing, Optional.ofNullable(t.latestStreamArn()));
    }

    /** Creates the table and its GSI (on demand, NEW_IMAGE stream where supported) and waits until ACTIVE. */
    public CreateOutcome create() {
        connection.requireWritable();
        TableState before = describe();
        if (before.exists()) return new AlreadyExists(before);
        boolean stream = connection.capabilities().streams();
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(connection.table())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(PK), attribute(SK), attribute(GROUP_UUID))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(GROUP_INDEX)
                        .keySchema(key(GROUP_UUID, KeyType.HASH), key(SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build());
        if (stream) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build());
        }
        try {
            connection.client().createTable(request.build());
        } catch (ResourceInUseException e) {
            return new AlreadyExists(describe());
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw StoreFailures.translate(e, connection.target().describe(), connection.table());
        }
        return new Created(waitUntilActive(), stream);
    }

    private TableState waitUntilActive() {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            TableDescription table = connection.call(() -> connection.client()
                    .describeTable(r -> r.tableName(connection.table()))).table();
            boolean indexesActive = table.globalSecondaryIndexes().stream()
                    .allMatch(i -> i.indexStatus() == null || "ACTIVE".equals(i.indexStatusAsString()));
            if (table.tableStatus() == TableStatus.ACTIVE && indexesActive) return stateOf(table);
            if (System.nanoTime() > deadline) {
                throw new StoreException(StoreException.Kind.OTHER, "The table did not become ACTIVE within two minutes.");
            }
            sleep(50);
        }
    }

    public List<String> listTables() {
        List<String> names = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListTablesResponse page = connection.call(() -> connection.client().listTables(r -> r.exclusiveStartTableName(from)));
            names.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
        } while (start != null);
        return names;
    }

    /** Deletes the table only when {@code typedName} repeats its name exactly. */
    public void drop(String typedName) {
        connection.requireWritable();
        if (!connection.table().equals(typedName)) {
            throw new StoreException(StoreException.Kind.INVALID,
                    "Not dropped: type the table's name, '" + connection.table() + "', to confirm.");
        }
        connection.call(() -> connection.client().deleteTable(r -> r.tableName(connection.table())));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (describe().exists() && System.nanoTime() < deadline) sleep(50);
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Kind.OTHER, "Interrupted while waiting for the table.", e);
        }
    }
}
