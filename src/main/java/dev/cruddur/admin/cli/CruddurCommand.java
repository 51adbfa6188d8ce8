package dev.cruddur.admin.cli;

import dev.cruddur.admin.store.StoreException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: what the seed's bin/ddb scripts did, done right. */
@Command(name = "cruddur-admin", mixinStandardHelpOptions = true, version = "Cruddur Admin 0.1",
        description = "Administer Cruddur's direct messages in DynamoDB. With no command, opens the window.",
        subcommands = {
                TableCommands.SchemaLoad.class, TableCommands.ListTables.class, TableCommands.Drop.class,
                TableCommands.Seed.class, TableCommands.Scan.class, TableCommands.Capabilities.class,
                MessageCommands.ListConversations.class, MessageCommands.GetConversation.class,
                MessageCommands.Send.class, MessageCommands.NewConversation.class,
                ServeCommand.class, StreamUpdaterCommand.class,
                TimeCommands.Time.class,
                CacheCommands.class,
                CheckCommand.class, ExportCommand.class, ImportCommand.class, PartiqlCommand.class,
        })
public final class CruddurCommand implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command (see --help).");
    }

    /** Runs the command line; returns the process exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine cli = new CommandLine(new CruddurCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean debug = parseResult.expandedArgs().contains("--debug");
            int code = e instanceof BadInput || (e instanceof StoreException s && s.kind() == StoreException.Kind.INVALID)
                    ? BAD_INPUT : FAILURE;
            commandLine.getErr().println(e instanceof BadInput || e instanceof StoreException
                    || e instanceof dev.cruddur.admin.users.UsersException ? e.getMessage() : "Failed: " + e);
            if (debug) e.printStackTrace(commandLine.getErr());
            commandLine.getErr().flush();
            return code;
        });
        cli.getCommandSpec().commandLine().setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().getErr().println("See '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommand() instanceof ConnectedCommand connected) connected.env = env;
            if (sub.getCommand() instanceof ServeCommand serve) serve.env = env;
            if (sub.getCommand() instanceof CacheCommands cache) cache.env = env;
            for (CommandLine nested : sub.getSubcommands().values()) {
                if (nested.getCommand() instanceof TimeCommands.Convert convert) convert.env = env;
            }
        }
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }
}
