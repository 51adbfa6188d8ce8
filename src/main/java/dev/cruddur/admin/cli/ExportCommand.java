package dev.cruddur.admin.cli;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.browse.ItemQuery;
import dev.cruddur.admin.app.browse.SortKeyOperator;
import dev.cruddur.admin.store.ItemExporter;
import dev.cruddur.admin.store.ItemFileFormat;
import dev.cruddur.admin.store.ItemRequest;
import dev.cruddur.admin.store.TableShape;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Export a whole scan, or a query, every page, to JSON lines or CSV. */
@Command(name = "export", description = "Write every item of a scan (or --query) to JSON lines (DynamoDB JSON) or CSV.")
final class ExportCommand extends ConnectedCommand {
    @Option(names = "--query", paramLabel = "PK_VALUE", description = "Query this partition key value instead of scanning.") String query;
    @Option(names = "--index", paramLabel = "NAME", description = "Scan or query this index.") String index;
    @Option(names = "--sk-op", paramLabel = "OP", description = "Sort key operator: = < <= > >= between begins_with.") String skOp;
    @Option(names = "--sk", paramLabel = "VALUE") String sk;
    @Option(names = "--sk2", paramLabel = "VALUE", description = "The upper bound of between.") String sk2;
    @Option(names = "--descending", description = "Newest (highest sort key) first.") boolean descending;
    @Option(names = "--format", paramLabel = "jsonl|csv", description = "Default: from the --out extension.") String format;
    @Option(names = "--out", required = true, paramLabel = "FILE") Path out;

    @Override
    int run(DirectMessages messages) {
        ItemFileFormat f = format != null
                ? ItemFileFormat.parse(format).orElseThrow(() -> new BadInput("--format is jsonl or csv, not '" + format + "'."))
                : ItemFileFormat.fromFileName(out.getFileName().toString())
                        .orElseThrow(() -> new BadInput("Give --format jsonl|csv (the extension of " + out.getFileName() + " says neither)."));
        if (query == null && (skOp != null || sk != null || sk2 != null || descending)) {
            throw new BadInput("--sk-op, --sk, --sk2 and --descending go with --query.");
        }
        if ((skOp == null) != (sk == null)) throw new BadInput("--sk-op and --sk go together.");
        String table = messages.connection().table();
        ItemQuery q = query == null ? ItemQuery.scan(table) : ItemQuery.query(table, query);
        q = q.onIndex(index).pageSize(0);
        if (skOp != null) {
            SortKeyOperator op = SortKeyOperator.parse(skOp)
                    .orElseThrow(() -> new BadInput("--sk-op is one of = < <= > >= between begins_with, not '" + skOp + "'."));
            if (op == SortKeyOperator.BETWEEN && sk2 == null) throw new BadInput("between needs --sk2.");
            q = q.sortKey(op, sk, sk2);
        }
        if (descending) q = q.descending();
        ItemRequest request = q.toRequest(TableShape.describe(messages.connection(), table));
        ItemExporter.Exported done = new ItemExporter(messages.connection()).export(request, f, out, new StderrProgress(err()), () -> false);
        out().printf("Exported %,d items to %s (%s) in %.1f s: %,.0f items/s.%n", done.items(), out, f.name().toLowerCase(),
                done.seconds(), done.itemsPerSecond());
        return CruddurCommand.OK;
    }

    /** "... items" on stderr every 10,000 items, so a long export shows it is alive. */
    static final class StderrProgress implements dev.cruddur.admin.store.TableScanner.Progress {
        private final java.io.PrintWriter err;
        private long shown;

        StderrProgress(java.io.PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long items, long scanned) {
            if (items - shown >= 10_000) {
                shown = items;
                err.printf("  %,d items%n", items);
                err.flush();
            }
        }
    }
}
