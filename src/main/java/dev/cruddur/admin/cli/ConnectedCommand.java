package dev.cruddur.admin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.EmbeddedServices;
import dev.cruddur.admin.app.UserDirectories;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.store.StoreException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import dev.cruddur.admin.store.DynamoTarget;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** A command that works on one DynamoDB connection, opened from the shared options. */
abstract class ConnectedCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final ObjectMapper JSON_LINE = new ObjectMapper();

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    CruddurCommand parent;

    Map<String, String> env = System.getenv();

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() throws Exception {
        checkInput();
        ConnectionOptions options = options();
        if (!options.usesEmbedded(env)) {
            return runOn(options.target(env), options);
        }
        // the embedded data: the running window's or serve's endpoint if one owns it, else opened here
        Path data = UserDirectories.data(env);
        Optional<URI> running = EmbeddedServices.runningIn(data);
        if (running.isPresent()) return runOn(DynamoTarget.endpoint(running.get(), options.tableName()), options);
        try (EmbeddedServices services = EmbeddedServices.persistent(data, 0, 0)) {
            // the demo goes into the default table on the data's first start; a command naming another
            // table (perhaps a typo) must not be the one that fills the directory
            if (options.tableName().equals(TableKeys.DEFAULT_TABLE)) services.seedDemoOnFirstStart(TableKeys.DEFAULT_TABLE);
            return runOn(DynamoTarget.endpoint(services.dynamoEndpoint(), options.tableName()), options);
        }
    }

    private int runOn(DynamoTarget target, ConnectionOptions options) throws Exception {
        try (DirectMessages messages = DirectMessages.open(target)) {
            if (options.unlockWrites) messages.connection().unlockWrites();
            if (needsTable() && !tableExists(messages)) {
                throw new StoreException(StoreException.Kind.TABLE_MISSING, "The table '" + messages.connection().table()
                        + "' does not exist on " + messages.connection().target().describe() + ": create it with schema-load (or name another table with --table).");
            }
            options.postgresTarget(env).ifPresent(pg -> messages.attachUsers(new dev.cruddur.admin.users.CruddurUsers(pg)));
            return run(messages);
        }
    }

    /** True unless the endpoint says the table is missing; a role that may not describe tables gets the benefit of the doubt. */
    private static boolean tableExists(DirectMessages messages) {
        try {
            return messages.schema().describe().exists();
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.ACCESS_DENIED) return true;
            throw e;
        }
    }

    /** Refuses (with {@link BadInput}) options that no endpoint could make sense of, before anything is opened. */
    void checkInput() {
    }

    /** Whether the command works on its table's items, so that a missing table is an error said up front. */
    boolean needsTable() {
        return true;
    }

    ConnectionOptions options() {
        return parent == null ? connection : connection.orElse(parent.connection);
    }

    abstract int run(DirectMessages messages) throws Exception;

    void printJson(Object value) throws Exception {
        out().println(JSON.writeValueAsString(value));
    }
}
