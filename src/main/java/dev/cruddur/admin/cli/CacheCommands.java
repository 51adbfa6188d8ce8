package dev.cruddur.admin.cli;

import dev.cruddur.admin.app.EmbeddedServices;
import dev.cruddur.admin.app.PublishedCache;
import dev.cruddur.admin.app.UserDirectories;
import dev.cruddur.admin.app.cache.CacheChoice;
import dev.cruddur.admin.cache.ApiKey;
import dev.cruddur.admin.cache.CacheConnection;
import dev.cruddur.admin.cache.CacheFailure;
import dev.cruddur.admin.cache.CacheOutcome;
import dev.cruddur.admin.cache.CacheRead;
import dev.cruddur.admin.cache.CacheSettings;
import dev.cruddur.admin.cache.CacheSettingsException;
import dev.cruddur.admin.cache.CacheStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cache ...}: the Momento cache's caches and keys, on the connection the environment
 * names ({@link CacheSettings#fromEnvironment}) or {@code --local host:port}. Never prints the
 * API key. Exit 0 done, 1 failed or no such item (one plain line on stderr), 2 bad input.
 */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "The Momento cache: list, create, delete and flush caches; get, set, delete, ttl and incr keys; "
                + "type, and the dictionary-, list-, set- and sorted-set- verbs for collections.",
        subcommands = {
                CacheCommands.ListCaches.class, CacheCommands.CreateCache.class, CacheCommands.DeleteCache.class,
                CacheCommands.Flush.class, CacheCommands.Get.class, CacheCommands.Set.class, CacheCommands.Delete.class,
                CacheCommands.Ttl.class, CacheCommands.Incr.class,
                CacheCollectionCommands.Type.class,
                CacheCollectionCommands.DictionaryFetch.class, CacheCollectionCommands.DictionaryGet.class,
                CacheCollectionCommands.DictionarySet.class, CacheCollectionCommands.DictionaryRemove.class,
                CacheCollectionCommands.DictionaryIncr.class,
                CacheCollectionCommands.ListFetch.class, CacheCollectionCommands.ListPush.class, CacheCollectionCommands.ListPop.class,
                CacheCollectionCommands.ListRemove.class, CacheCollectionCommands.ListLength.class,
                CacheCollectionCommands.SetFetch.class, CacheCollectionCommands.SetAdd.class, CacheCollectionCommands.SetRemove.class,
                CacheCollectionCommands.SortedSetFetch.class, CacheCollectionCommands.SortedSetPut.class,
                CacheCollectionCommands.SortedSetRemove.class, CacheCollectionCommands.SortedSetRank.class,
                CacheCollectionCommands.SortedSetIncr.class,
        })
final class CacheCommands implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // inherited: accepted before the verb (cache --local H:P ttl KEY) as after it, into these fields either way
    @Option(names = "--cache", paramLabel = "NAME", scope = CommandLine.ScopeType.INHERIT,
            description = "The cache (default: MOMENTO_CACHE_NAME, else cruddur).")
    String cacheName;

    @Option(names = "--local", paramLabel = "HOST:PORT", scope = CommandLine.ScopeType.INHERIT,
            description = "A Momento-compatible server in plaintext (momento-local, Cruddur Admin's embedded cache; "
                    + "on loopback, the token in the user data directory's cache.token is presented).")
    String local;

    /** Set by {@link CruddurCommand#run}; the subcommands read their settings from it. */
    Map<String, String> env = System.getenv();

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a cache command (see 'cache --help').");
    }

    /** What every cache subcommand shares: which cache, where, and the connection's lifetime. */
    abstract static class CacheCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        CacheCommands parent;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        @Override
        public final Integer call() {
            CacheSettings settings = settings();
            if (settings.connection() instanceof CacheConnection.Embedded) {
                err().println("Note: no MOMENTO_API_KEY, MOMENTO_LOCAL_ENDPOINT or --local: using an embedded cache that ends with this command.");
            }
            try (CacheStore store = CacheStore.open(settings)) {
                return run(store);
            } catch (CacheSettingsException refused) {
                throw new BadInput(refused.getMessage());
            }
        }

        abstract int run(CacheStore store);

        CacheSettings settings() {
            Map<String, String> env = parent == null ? System.getenv() : parent.env;
            String local = parent == null ? null : parent.local;
            String cacheName = parent == null ? null : parent.cacheName;
            CacheSettings settings;
            try {
                settings = CacheSettings.fromEnvironment(env);
            } catch (CacheSettingsException refused) {
                throw new BadInput(refused.getMessage());
            }
            if (local != null) {
                Optional<ApiKey> key = settings.connection() instanceof CacheConnection.Momento momento
                        ? Optional.of(momento.key()) : Optional.empty();
                CacheConnection.Local target = parseLocal(local, key);
                if (key.isEmpty() && isLoopback(target.host())) {
                    // the embedded cache of serve or the window serves only its data directory's token
                    key = EmbeddedServices.cacheTokenIn(UserDirectories.data(env)).map(CacheCommand::tokenKey);
                    target = new CacheConnection.Local(target.host(), target.port(), key);
                }
                settings = settings.withConnection(target);
            }
            if (settings.connection() instanceof CacheConnection.Embedded) {
                // the cache of the window or serve that owns the embedded data, as it published it (token included)
                Optional<PublishedCache> owner = EmbeddedServices.cacheRunningIn(UserDirectories.data(env));
                if (owner.isPresent()) {
                    try {
                        settings = ((CacheChoice.Use) CacheChoice.of(env, owner)).settings();
                    } catch (CacheSettingsException refused) {
                        throw new BadInput(refused.getMessage());
                    }
                }
            }
            if (cacheName != null) {
                if (cacheName.isBlank()) throw new BadInput("--cache needs a name.");
                settings = settings.withCacheName(cacheName.strip());
            }
            return settings;
        }

        private static boolean isLoopback(String host) {
            return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]");
        }

        private static ApiKey tokenKey(String token) {
            try {
                return ApiKey.of(token);
            } catch (CacheSettingsException empty) {
                throw new BadInput(empty.getMessage());
            }
        }

        /** Prints the failure in one line and returns the failure exit code. */
        int failed(CacheFailure failure, String cache) {
            String hint = failure.kind() == CacheFailure.Kind.CACHE_NOT_FOUND
                    ? " (create it with: cruddur-admin cache create-cache " + cache + ")" : "";
            err().println(failure.message() + hint);
            return CruddurCommand.FAILURE;
        }

        /** Momento's service accepts an empty key (as the embedded cache does), so "" is a key like any other. */
        static String requireKey(String key) {
            if (key == null) throw new BadInput("Name a key.");
            return key;
        }

        static Duration ttl(Long seconds, CacheStore store) {
            if (seconds == null) return store.settings().defaultTtl();
            if (seconds < 1 || seconds > CacheSettings.MAX_TTL.toSeconds()) {
                throw new BadInput("--ttl must be between 1 and " + CacheSettings.MAX_TTL.toSeconds() + " seconds, not " + seconds + ".");
            }
            return Duration.ofSeconds(seconds);
        }

        static void confirm(String name, String typed, String what) {
            if (!name.equals(typed)) {
                throw new BadInput("To " + what + " cache '" + name + "', repeat its name: --confirm " + name);
            }
        }
    }

    static CacheConnection.Local parseLocal(String endpoint, Optional<ApiKey> key) {
        String text = endpoint.strip();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new BadInput("--local must be host:port, e.g. 127.0.0.1:4040, not '" + endpoint + "'.");
        }
        try {
            return new CacheConnection.Local(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)), key);
        } catch (IllegalArgumentException notAPort) {
            throw new BadInput("--local must be host:port with a port from 1 to 65535, not '" + endpoint + "'.");
        }
    }

    @Command(name = "list-caches", mixinStandardHelpOptions = true, description = "The caches of the account or server, one name a line.")
    static final class ListCaches extends CacheCommand {
        @Override
        int run(CacheStore store) {
            CacheOutcome<List<String>> listed = store.listCaches();
            if (listed instanceof CacheOutcome.Failed<List<String>> failed) return failed(failed.failure(), store.cacheName());
            ((CacheOutcome.Ok<List<String>>) listed).value().forEach(out()::println);
            return CruddurCommand.OK;
        }
    }

    @Command(name = "create-cache", mixinStandardHelpOptions = true, description = "Create a cache (an existing one is left as it is).")
    static final class CreateCache extends CacheCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        int run(CacheStore store) {
            CacheOutcome<Void> created = store.createCache(name);
            if (created instanceof CacheOutcome.Failed<Void> failed) {
                if (failed.failure().kind() == CacheFailure.Kind.CACHE_ALREADY_EXISTS) {
                    out().println("Cache '" + name + "' already exists.");
                    return CruddurCommand.OK;
                }
                return failed(failed.failure(), name);
            }
            out().println("Created cache '" + name + "'.");
            return CruddurCommand.OK;
        }
    }

    /** A change to a whole cache that loses its items: the name is typed twice, and checked before connecting. */
    abstract static class ConfirmedCacheChange extends CacheCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--confirm", required = true, paramLabel = "NAME", description = "The cache's name again.") String confirm;

        private final String verb;

        ConfirmedCacheChange(String verb) {
            this.verb = verb;
        }

        abstract CacheOutcome<Void> change(CacheStore store);

        abstract String done();

        @Override
        int run(CacheStore store) {
            if (change(store) instanceof CacheOutcome.Failed<Void> failed) return failed(failed.failure(), name);
            out().println(done());
            return CruddurCommand.OK;
        }

        @Override
        CacheSettings settings() {
            confirm(name, confirm, verb);
            return super.settings();
        }
    }

    @Command(name = "delete-cache", mixinStandardHelpOptions = true, description = "Delete a cache and everything in it; type its name twice.")
    static final class DeleteCache extends ConfirmedCacheChange {
        DeleteCache() {
            super("delete");
        }

        @Override CacheOutcome<Void> change(CacheStore store) { return store.deleteCache(name); }

        @Override String done() { return "Deleted cache '" + name + "'."; }
    }

    @Command(name = "flush", mixinStandardHelpOptions = true, description = "Remove every item of a cache; type its name twice.")
    static final class Flush extends ConfirmedCacheChange {
        Flush() {
            super("flush");
        }

        @Override CacheOutcome<Void> change(CacheStore store) { return store.flushCache(name); }

        @Override String done() { return "Flushed cache '" + name + "': every item removed."; }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print a key's value as text. Exit 1 if there is no such item.")
    static final class Get extends CacheCommand {
        @Parameters(index = "0", paramLabel = "KEY") String key;

        @Override
        int run(CacheStore store) {
            CacheRead<String> read = store.getText(requireKey(key));
            if (read instanceof CacheRead.Failed<String> failed) return failed(failed.failure(), store.cacheName());
            if (read instanceof CacheRead.Miss<String>) {
                err().println("No item at '" + key + "' in cache '" + store.cacheName() + "'.");
                return CruddurCommand.FAILURE;
            }
            out().println(((CacheRead.Hit<String>) read).value());
            return CruddurCommand.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Store a text value under a key.")
    static final class Set extends CacheCommand {
        @Parameters(index = "0", paramLabel = "KEY") String key;
        @Parameters(index = "1", paramLabel = "VALUE") String value;
        @Option(names = "--ttl", paramLabel = "SECONDS", description = "Time to live (default: MOMENTO_TTL_SECONDS, else 600).") Long ttlSeconds;

        @Override
        int run(CacheStore store) {
            Duration ttl = ttl(ttlSeconds, store);
            CacheOutcome<Void> set = store.set(requireKey(key), value, ttl);
            if (set instanceof CacheOutcome.Failed<Void> failed) return failed(failed.failure(), store.cacheName());
            out().println("Set '" + key + "' (" + value.getBytes(StandardCharsets.UTF_8).length + " bytes, TTL "
                    + ttl.toSeconds() + " s).");
            return CruddurCommand.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a key (no error if it is not there).")
    static final class Delete extends CacheCommand {
        @Parameters(index = "0", paramLabel = "KEY") String key;

        @Override
        int run(CacheStore store) {
            CacheOutcome<Void> deleted = store.delete(requireKey(key));
            if (deleted instanceof CacheOutcome.Failed<Void> failed) return failed(failed.failure(), store.cacheName());
            out().println("Deleted '" + key + "'.");
            return CruddurCommand.OK;
        }
    }

    @Command(name = "ttl", mixinStandardHelpOptions = true, description = "Print the seconds a key has left. Exit 1 if there is no such item.")
    static final class Ttl extends CacheCommand {
        @Parameters(index = "0", paramLabel = "KEY") String key;

        @Override
        int run(CacheStore store) {
            CacheOutcome<Optional<Duration>> ttl = store.itemTtl(requireKey(key));
            if (ttl instanceof CacheOutcome.Failed<Optional<Duration>> failed) return failed(failed.failure(), store.cacheName());
            Optional<Duration> left = ((CacheOutcome.Ok<Optional<Duration>>) ttl).value();
            if (left.isEmpty()) {
                err().println("No item at '" + key + "' in cache '" + store.cacheName() + "'.");
                return CruddurCommand.FAILURE;
            }
            out().printf(java.util.Locale.ROOT, "%.3f%n", left.get().toMillis() / 1000.0);
            return CruddurCommand.OK;
        }
    }

    @Command(name = "incr", mixinStandardHelpOptions = true, description = "Add to the integer at a key (created at the amount if absent); print the new value.")
    static final class Incr extends CacheCommand {
        @Parameters(index = "0", paramLabel = "KEY") String key;
        @Option(names = "--by", defaultValue = "1", paramLabel = "N", description = "The amount (default 1; may be negative).") long by;
        @Option(names = "--ttl", paramLabel = "SECONDS", description = "Time to live (default: MOMENTO_TTL_SECONDS, else 600).") Long ttlSeconds;

        @Override
        int run(CacheStore store) {
            CacheOutcome<Long> incremented = store.increment(requireKey(key), by, ttl(ttlSeconds, store));
            if (incremented instanceof CacheOutcome.Failed<Long> failed) return failed(failed.failure(), store.cacheName());
            out().println(((CacheOutcome.Ok<Long>) incremented).value());
            return CruddurCommand.OK;
        }
    }
}
