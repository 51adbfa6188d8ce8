package dev.cruddur.admin.time;

/** The written form a timestamp was recognised in, named after the part of Cruddur's stack that writes it. */
public enum InputForm {
    /** {@code 2026-11-25T08:15:00.000000+00:00}: the project's sort key form. */
    CANONICAL("canonical sort key (UTC, six fraction digits, +00:00)"),
    /** {@code 2023-04-15T13:15:19Z}. */
    ISO_Z("ISO 8601 in UTC with Z"),
    /** {@code 2023-04-15T09:15:19.922515-04:00}: Python's aware {@code isoformat()}, or any ISO 8601 offset. */
    ISO_OFFSET("ISO 8601 with an offset"),
    /** {@code 2023-04-15T13:15:19.922515}: Python's {@code isoformat()} of a naive datetime. */
    NAIVE_ISO("naive ISO 8601 with T (Python isoformat() of a naive datetime)"),
    /** {@code 2023-04-15 13:15:19.922515}: Postgres {@code timestamp}, or Python's {@code str()} of a naive datetime. */
    NAIVE_SPACE("naive with a space (Postgres timestamp, or Python str() of a naive datetime)"),
    /** {@code 2023-04-15 13:15:19.922515+00}: psql's {@code timestamptz} output. */
    POSTGRES_TIMESTAMPTZ("Postgres timestamptz"),
    /** {@code 2023-04-15 13:15:19.922515+00:00}: Python's {@code str()} of an aware datetime. */
    PYTHON_STR_AWARE("Python str() of an aware datetime"),
    /** {@code Sat, 15 Apr 2023 13:15:19 GMT}: what Flask's JSON encoder makes of a datetime. */
    HTTP_DATE("HTTP date (Flask JSON)"),
    EPOCH_SECONDS("epoch seconds"),
    EPOCH_MILLIS("epoch milliseconds"),
    EPOCH_MICROS("epoch microseconds");

    private final String label;

    InputForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean epoch() {
        return this == EPOCH_SECONDS || this == EPOCH_MILLIS || this == EPOCH_MICROS;
    }
}
