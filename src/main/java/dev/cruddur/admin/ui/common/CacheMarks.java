package dev.cruddur.admin.ui.common;

import dev.cruddur.admin.app.cache.PageReads.CacheView;
import dev.cruddur.admin.app.cache.StaleCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The words a conversation pane shows beside a page read through the cache. */
public final class CacheMarks {
    private static final int LINES_SHOWN = 4;

    private CacheMarks() {}

    /** One line: where the page came from, its age and its time left. */
    public static String mark(CacheView view, Instant now) {
        String ttl = view.remainingTtl().map(d -> " · expires in " + span(d)).orElse("");
        if (view.fromCache()) {
            return "Cached page · read from the table " + view.age(now).map(d -> span(d) + " ago").orElse("at an unknown time") + ttl;
        }
        String why = view.reason().map(r -> switch (r) {
            case MISS -> "Not in the cache";
            case OUTDATED -> "The cached page was older than the last write";
            case UNREADABLE -> "The cached value was unreadable";
            case NOT_CACHED -> "Not a cached page";
        }).orElse("The cache failed");
        return why + ": read from the table" + (view.reason().isPresent() ? " and cached now" : "") + ttl;
    }

    /** When the served page and the table disagree: a sentence and the first differences. */
    public static Optional<String> disagreement(CacheView view) {
        if (!view.disagrees()) return Optional.empty();
        StaleCheck.Report report = view.comparison().orElseThrow();
        List<String> lines = report.differences().stream().limit(LINES_SHOWN).map(CacheMarks::line).toList();
        String more = report.differences().size() > LINES_SHOWN ? "\n… and " + (report.differences().size() - LINES_SHOWN) + " more" : "";
        return Optional.of("The cached page differs from the table: " + report.explanation()
                + (lines.isEmpty() ? "" : "\n" + String.join("\n", lines)) + more);
    }

    static String line(StaleCheck.ItemDifference d) {
        return switch (d.change()) {
            case ADDED -> "+ in the table, not cached: " + d.summary();
            case REMOVED -> "− cached, gone from the table: " + d.summary();
            case CHANGED -> "~ changed (" + String.join(", ", d.fields()) + "): " + d.summary();
        };
    }

    /** 42 s, 3 min, 1 h 5 min. */
    public static String span(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) return s + " s";
        long m = s / 60;
        if (m < 60) return m + " min";
        return m / 60 + " h" + (m % 60 == 0 ? "" : " " + m % 60 + " min");
    }
}
