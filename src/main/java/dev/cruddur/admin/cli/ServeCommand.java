package dev.cruddur.admin.cli;

import dev.cruddur.admin.app.EmbeddedServices;
import dev.cruddur.admin.app.UserDirectories;
import dev.cruddur.admin.domain.TableKeys;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the embedded DynamoDB endpoint and the embedded cache alone, until stopped. */
@Command(name = "serve", description = "Run the embedded DynamoDB endpoint (and the Momento-compatible cache) until stopped.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8000", description = "DynamoDB port on 127.0.0.1 (0: a free one; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--cache-port", defaultValue = "0", description = "Cache (gRPC) port on 127.0.0.1 (default: a free one).")
    int cachePort;

    @CommandLine.ArgGroup(exclusive = true)
    Storage storage = new Storage();

    static final class Storage {
        @Option(names = "--data", paramLabel = "DIR", description = "Keep the data in DIR (default: the user data directory).")
        Path data;

        @Option(names = "--in-memory", description = "Keep nothing on disk.")
        boolean inMemory;
    }

    @Option(names = "--no-demo", description = "Do not create the table and demo data on the data's first start.")
    boolean noDemo;

    @Option(names = "--table", defaultValue = TableKeys.DEFAULT_TABLE, description = "The table the demo data goes in on the data's first start.")
    String table;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Map<String, String> env = System.getenv();

    /** Lets a test stop the server; a person stops it with Ctrl+C. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535 || cachePort < 0 || cachePort > 65535) throw new BadInput("Ports are between 0 and 65535.");
        Path dir = storage.data != null ? storage.data : UserDirectories.data(env);
        try (EmbeddedServices services = storage.inMemory ? EmbeddedServices.inMemory(port, cachePort)
                : EmbeddedServices.persistent(dir, port, cachePort)) {
            boolean seeded = !noDemo && services.seedDemoOnFirstStart(table);
            var out = spec.commandLine().getOut();
            out.println("DynamoDB endpoint: " + services.dynamoEndpoint()
                    + (storage.inMemory ? " (in memory)" : " (data in " + dir + ")"));
            out.println("Momento-compatible cache: 127.0.0.1:" + services.cachePort() + " (plaintext; MOMENTO_LOCAL_ENDPOINT=127.0.0.1:"
                    + services.cachePort() + ")");
            if (seeded) out.println("Created table '" + table + "' with the demo data.");
            out.println("Try: aws dynamodb list-tables --endpoint-url " + services.dynamoEndpoint());
            out.println("Stop with Ctrl+C.");
            out.flush();
            Thread hook = new Thread(stop::countDown, "serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            stop.await();
        }
        return CruddurCommand.OK;
    }
}
