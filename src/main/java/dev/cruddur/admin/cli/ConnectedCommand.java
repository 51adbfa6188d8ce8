package dev.cruddur.admin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.EmbeddedServices;
import dev.cruddur.admin.app.PublishedCache;
import dev.cruddur.admin.app.UserDirectories;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.store.StoreException;
import dev.cruddur.admin.users.CruddurUsers;
import dev.cruddur.admin.app.cache.CacheChoice;
import dev.cruddur.admin.app.cache.Invalidation;
import dev.cruddur.admin.app.cache.WriteInvalidation;
import dev.cruddur.admin.cache.CacheSettingsException;
import dev.cruddur.admin.cache.CacheStore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
        return runConnected(options(), env, this::err, needsTable(), this::run);
    }

    /** What a command does once connected. */
    interface OnConnection {
        int run(DirectMessages messages) throws Exception;
    }

    /**
     * Connects as the options say and runs {@code command}: the embedded data (the running window's
     * or serve's endpoint and cache if one owns it, else opened here), or the endpoint or AWS named;
     * every write keeps the chosen cache honest ({@link WriteInvalidation}); without a cache to
     * reach, or when it fails, the first write says so once on {@code err} and the command goes on.
     * With {@code needsTable}, a missing table is said up front (with schema-load as the hint) and nothing is created.
     */
    static int runConnected(ConnectionOptions options, Map<String, String> env, Supplier<PrintWriter> err,
                            boolean needsTable, OnConnection command) throws Exception {
        if (!options.usesEmbedded(env)) {
            return runOn(options.target(env), options, Optional.empty(), env, err, needsTable, command);
        }
        Path data = UserDirectories.data(env);
        Optional<URI> running = EmbeddedServices.runningIn(data);
        if (running.isPresent()) {
            return runOn(DynamoTarget.endpoint(running.get(), options.tableName()), options,
                    EmbeddedServices.cacheRunningIn(data), env, err, needsTable, command);
        }
        try (EmbeddedServices services = EmbeddedServices.persistent(data, 0, 0)) {
            // a log damaged in the middle was cut back and set aside as it opened: say so, as serve and the window do
            services.openWarnings().forEach(w -> err.get().println("Warning: " + w));
            err.get().flush();
            // the demo goes into the default table on the data's first start; a command naming another
            // table (perhaps a typo) must not be the one that fills the directory
            if (options.tableName().equals(TableKeys.DEFAULT_TABLE)) services.seedDemoOnFirstStart(TableKeys.DEFAULT_TABLE);
            return runOn(DynamoTarget.endpoint(services.dynamoEndpoint(), options.tableName()), options,
                    Optional.of(services.publishedCache()), env, err, needsTable, command);
        }
    }

    private static int runOn(DynamoTarget target, ConnectionOptions options, Optional<PublishedCache> owner,
                             Map<String, String> env, Supplier<PrintWriter> err, boolean needsTable, OnConnection command) throws Exception {
        CacheChoice choice;
        try {
            choice = CacheChoice.of(env, owner);
        } catch (CacheSettingsException e) {
            choice = new CacheChoice.None(e.getMessage());
        }
        CacheStore cache = null;
        if (choice instanceof CacheChoice.Use use) {
            try {
                cache = CacheStore.open(use.settings());
            } catch (CacheSettingsException e) {
                choice = new CacheChoice.None(e.getMessage());
            }
        }
        try (DirectMessages messages = DirectMessages.open(target);
             WriteInvalidation invalidation = WriteInvalidation.attach(messages.connection(), cache)) {
            invalidation.addListener(noteOnce(choice, err));
            if (options.unlockWrites) messages.connection().unlockWrites();
            if (needsTable && !tableExists(messages)) {
                throw new StoreException(StoreException.Kind.TABLE_MISSING, "The table '" + messages.connection().table()
                        + "' does not exist on " + messages.connection().target().describe() + ": create it with schema-load (or name another table with --table).");
            }
            options.postgresTarget(env).ifPresent(pg -> messages.attachUsers(new CruddurUsers(pg)));
            return command.run(messages);
        } finally {
            if (cache != null) cache.close();
        }
    }

    private static Consumer<Invalidation> noteOnce(CacheChoice choice, Supplier<PrintWriter> err) {
        AtomicBoolean said = new AtomicBoolean();
        return done -> {
            if (done.complete() || said.getAndSet(true)) return;
            String why = choice instanceof CacheChoice.None none
                    ? "no cache is reachable (" + none.why() + ")"
                    : "the cache (" + ((CacheChoice.Use) choice).describe() + ") could not be updated: " + done.failures().get(0);
            err.get().println("Note: written, but " + why + "; a page cached before this write may be served until its TTL ends.");
            err.get().flush();
        };
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
