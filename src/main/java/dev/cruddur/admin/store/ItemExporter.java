package dev.cruddur.admin.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes every page of a Scan or Query to a file as it arrives: JSON lines of DynamoDB JSON, or
 * CSV (see {@link CsvItems}). Memory stays flat: only the current page is held, plus, for CSV, the
 * first {@value CsvItems#SAMPLE} items until the header is known.
 */
public final class ItemExporter {
    public record Exported(long items, long scanned, double seconds, boolean cancelled, ItemFileFormat format) {
        public double itemsPerSecond() {
            return seconds > 0 ? items / seconds : items;
        }
    }

    private final DynamoConnection connection;

    public ItemExporter(DynamoConnection connection) {
        this.connection = connection;
    }

    public Exported export(ItemRequest request, ItemFileFormat format, Path file, TableScanner.Progress progress, BooleanSupplier cancel) {
        try (OutputStream out = Files.newOutputStream(file)) {
            return export(request, format, out, progress, cancel);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public Exported export(ItemRequest request, ItemFileFormat format, OutputStream stream, TableScanner.Progress progress,
                           BooleanSupplier cancel) {
        long started = System.nanoTime();
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        try {
            TableScanner scanner = new TableScanner(connection);
            TableScanner.Totals totals;
            if (format == ItemFileFormat.JSONL) {
                JsonGenerator g = ItemJson.FACTORY.createGenerator(out);
                g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.setRootValueSeparator(new SerializedString("\n"));
                long[] written = {0};
                totals = scanner.run(request, item -> {
                    try {
                        ItemJson.writeItem(g, item);
                        written[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, progress, cancel);
                g.flush();
                if (written[0] > 0) out.write('\n');
            } else {
                List<String> keyNames = TableShape.describe(connection, request.table()).keyNames();
                CsvSink sink = new CsvSink(out, keyNames);
                totals = scanner.run(request, sink::accept, progress, cancel);
                sink.finish();
            }
            out.flush();
            return new Exported(totals.items(), totals.scanned(), (System.nanoTime() - started) / 1e9, totals.cancelled(), format);
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "Writing the export failed: " + e.getMessage(), e);
        }
    }

    /** Holds the first items until the header is known, then streams. */
    private static final class CsvSink {
        private final Writer out;
        private final List<String> keyNames;
        private List<Map<String, AttributeValue>> sample = new ArrayList<>();
        private List<CsvItems.Column> columns;

        CsvSink(Writer out, List<String> keyNames) {
            this.out = out;
            this.keyNames = keyNames;
        }

        void accept(Map<String, AttributeValue> item) {
            try {
                if (columns != null) {
                    CsvItems.writeItem(columns, item, out);
                    return;
                }
                sample.add(item);
                if (sample.size() >= CsvItems.SAMPLE) flushSample();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void flushSample() throws IOException {
            columns = CsvItems.columns(sample, keyNames);
            CsvItems.writeHeader(columns, out);
            for (Map<String, AttributeValue> item : sample) CsvItems.writeItem(columns, item, out);
            sample = null;
        }

        void finish() throws IOException {
            if (columns == null) flushSample();
        }
    }
}
