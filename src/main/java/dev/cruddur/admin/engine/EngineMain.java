package dev.cruddur.admin.engine;

import dev.cruddur.admin.engine.storage.Durability;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Runs the endpoint on its own: {@code --port N (--data DIR | --in-memory) [--durability process|interval|always]}; stops when killed. */
public final class EngineMain {
    private EngineMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        Optional<Path> data = Optional.empty();
        Durability durability = EngineConfig.DEFAULT_DURABILITY;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--data" -> data = Optional.of(Path.of(value(args, ++i, "--data")));
                case "--in-memory" -> data = Optional.empty();
                case "--durability" -> durability = Durability.valueOf(value(args, ++i, "--durability").toUpperCase(java.util.Locale.ROOT));
                case "--help", "-h" -> {
                    System.out.println("usage: EngineMain [--port N] (--data DIR | --in-memory) [--durability process|interval|always]");
                    return;
                }
                default -> {
                    System.err.println("unknown option: " + args[i]);
                    System.exit(2);
                }
            }
        }
        EmbeddedDynamo engine = EmbeddedDynamo.start(new EngineConfig(port, data).withDurability(durability));
        engine.openWarnings().forEach(w -> System.err.println("warning: " + w));
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "engine-shutdown"));
        System.out.println("listening on " + engine.endpoint());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
