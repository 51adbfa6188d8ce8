package dev.cruddur.admin.store;

import java.util.Locale;
import java.util.Optional;

/** The file formats of export and import. */
public enum ItemFileFormat {
    /** One item a line in DynamoDB JSON (the wire format). */
    JSONL,
    /** A header of attribute names, one item a row (see {@link CsvItems} for the cell rules). */
    CSV;

    /** From a file name's extension: .jsonl, .ndjson, .json → JSONL; .csv → CSV. */
    public static Optional<ItemFileFormat> fromFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) return Optional.of(JSONL);
        if (n.endsWith(".csv")) return Optional.of(CSV);
        return Optional.empty();
    }

    public static Optional<ItemFileFormat> parse(String text) {
        for (ItemFileFormat f : values()) if (f.name().equalsIgnoreCase(text.strip())) return Optional.of(f);
        return Optional.empty();
    }
}
