package dev.cruddur.admin.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items as CSV (RFC 4180: comma, double-quote quoting, CRLF or LF), without losing a type.
 *
 * <p><b>Header.</b> One column per attribute name, the key attributes first. A column holds S
 * values unless its name ends in {@code :N} (a number column); a name that itself contains a colon
 * is always written with its type ({@code a:b:S}). The last column, {@code __extra}, holds the
 * attributes an item has beyond the header, as a DynamoDB JSON map; it is what lets export write
 * in one pass: the header is the union of the names in the first {@value #SAMPLE} items, and a
 * later item with another attribute still loses nothing.
 *
 * <p><b>Cells.</b> Empty: the item has no such attribute. In an S column a cell is that string; in
 * an N column, that number. A cell that is a DynamoDB JSON value ({@code {"N":"1"}},
 * {@code {"BOOL":true}}, {@code {"S":""}}) is that value, whatever its column, so every other type,
 * a number in an S column, an empty string, and a string that starts with '{' are written that way.
 * A cell starting with '{' that is not DynamoDB JSON is read as a plain string.
 */
public final class CsvItems {
    /** Items read before the header is written. */
    public static final int SAMPLE = 1000;
    public static final String EXTRA = "__extra";

    private CsvItems() {}

    /** A column: attribute name and whether its plain cells are numbers. */
    public record Column(String name, boolean number) {
        public String header() {
            if (number) return name + ":N";
            if (name.contains(":") || name.equals(EXTRA)) return name + ":S";
            return name;
        }

        static Column parse(String header) {
            if (header.endsWith(":N")) return new Column(header.substring(0, header.length() - 2), true);
            if (header.endsWith(":S")) return new Column(header.substring(0, header.length() - 2), false);
            return new Column(header, false);
        }
    }

    /** The columns for a sample of items: keys first, then the other names in order. */
    public static List<Column> columns(Collection<Map<String, AttributeValue>> sample, List<String> keyNames) {
        Map<String, Boolean> numeric = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : sample) {
            item.forEach((name, v) -> numeric.merge(name, v.type() == AttributeValue.Type.N, Boolean::logicalAnd));
        }
        List<Column> out = new ArrayList<>();
        for (String key : keyNames) {
            out.add(new Column(key, numeric.getOrDefault(key, false)));
            numeric.remove(key);
        }
        for (String name : new TreeSet<>(numeric.keySet())) out.add(new Column(name, numeric.get(name)));
        return out;
    }

    // --- writing ------------------------------------------------------------------------------

    public static void writeHeader(List<Column> columns, Writer out) throws IOException {
        List<String> cells = new ArrayList<>();
        for (Column c : columns) cells.add(c.header());
        cells.add(EXTRA);
        writeRow(cells, out);
    }

    public static void writeItem(List<Column> columns, Map<String, AttributeValue> item, Writer out) throws IOException {
        List<String> cells = new ArrayList<>(columns.size() + 1);
        Map<String, AttributeValue> extra = null;
        for (Column c : columns) {
            AttributeValue v = item.get(c.name());
            cells.add(v == null ? "" : cell(c, v));
        }
        if (item.size() > columns.size() || columns.stream().anyMatch(c -> !item.containsKey(c.name()))) {
            for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
                if (columns.stream().noneMatch(c -> c.name().equals(e.getKey()))) {
                    if (extra == null) extra = new LinkedHashMap<>();
                    extra.put(e.getKey(), e.getValue());
                }
            }
        }
        cells.add(extra == null ? "" : ItemJson.toDynamoJson(extra));
        writeRow(cells, out);
    }

    static String cell(Column column, AttributeValue v) {
        if (v.type() == AttributeValue.Type.S && !column.number() && !v.s().isEmpty() && !v.s().startsWith("{")) return v.s();
        if (v.type() == AttributeValue.Type.N && column.number()) return v.n();
        return ItemJson.toDynamoJson(v);
    }

    static void writeRow(List<String> cells, Writer out) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                out.write('"');
                out.write(c.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(c);
            }
        }
        out.write('\n');
    }

    // --- reading ------------------------------------------------------------------------------

    /** One CSV record and the line it starts on (1-based). */
    public record Row(int line, List<String> cells) {}

    /** Reads records one at a time, quoted fields across lines included. */
    public static final class RowReader {
        private final Reader in;
        private int line = 1;
        private int peeked = -2;

        public RowReader(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (peeked != -2) {
                int c = peeked;
                peeked = -2;
                return c;
            }
            return in.read();
        }

        /** The next record, or null at the end; an unterminated quote is a {@link ItemJson.Malformed}. */
        public Row next() {
            try {
                int c = read();
                while (c == '\n' || c == '\r') { // blank lines between records are skipped
                    if (c == '\n') line++;
                    c = read();
                }
                if (c == -1) return null;
                int start = line;
                List<String> cells = new ArrayList<>();
                StringBuilder cell = new StringBuilder();
                boolean quoted = false;
                boolean wasQuoted = false;
                while (true) {
                    if (quoted) {
                        if (c == -1) throw new ItemJson.Malformed("a quoted field is not closed", start, 0);
                        if (c == '"') {
                            int n = read();
                            if (n == '"') {
                                cell.append('"');
                            } else {
                                quoted = false;
                                c = n;
                                continue;
                            }
                        } else {
                            if (c == '\n') line++;
                            cell.append((char) c);
                        }
                    } else {
                        if (c == -1 || c == '\n' || c == '\r') {
                            cells.add(cell.toString());
                            if (c == '\r') {
                                int n = read();
                                if (n != '\n') peeked = n;
                            }
                            if (c != -1) line++;
                            return new Row(start, cells);
                        }
                        if (c == ',') {
                            cells.add(cell.toString());
                            cell.setLength(0);
                            wasQuoted = false;
                        } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
                            quoted = true;
                            wasQuoted = true;
                        } else {
                            cell.append((char) c);
                        }
                    }
                    c = read();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The columns of a header row, and whether it ends with the {@code __extra} column. */
    public record Header(List<Column> columns, int extraIndex) {
        public static Header of(List<String> cells) {
            List<Column> columns = new ArrayList<>();
            int extra = -1;
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).equals(EXTRA)) {
                    extra = i;
                    columns.add(null);
                } else {
                    columns.add(Column.parse(cells.get(i)));
                }
            }
            return new Header(columns, extra);
        }
    }

    /** A row as an item; a cell that cannot be read is an {@link IllegalArgumentException} naming its column. */
    public static Map<String, AttributeValue> item(Header header, List<String> cells) {
        if (cells.size() != header.columns().size()) {
            throw new IllegalArgumentException("the row has " + cells.size() + " cells, the header " + header.columns().size());
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String text = cells.get(i);
            if (text.isEmpty()) continue;
            if (i == header.extraIndex()) {
                try {
                    item.putAll(ItemJson.fromDynamoJson(text));
                } catch (ItemJson.Malformed e) {
                    throw new IllegalArgumentException("column " + EXTRA + " is not a DynamoDB JSON map: " + e.getMessage());
                }
                continue;
            }
            Column column = header.columns().get(i);
            item.put(column.name(), value(column, text));
        }
        return item;
    }

    static AttributeValue value(Column column, String text) {
        if (text.startsWith("{")) {
            try {
                return ItemJson.valueFromDynamoJson(text);
            } catch (ItemJson.Malformed notDynamoJson) {
                // a plain string that happens to start with '{'
            }
        }
        if (!column.number()) return AttributeValue.fromS(text);
        try {
            new BigDecimal(text.strip());
            return AttributeValue.fromN(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + column.name() + " holds numbers, not '" + text + "'");
        }
    }
}
