package dev.cruddur.admin.engine;

import dev.cruddur.admin.testsupport.DynamoClients;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The embedded engine (in memory) and dynalite side by side, each with an SDK client and the same
 * tables made by {@code setUp}: the two endpoints of the tests that ask both the same thing.
 */
final class EngineBesideDynalite implements AutoCloseable {
    private final EmbeddedDynamo engine;
    private final DynaliteServer dynalite;
    final DynamoDbClient ours;
    final DynamoDbClient theirs;

    EngineBesideDynalite(Consumer<DynamoDbClient> setUp) {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        dynalite = DynaliteServer.start();
        ours = DynamoClients.dynamo(engine.endpoint());
        theirs = DynamoClients.dynamo(dynalite.endpoint());
        for (DynamoDbClient c : List.of(ours, theirs)) setUp.accept(c);
    }

    @Override
    public void close() {
        ours.close();
        theirs.close();
        engine.close();
        dynalite.close();
    }
}
