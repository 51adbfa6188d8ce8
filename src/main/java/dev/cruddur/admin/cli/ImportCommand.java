package dev.cruddur.admin.cli;

import dev.cruddur.admin.app.cache.WriteInvalidation;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.store.ItemFileFormat;
import dev.cruddur.admin.store.ItemImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Import JSON lines or CSV with BatchWriteItem; lines that cannot be imported are listed. */
@Command(name = "import", description = "Write the items of a JSON lines (DynamoDB JSON) or CSV file into the table.")
final class ImportCommand extends ConnectedCommand {
    @Parameters(index = "0", paramLabel = "FILE") Path file;
    @Option(names = "--format", paramLabel = "jsonl|csv", description = "Default: from the extension.") String format;

    @Override
    int run(DirectMessages messages) {
        Optional<ItemFileFormat> f = Optional.empty();
        if (format != null) {
            f = Optional.of(ItemFileFormat.parse(format).orElseThrow(() -> new BadInput("--format is jsonl or csv, not '" + format + "'.")));
        } else if (ItemFileFormat.fromFileName(file.getFileName().toString()).isEmpty()) {
            throw new BadInput("Give --format jsonl|csv (the extension of " + file.getFileName() + " says neither).");
        }
        if (!Files.isRegularFile(file)) throw new BadInput("There is no file " + file + ".");
        if (!messages.schema().describe(messages.connection().table()).exists()) {
            throw new BadInput("There is no table '" + messages.connection().table() + "' to import into.");
        }
        long[] shown = {0};
        Optional<ItemFileFormat> given = f;
        // one invalidation of every page the import made stale, when it ends (also on a failure midway)
        ItemImporter.Imported done = WriteInvalidation.bulk(() -> new ItemImporter(messages.connection()).importFile(file, given, (lines, imported, rejected) -> {
            if (imported - shown[0] >= 10_000) {
                shown[0] = imported;
                err().printf("  %,d items%n", imported);
                err().flush();
            }
        }, () -> false));
        out().printf("Imported %,d of %,d records in %.1f s: %,.0f items/s; %,d rejected.%n", done.imported(), done.records(),
                done.seconds(), done.itemsPerSecond(), done.rejectedCount());
        for (ItemImporter.Rejected r : done.rejected()) out().println("  " + r);
        if (done.rejectedCount() > done.rejected().size()) {
            out().println("  … and " + (done.rejectedCount() - done.rejected().size()) + " more.");
        }
        return CruddurCommand.OK;
    }
}
