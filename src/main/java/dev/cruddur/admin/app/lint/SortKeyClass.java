package dev.cruddur.admin.app.lint;

import dev.cruddur.admin.domain.SortKeyTime;

/**
 * The lint classes of a stored sort key, the categories the linter counts (and the window charts).
 * Finer detail, such as which writer produced an odd form, is in {@link SortKeyTime.Form}.
 */
public enum SortKeyClass {
    /** {@code 2026-11-25T08:15:00.000000+00:00}: nothing to do. */
    CANONICAL("canonical"),
    /** No offset ({@code 2023-04-15T13:15:19.922515}, Postgres {@code timestamp}): read as UTC. */
    NAIVE("naive"),
    /** UTC written with {@code Z}: sorts after every {@code +00:00} value of the same second. */
    Z_FORM("Z form"),
    /**
     * Any other offset or layout: {@code -04:00} from a server outside UTC, psql's {@code +00},
     * Python's {@code str()} with a space, an HTTP date.
     */
    OTHER_OFFSET("other offset"),
    /** {@code +00:00} with other than six fraction digits ({@code .922}, none, or nine). */
    OTHER_PRECISION("other precision"),
    /** No instant can be read from it: cannot be ordered or migrated, needs a person. */
    NOT_A_TIMESTAMP("not a timestamp");

    private final String label;

    SortKeyClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SortKeyClass of(String sortKey) {
        return of(SortKeyTime.parse(sortKey));
    }

    public static SortKeyClass of(SortKeyTime time) {
        return switch (time.form()) {
            case CANONICAL -> CANONICAL;
            case NAIVE -> NAIVE;
            case UTC_Z -> Z_FORM;
            // the only thing wrong with a "T...+00:00" value that is not canonical is its fraction
            case OFFSET -> time.raw().contains("T") && time.raw().endsWith("+00:00") && time.fractionDigits() != 6
                    ? OTHER_PRECISION : OTHER_OFFSET;
            case POSTGRES_TZ, HTTP_DATE -> OTHER_OFFSET;
            case UNREADABLE -> NOT_A_TIMESTAMP;
        };
    }
}
