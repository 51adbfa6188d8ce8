package dev.cruddur.admin.app.browse;

import java.util.Locale;
import java.util.Optional;

/** The sort key conditions a Query allows. */
public enum SortKeyOperator {
    EQ("="), LT("<"), LE("<="), GT(">"), GE(">="), BETWEEN("BETWEEN"), BEGINS_WITH("begins_with");

    private final String symbol;

    SortKeyOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** From "=", "<=", "between", "begins_with", "eq", "le", ... */
    public static Optional<SortKeyOperator> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (SortKeyOperator op : values()) {
            if (op.symbol.equalsIgnoreCase(t) || op.name().equalsIgnoreCase(t)) return Optional.of(op);
        }
        return switch (t) {
            case "==" -> Optional.of(EQ);
            case "begins-with", "beginswith", "prefix" -> Optional.of(BEGINS_WITH);
            default -> Optional.empty();
        };
    }
}
