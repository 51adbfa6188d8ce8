package dev.cruddur.admin.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;

/**
 * The database's own answers about a timestamp: its {@code TimeZone}, and how it reads a text
 * literal as {@code timestamp} and {@code timestamptz} (under its TimeZone or a zone given for one
 * transaction), or the text with which it refuses it.
 */
public final class DatabaseTime {
    private final PostgresSession session;

    DatabaseTime(PostgresSession session) {
        this.session = session;
    }

    /** What the server printed for one question, or the text with which it refused it. */
    public record Answer(String question, Optional<String> value, Optional<String> refusal) {
        static Answer of(String question, String value) {
            return new Answer(question, Optional.of(value), Optional.empty());
        }

        static Answer refused(String question, String refusal) {
            return new Answer(question, Optional.empty(), Optional.of(refusal));
        }

        public String shown() {
            return value.orElseGet(() -> "refused: " + refusal.orElse(""));
        }
    }

    /** {@code SHOW timezone}. */
    public String timeZone() {
        return session.call(c -> {
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW timezone")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    /** {@code 'literal'::timestamp}, as the server prints it. */
    public Answer asTimestamp(String literal) {
        return ask("'" + literal + "'::timestamp", literal, "timestamp", Optional.empty());
    }

    /** {@code 'literal'::timestamptz} under the server's TimeZone (empty zone) or under {@code zone} for one transaction. */
    public Answer asTimestamptz(String literal, Optional<String> zone) {
        String question = "'" + literal + "'::timestamptz" + zone.map(z -> " (TimeZone " + z + ")").orElse("");
        return ask(question, literal, "timestamptz", zone);
    }

    /** {@code 'literal'::timestamptz} read under {@code readZone}, printed under {@code printZone} (e.g. stored under UTC, seen from another session). */
    public Answer asTimestamptzPrinted(String literal, String readZone, String printZone) {
        String question = "'" + literal + "'::timestamptz (read under " + readZone + ", printed under " + printZone + ")";
        return session.call(c -> inTransaction(c, () -> {
            String instant;
            try {
                setZone(c, readZone);
                instant = select(c, "SELECT (CAST(? AS timestamptz) AT TIME ZONE 'UTC')::text", literal);
                setZone(c, printZone);
                return Answer.of(question, select(c, "SELECT (CAST(? AS timestamp) AT TIME ZONE 'UTC')::text", instant));
            } catch (PSQLException refused) {
                return Answer.refused(question, serverText(refused));
            }
        }));
    }

    private Answer ask(String question, String literal, String type, Optional<String> zone) {
        return session.call(c -> inTransaction(c, () -> {
            try {
                if (zone.isPresent()) setZone(c, zone.get());
                return Answer.of(question, select(c, "SELECT CAST(? AS " + type + ")::text", literal));
            } catch (PSQLException refused) {
                if (refused.getSQLState() != null && refused.getSQLState().startsWith("08")) throw refused;
                return Answer.refused(question, serverText(refused));
            }
        }));
    }

    private interface InTransaction<T> {
        T run() throws SQLException;
    }

    /** One transaction, always rolled back: a {@code SET LOCAL} never outlives the question. */
    private static <T> T inTransaction(Connection c, InTransaction<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            return work.run();
        } finally {
            try {
                c.rollback();
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void setZone(Connection c, String zone) throws SQLException {
        select(c, "SELECT set_config('TimeZone', ?, true)", zone);
    }

    private static String select(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String serverText(PSQLException e) {
        return e.getServerErrorMessage() != null && e.getServerErrorMessage().getMessage() != null
                ? e.getServerErrorMessage().getMessage() : String.valueOf(e.getMessage());
    }
}
