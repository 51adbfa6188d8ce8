package dev.cruddur.admin.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads JSON lines (DynamoDB JSON) or CSV ({@link CsvItems}) and writes the items with
 * {@code BatchWriteItem}, 25 a request, unprocessed items retried with back-off. Every line that
 * cannot be imported is reported with its number and the reason; the others are imported. Streams:
 * one batch is held at a time, and the report keeps the first {@value #KEPT_REJECTIONS} rejections
 * (the count covers all).
 */
public final class ItemImporter {
    public static final int KEPT_REJECTIONS = 1000;

    public interface Progress {
        void update(long lines, long imported, long rejected);

        Progress NONE = (l, i, r) -> {};
    }

    /** A line left out, and why. */
    public record Rejected(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    public record Imported(long records, long imported, long rejectedCount, List<Rejected> rejected, double seconds,
                           boolean cancelled) {
        public Imported {
            rejected = List.copyOf(rejected);
        }

        public double itemsPerSecond() {
            return seconds > 0 ? imported / seconds : imported;
        }
    }

    private record Pending(int line, Map<String, AttributeValue> item) {}

    private final DynamoConnection connection;

    public ItemImporter(DynamoConnection connection) {
        this.connection = connection;
    }

    /** Imports a file; the format is given or taken from the extension (.jsonl/.json/.ndjson, .csv). */
    public Imported importFile(Path file, Optional<ItemFileFormat> format, Progress progress, BooleanSupplier cancel) {
        ItemFileFormat f = format.or(() -> ItemFileFormat.fromFileName(file.getFileName().toString()))
                .orElseThrow(() -> new StoreException(StoreException.Kind.INVALID,
                        "Cannot tell the format of " + file.getFileName() + ": give jsonl or csv."));
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importFrom(in, f, progress, cancel);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new StoreException(StoreException.Kind.INVALID, "There is no file " + file + ".", e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.OTHER, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Imported importFrom(Reader reader, ItemFileFormat format, Progress progress, BooleanSupplier cancel) {
        connection.requireWritable();
        TableShape shape = TableShape.describe(connection, connection.table());
        Run run = new Run(shape, progress);
        long started = System.nanoTime();
        boolean cancelled = false;
        try {
            if (format == ItemFileFormat.JSONL) {
                BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
                String line;
                int number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (line.isBlank()) continue;
                    if ((number & 1023) == 0 && cancel.getAsBoolean()) {
                        cancelled = true;
                        break;
                    }
                    run.records++;
                    try {
                        run.offer(number, ItemJson.fromDynamoJson(line));
                    } catch (ItemJson.Malformed e) {
                        run.reject(number, "malformed DynamoDB JSON" + (e.column() > 0 ? " at column " + e.column() : "") + ": " + e.getMessage());
                    }
                }
            } else {
                CsvItems.RowReader rows = new CsvItems.RowReader(reader instanceof BufferedReader ? reader : new BufferedReader(reader, 1 << 16));
                CsvItems.Header header = null;
                while (true) {
                    CsvItems.Row row;
                    try {
                        row = rows.next();
                    } catch (ItemJson.Malformed e) {
                        run.records++;
                        run.reject(e.line(), e.getMessage());
                        break;
                    }
                    if (row == null) break;
                    if (header == null) {
                        header = CsvItems.Header.of(row.cells());
                        continue;
                    }
                    if ((run.records & 1023) == 0 && cancel.getAsBoolean()) {
                        cancelled = true;
                        break;
                    }
                    run.records++;
                    try {
                        run.offer(row.line(), CsvItems.item(header, row.cells()));
                    } catch (IllegalArgumentException e) {
                        run.reject(row.line(), e.getMessage());
                    }
                }
            }
            run.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StoreException e) {
            throw run.stopped(e);
        }
        return new Imported(run.records, run.imported, run.rejectedCount, run.rejected, (System.nanoTime() - started) / 1e9, cancelled);
    }

    /** The state of one import: the batch being filled and the counts. */
    private final class Run {
        final TableShape shape;
        final Progress progress;
        final BatchWriter writer;
        final List<Pending> batch = new ArrayList<>(BatchWriter.MAX_BATCH);
        final Set<String> batchKeys = new HashSet<>();
        final List<Rejected> rejected = new ArrayList<>();
        long records;
        long imported;
        long rejectedCount;
        /** Items of the batch that failed that the endpoint had acknowledged before it failed. */
        long partlyWritten;

        Run(TableShape shape, Progress progress) {
            this.shape = shape;
            this.progress = progress;
            this.writer = new BatchWriter(connection, shape.table());
        }

        void offer(int line, Map<String, AttributeValue> item) {
            Optional<String> problem = ItemValidation.problem(item, shape);
            if (problem.isPresent()) {
                reject(line, problem.get());
                return;
            }
            // one batch may not name a key twice: a later line for the same key goes in the next batch, and wins
            String key = keyText(item);
            if (!batchKeys.add(key)) {
                flush();
                batchKeys.add(key);
            }
            batch.add(new Pending(line, item));
            if (batch.size() == BatchWriter.MAX_BATCH) flush();
        }

        /**
         * The failure that stopped the import, with how many items had been acknowledged before it (they are
         * kept) and the line from which nothing more was imported.
         */
        StoreException stopped(StoreException cause) {
            long written = imported + partlyWritten;
            String from = batch.isEmpty() ? "" : " from line " + String.format("%,d", batch.get(0).line());
            String message = cause.getMessage().strip();
            if (!message.endsWith(".")) message += ".";
            return new StoreException(cause.kind(), message + String.format(" The import stopped: %,d item%s had been written before the failure"
                    + " and %s kept; the file was not imported%s on.", written, written == 1 ? "" : "s", written == 1 ? "is" : "are", from), cause);
        }

        void reject(int line, String reason) {
            rejectedCount++;
            if (rejected.size() < KEPT_REJECTIONS) rejected.add(new Rejected(line, reason));
        }

        void flush() {
            if (batch.isEmpty()) return;
            try {
                imported += writer.put(batch.stream().map(Pending::item).toList());
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.INVALID) {
                    partlyWritten = writer.acknowledgedBeforeFailure();
                    throw e;
                }
                // the endpoint refused the batch as a whole: find the line(s) it refuses one by one
                for (Pending p : batch) {
                    try {
                        connection.call(() -> connection.client().putItem(r -> r.tableName(shape.table()).item(p.item())));
                        imported++;
                    } catch (StoreException one) {
                        if (one.kind() != StoreException.Kind.INVALID) throw one;
                        reject(p.line(), one.getMessage().replace("The request was refused: ", "refused by the endpoint: "));
                    }
                }
            }
            batch.clear();
            batchKeys.clear();
            progress.update(records, imported, rejectedCount);
        }

        private String keyText(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (String name : shape.keyNames()) key.put(name, item.get(name));
            return ItemJson.toDynamoJson(key);
        }
    }
}
