package dev.cruddur.admin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cruddur.admin.app.DirectMessages;
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
        DynamoTarget target = options.target(env);
        try (DirectMessages messages = DirectMessages.open(target)) {
            if (options.unlockWrites) messages.connection().unlockWrites();
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
