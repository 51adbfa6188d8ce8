package dev.cruddur.admin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.EmbeddedServices;
import dev.cruddur.admin.app.UserDirectories;
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
        ConnectionOptions options = options();
        if (!options.usesEmbedded(env)) {
            return runOn(options.target(env), options);
        }
        // the embedded data: the running window's or serve's endpoint if one owns it, else opened here
        Path data = UserDirectories.data(env);
        Optional<URI> running = EmbeddedServices.runningIn(data);
        if (running.isPresent()) return runOn(DynamoTarget.endpoint(running.get(), options.tableName()), options);
        try (EmbeddedServices services = EmbeddedServices.persistent(data, 0, 0)) {
            services.ensureDemoData(options.tableName());
            return runOn(DynamoTarget.endpoint(services.dynamoEndpoint(), options.tableName()), options);
        }
    }

    private int runOn(DynamoTarget target, ConnectionOptions options) throws Exception {
        try (DirectMessages messages = DirectMessages.open(target)) {
            if (options.unlockWrites) messages.connection().unlockWrites();
            options.postgresTarget(env).ifPresent(pg -> messages.attachUsers(new dev.cruddur.admin.users.CruddurUsers(pg)));
            return run(messages);
        }
    }

    ConnectionOptions options() {
        return parent == null ? connection : connection.orElse(parent.connection);
    }

    abstract int run(DirectMessages messages) throws Exception;

    void printJson(Object value) throws Exception {
        out().println(JSON.writeValueAsString(value));
    }
}
