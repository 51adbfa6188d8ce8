package dev.cruddur.admin.cli;

import dev.cruddur.admin.app.cache.WriteInvalidation;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.store.Seeder;
import dev.cruddur.admin.store.TableSchema;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Table-level commands: schema, listing, dropping, seeding, scanning, capabilities. */
final class TableCommands {
    private TableCommands() {}

    @Command(name = "schema-load", description = "Create the messages table and its GSI (on demand; NEW_IMAGE stream where supported).")
    static final class SchemaLoad extends ConnectedCommand {
        @Override
        boolean needsTable() {
            return false;
        }

        @Override
        int run(DirectMessages messages) {
            TableSchema.CreateOutcome outcome = messages.schema().create();
            if (outcome instanceof TableSchema.AlreadyExists exists) {
                out().println("Table '" + messages.connection().table() + "' already exists (" + exists.state().status()
                        + (exists.state().groupIndex() ? ", GSI present" : ", GSI MISSING") + "); nothing changed.");
            } else if (outcome instanceof TableSchema.Created created) {
                out().println("Created table '" + messages.connection().table() + "' with GSI message-group-sk-index"
                        + (created.streamRequested() ? " and a NEW_IMAGE stream" : " (the endpoint has no streams)")
                        + "; status " + created.state().status() + ".");
            }
            return CruddurCommand.OK;
        }
    }

    @Command(name = "list-tables", description = "List table names.")
    static final class ListTables extends ConnectedCommand {
        @Override
        boolean needsTable() {
            return false;
        }

        @Override
        int run(DirectMessages messages) {
            messages.schema().listTables().forEach(out()::println);
            return CruddurCommand.OK;
        }
    }

    @Command(name = "drop", description = "Delete the table, only when --confirm repeats its name.")
    static final class Drop extends ConnectedCommand {
        @Override
        boolean needsTable() {
            return false;
        }

        @Option(names = "--confirm", required = true, paramLabel = "NAME", description = "The table's name, typed again.")
        String confirm;

        @Override
        int run(DirectMessages messages) {
            if (!messages.schema().describe().exists()) {
                throw new BadInput("There is no table '" + messages.connection().table() + "' to drop.");
            }
            messages.schema().drop(confirm);
            out().println("Dropped table '" + messages.connection().table() + "'.");
            return CruddurCommand.OK;
        }
    }

    @Command(name = "seed", description = "Load the demo fixture, or generate --users N --conversations M --messages K.")
    static final class Seed extends ConnectedCommand {
        @Override
        boolean needsTable() {
            return false;
        }

        @Option(names = "--users", paramLabel = "N") Integer users;
        @Option(names = "--conversations", paramLabel = "M") Integer conversations;
        @Option(names = "--messages", paramLabel = "K") Integer messagesEach;
        @Option(names = "--random-seed", defaultValue = "42", paramLabel = "S") long randomSeed;

        @Override
        int run(DirectMessages messages) {
            if (!messages.schema().describe().usable()) {
                throw new BadInput("The table '" + messages.connection().table() + "' is missing: run schema-load first.");
            }
            boolean generate = users != null || conversations != null || messagesEach != null;
            if (!generate) {
                Seeder.SeedOutcome outcome = WriteInvalidation.bulk(() -> messages.seeder().seedFixture(Instant.now(), Seeder.Progress.NONE));
                if (outcome instanceof Seeder.AlreadySeeded) {
                    out().println("The demo data is already loaded; nothing changed.");
                } else if (outcome instanceof Seeder.Seeded s) {
                    out().println("Loaded the demo data: " + s.users() + " users, " + s.conversations() + " conversations, "
                            + s.messages() + " messages (" + s.items() + " items).");
                }
                return CruddurCommand.OK;
            }
            if (users == null || conversations == null || messagesEach == null) {
                throw new BadInput("Generating needs all of --users N --conversations M --messages K.");
            }
            long started = System.nanoTime();
            int[] lastPercent = {-1};
            Seeder.Seeded s = WriteInvalidation.bulk(() -> messages.seeder().generate(users, conversations, messagesEach, randomSeed, Instant.now(),
                    (written, total) -> {
                        int percent = (int) (100 * written / Math.max(1, total));
                        if (percent / 10 != lastPercent[0] / 10) {
                            lastPercent[0] = percent;
                            err().printf("  %d%% (%,d of %,d items)%n", percent, written, total);
                            err().flush();
                        }
                    }));
            double seconds = (System.nanoTime() - started) / 1e9;
            out().printf("Generated %d users, %d conversations, %,d messages (%,d items) in %.1f s: %,.0f items/s.%n",
                    s.users(), s.conversations(), s.messages(), s.items(), seconds, s.items() / seconds);
            return CruddurCommand.OK;
        }
    }

    @Command(name = "scan", description = "Print the table's items, one JSON object a line.")
    static final class Scan extends ConnectedCommand {
        @Option(names = "--limit", defaultValue = "100", paramLabel = "N") int limit;

        @Override
        int run(DirectMessages messages) throws Exception {
            if (limit < 1) throw new BadInput("--limit must be at least 1.");
            for (Map<String, Object> item : messages.scan(limit)) out().println(JSON_LINE.writeValueAsString(item));
            return CruddurCommand.OK;
        }
    }

    @Command(name = "capabilities", description = "Show what the endpoint supports and the table's state.")
    static final class Capabilities extends ConnectedCommand {
        @Override
        boolean needsTable() {
            return false;
        }

        @Override
        int run(DirectMessages messages) {
            var state = messages.schema().describe();
            out().println("endpoint: " + messages.connection().target().describe());
            out().println("table:    " + messages.connection().table() + " (" + (state.exists()
                    ? state.status() + ", " + state.billing() + ", GSI " + (state.groupIndex() ? "present" : "MISSING")
                    : "missing") + ")");
            out().println("supports: " + messages.capabilities().summary());
            return CruddurCommand.OK;
        }
    }
}
