package dev.cruddur.admin.app.time;

import dev.cruddur.admin.time.ParsedTime;
import dev.cruddur.admin.time.TimeFormats;
import dev.cruddur.admin.users.CruddurUsers;
import dev.cruddur.admin.users.DatabaseTime;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Ask the database": what Cruddur's Postgres itself says about a value, beside what the Time pane
 * computes, each disagreement marked. The questions: {@code SHOW timezone}, the value as a
 * {@code ::timestamp}, and as a {@code ::timestamptz} under the session's TimeZone and under each
 * zone picked.
 */
public final class DatabaseAnswers {
    private DatabaseAnswers() {}

    /** One question: the database's answer (or its refusal text), the pane's, and whether they agree. */
    public record Row(String question, String database, String computed, boolean agrees) {
        public String mark() {
            return agrees ? "agrees" : "DIFFERS";
        }
    }

    /** The server's session TimeZone and the rows; {@code sessionNote} says why the session's zone may not be the server's. */
    public record Answers(String sessionTimeZone, String sessionNote, List<Row> rows) {
        public long disagreements() {
            return rows.stream().filter(r -> !r.agrees()).count();
        }
    }

    public static Answers ask(CruddurUsers postgres, ParsedTime value, List<ZoneId> zones) {
        DatabaseTime db = postgres.time();
        String session = db.timeZone();
        List<Row> rows = new ArrayList<>();
        rows.add(row(db.asTimestamp(value.input().strip()), TimeFormats.postgresReadsLiteral(value, false, ZoneId.of("UTC"))));
        Optional<ZoneId> sessionZone = zone(session);
        rows.add(row(db.asTimestamptz(value.input().strip(), Optional.empty()),
                sessionZone.map(z -> TimeFormats.postgresReadsLiteral(value, true, z)).orElse(Optional.empty()), sessionZone.isPresent()));
        Set<ZoneId> asked = new LinkedHashSet<>(zones);
        for (ZoneId z : asked) {
            String setting = z.getId();
            rows.add(row(db.asTimestamptz(value.input().strip(), Optional.of(setting)), TimeFormats.postgresReadsLiteral(value, true, z)));
        }
        return new Answers(session, "the zone this JDBC session sent; Cruddur's psycopg gets the server's own", rows);
    }

    private static Row row(DatabaseTime.Answer answer, Optional<String> computed) {
        return row(answer, computed, true);
    }

    private static Row row(DatabaseTime.Answer answer, Optional<String> computed, boolean comparable) {
        String mine = computed.orElse("refused");
        boolean agrees = !comparable || answer.value().map(v -> v.equals(mine)).orElse(computed.isEmpty());
        return new Row(answer.question(), answer.shown(), comparable ? mine : "(zone unknown to Java)", agrees);
    }

    private static Optional<ZoneId> zone(String name) {
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
