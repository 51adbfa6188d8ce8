package dev.cruddur.admin.cli;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.UserDirectories;
import dev.cruddur.admin.store.StreamCheckpoints;
import dev.cruddur.admin.store.StreamUpdater;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The seed's stream trigger as a command: moves group rows as messages appear on the table's stream. */
@Command(name = "stream-updater", description = "Read the table's stream and move group rows to each new message (pattern D).")
final class StreamUpdaterCommand extends ConnectedCommand {
    @Option(names = "--once", description = "Apply what is on the stream now, then exit.")
    boolean once;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Where to remember how far it read (default: in the user data directory).")
    Path checkpoint;

    @Option(names = "--interval-ms", defaultValue = "500", paramLabel = "MS")
    long intervalMillis;

    @Override
    int run(DirectMessages messages) throws Exception {
        messages.connection().requireWritable();
        Path file = checkpoint != null ? checkpoint
                : UserDirectories.data(env).resolve("stream-checkpoints-" + messages.connection().table() + ".properties");
        StreamUpdater updater = new StreamUpdater(messages.connection(), StreamCheckpoints.inFile(file));
        do {
            StreamUpdater.Poll poll = updater.pollOnce();
            if (poll.records() > 0 || once) {
                out().printf("%d records, %d messages, %d group-row writes, %d already up to date%n",
                        poll.records(), poll.messages(), poll.rowsMoved(), poll.unchanged());
                out().flush();
            }
            if (!once) Thread.sleep(intervalMillis);
        } while (!once);
        return CruddurCommand.OK;
    }
}
