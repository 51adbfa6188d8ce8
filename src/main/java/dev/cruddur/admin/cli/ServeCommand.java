package dev.cruddur.admin.cli;

import dev.cruddur.admin.app.EmbeddedServices;
import dev.cruddur.admin.app.UserDirectories;
import dev.cruddur.admin.cacheengine.CacheRateLimits;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.engine.storage.Durability;
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

    @Option(names = "--cache-token", paramLabel = "none",
            description = "'none': the cache serves anyone on loopback, with no token (default: only the data directory's token, in cache.token).")
    String cacheToken;

    @Option(names = "--cache-memory", paramLabel = "MB", defaultValue = "64",
            description = "The cache's memory bound for keys and values, in MB; least recently used items are evicted beyond it (default ${DEFAULT-VALUE}).")
    long cacheMemoryMb;

    @Option(names = "--cache-limits", paramLabel = "reported|service", defaultValue = "reported",
            description = "'service': refuse a cache's calls beyond 100 per second or 1,024 KiB per second with LIMIT_EXCEEDED,"
                    + " as Momento's service does; 'reported' (the default): listCaches reports these limits but nothing is throttled.")
    String cacheLimits;

    @CommandLine.ArgGroup(exclusive = true)
    Storage storage = new Storage();

    static final class Storage {
        @Option(names = "--data", paramLabel = "DIR", description = "Keep the data in DIR (default: the user data directory).")
        Path data;

        @Option(names = "--in-memory", description = "Keep nothing on disk.")
        boolean inMemory;
    }

    @Option(names = "--durability", defaultValue = "interval", paramLabel = "process|interval|always",
            description = "When the log is forced to disk: process (a killed process loses nothing), interval (also fsync every second: "
                    + "a power cut costs at most ~1 s; default), always (fsync before every reply).")
    String durability;

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
        if (cacheToken != null && !cacheToken.equals("none")) {
            throw new BadInput("--cache-token takes only 'none' (the token itself is made once per data directory, in cache.token).");
        }
        if (cacheMemoryMb < 1 || cacheMemoryMb > 1_048_576) throw new BadInput("--cache-memory is between 1 and 1048576 MB.");
        CacheRateLimits rateLimits = switch (cacheLimits.toLowerCase(java.util.Locale.ROOT)) {
            case "reported" -> CacheRateLimits.reportedOnly();
            case "service" -> CacheRateLimits.asTheService();
            default -> throw new BadInput("--cache-limits is reported or service, not '" + cacheLimits + "'.");
        };
        EmbeddedServices.CacheAccess access = (cacheToken == null ? EmbeddedServices.CacheAccess.withToken()
                : EmbeddedServices.CacheAccess.open()).withMaxValueBytes(cacheMemoryMb * 1024 * 1024).withRateLimits(rateLimits);
        Path dir = storage.data != null ? storage.data : UserDirectories.data(env);
        Durability forced = switch (durability.toLowerCase(java.util.Locale.ROOT)) {
            case "process" -> Durability.PROCESS;
            case "interval" -> Durability.INTERVAL;
            case "always" -> Durability.ALWAYS;
            default -> throw new BadInput("--durability is process, interval or always, not '" + durability + "'.");
        };
        try (EmbeddedServices services = storage.inMemory ? EmbeddedServices.inMemory(port, cachePort, access)
                : EmbeddedServices.persistent(dir, port, cachePort, access, forced)) {
            services.openWarnings().forEach(w -> spec.commandLine().getErr().println("Warning: " + w));
            boolean seeded = !noDemo && services.seedDemoOnFirstStart(table);
            var out = spec.commandLine().getOut();
            out.println("DynamoDB endpoint: " + services.dynamoEndpoint()
                    + (storage.inMemory ? " (in memory)" : " (data in " + dir + ")"));
            out.println("Momento-compatible cache: 127.0.0.1:" + services.cachePort() + " (plaintext; MOMENTO_LOCAL_ENDPOINT=127.0.0.1:"
                    + services.cachePort() + "; " + cacheMemoryMb + " MB of values; "
                    + (rateLimits.enforced() ? "rate limits enforced as the service's: " : "rate limits reported, not enforced: ")
                    + rateLimits.operationsPerSecond() + " ops/s, " + rateLimits.kibPerSecond() + " KiB/s per cache)");
            if (services.cacheToken().isEmpty()) {
                out.println("Cache token: none (--cache-token none): any local process may use the cache.");
            } else if (storage.inMemory) {
                // nothing is kept on disk, so the token is shown once: it dies with this process
                out.println("Cache token (this run only): " + services.cacheToken().get());
            } else {
                out.println("Cache token: in " + dir.resolve(EmbeddedServices.CACHE_TOKEN_FILE) + " (owner-only; the cache command reads it).");
            }
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
