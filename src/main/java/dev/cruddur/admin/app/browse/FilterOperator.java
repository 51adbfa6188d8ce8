package dev.cruddur.admin.app.browse;

/** The operators of a filter row. */
public enum FilterOperator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="), BETWEEN("BETWEEN"), BEGINS_WITH("begins_with"),
    CONTAINS("contains"), NOT_CONTAINS("not contains"), EXISTS("exists"), NOT_EXISTS("not exists");

    private final String label;

    FilterOperator(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** How many values the operator takes: 0 (exists), 2 (between) or 1. */
    public int operands() {
        return this == EXISTS || this == NOT_EXISTS ? 0 : this == BETWEEN ? 2 : 1;
    }
}
