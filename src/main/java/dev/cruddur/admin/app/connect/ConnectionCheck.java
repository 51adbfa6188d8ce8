package dev.cruddur.admin.app.connect;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.users.CruddurUsers;
import dev.cruddur.admin.users.UsersException;
import dev.cruddur.admin.store.Capabilities;
import dev.cruddur.admin.store.StoreException;
import dev.cruddur.admin.store.TableSchema;
import java.util.ArrayList;
import java.util.List;

/** "Test connection": reachability, the table and its index, and what the endpoint can do. */
public final class ConnectionCheck {
    public record Report(boolean reachable, boolean tableFound, boolean indexFound, Capabilities capabilities,
                         List<String> tables, String summary) {}

    private ConnectionCheck() {}

    /** One sentence on Cruddur's Postgres: its version, TimeZone and users, or what is wrong (the table's check stands apart). */
    static String postgres(CruddurUsers users) {
        try {
            CruddurUsers.Check c = users.check();
            return "Postgres " + users.target().describe() + ": " + c.serverVersion() + ", " + c.users() + " users in public.users.";
        } catch (UsersException e) {
            return "✗ Postgres: " + e.getMessage();
        }
    }

    /** Runs the check on an open connection; never throws for an unreachable endpoint. */
    public static Report run(DirectMessages messages) {
        String table = messages.connection().table();
        try {
            TableSchema.TableState state = messages.schema().describe();
            List<String> tables = new ArrayList<>();
            try {
                tables.addAll(messages.schema().listTables());
            } catch (StoreException e) {
                // listing may be denied on AWS while describing is allowed
            }
            Capabilities caps = messages.capabilities();
            StringBuilder s = new StringBuilder("Reachable. ");
            if (!state.exists()) s.append("Table '").append(table).append("' not found");
            else s.append("Table '").append(table).append("' found (").append(state.status()).append(", ")
                    .append(state.itemCount()).append(" items); index ").append(state.groupIndex() ? "found" : "MISSING");
            s.append(". ").append(caps.summary()).append('.');
            messages.cruddurUsers().ifPresent(pg -> s.append(' ').append(postgres(pg)));
            return new Report(true, state.exists(), state.groupIndex(), caps, tables, s.toString());
        } catch (StoreException e) {
            return new Report(false, false, false, null, List.of(), e.getMessage());
        }
    }
}
