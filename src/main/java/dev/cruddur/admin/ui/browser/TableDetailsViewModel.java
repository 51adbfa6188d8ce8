package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.TableDetails;
import dev.cruddur.admin.store.TableShape;
import dev.cruddur.admin.ui.common.BackgroundTasks;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Browser's table details, read-only: what {@link TableDetails} read for the chosen table, as
 * the lines the view shows (a fact's name and its value); tags and TTL an endpoint does not answer
 * are a sentence, not an error.
 */
public final class TableDetailsViewModel {
    /** One line of the details: what it is, and its value (a part not answered is {@code unanswered}). */
    public record Fact(String name, String value, boolean unanswered) {}

    // Properties
    private final ReadOnlyObjectWrapper<List<Fact>> facts = new ReadOnlyObjectWrapper<>(this, "facts", List.of());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    private final BackgroundTasks tasks;
    private final Supplier<DynamoConnection> connection;
    private final Supplier<String> table;
    private final Supplier<ZoneId> zone;
    private int generation;

    TableDetailsViewModel(BackgroundTasks tasks, Supplier<DynamoConnection> connection, Supplier<String> table, Supplier<ZoneId> zone) {
        this.tasks = tasks;
        this.connection = connection;
        this.table = table;
        this.zone = zone;
    }

    public ReadOnlyObjectProperty<List<Fact>> factsProperty() { return facts.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    // Commands

    /** Reads the chosen table's details again (DescribeTable, DescribeTimeToLive, ListTagsOfResource). */
    public void load() {
        DynamoConnection c = connection.get();
        String t = table.get();
        int gen = ++generation;
        if (c == null || t == null) {
            facts.set(List.of());
            error.set(c == null ? "Not connected." : "Choose a table.");
            return;
        }
        loading.set(true);
        error.set(null);
        tasks.run(p -> TableDetails.read(c, t), (TableDetails d) -> {
            if (gen != generation) return;
            loading.set(false);
            facts.set(facts(d, zone.get()));
        }, failure -> {
            if (gen != generation) return;
            loading.set(false);
            facts.set(List.of());
            error.set("Could not read the table's details: " + PlainErrors.describe(failure));
        });
    }

    /** Forgets what was read (another connection, or none). */
    public void clear() {
        generation++;
        loading.set(false);
        error.set(null);
        facts.set(List.of());
    }

    /** The details as the lines the view shows, in this order. */
    static List<Fact> facts(TableDetails d, ZoneId zone) {
        List<Fact> out = new ArrayList<>();
        TableShape s = d.shape();
        out.add(new Fact("Table", s.table() + "  ·  " + d.status() + "  ·  " + billing(d.billing()), false));
        out.add(new Fact("Keys", key("partition", s.partitionKey()) + s.sortKey().map(k -> ",  " + key("sort", k)).orElse(""), false));
        if (s.indexes().isEmpty()) out.add(new Fact("Indexes", "none", false));
        for (TableShape.Index i : s.indexes()) {
            out.add(new Fact(i.global() ? "Global index" : "Local index", i.name() + ":  " + key("partition", i.partitionKey())
                    + i.sortKey().map(k -> ",  " + key("sort", k)).orElse("") + ";  projects " + i.projection().toLowerCase(Locale.ROOT), false));
        }
        // DynamoDB recounts about every six hours: say so, or the figure looks wrong after a write
        out.add(new Fact("Items", String.format(Locale.ROOT, "%,d  ·  %s  (as the endpoint last counted them)", d.itemCount(), size(d.sizeBytes())), false));
        d.created().ifPresent(c -> out.add(new Fact("Created", DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm z", Locale.ENGLISH).format(c.atZone(zone)), false)));
        // the stream's ARN is long and says little more than the table's: the view type is what matters here
        out.add(new Fact("Stream", d.stream().enabled() ? "on, " + d.stream().viewType() : "off", false));
        if (d.ttl() instanceof TableDetails.Part.Answered<TableDetails.Ttl> a) out.add(new Fact("TTL", ttl(a.value()), false));
        else if (d.ttl() instanceof TableDetails.Part.Unanswered<TableDetails.Ttl> u) out.add(new Fact("TTL", "Not available here: " + lower(u.why()), true));
        if (d.tags() instanceof TableDetails.Part.Answered<Map<String, String>> a) out.add(new Fact("Tags", tags(a.value()), false));
        else if (d.tags() instanceof TableDetails.Part.Unanswered<Map<String, String>> u) out.add(new Fact("Tags", "Not available here: " + lower(u.why()), true));
        d.arn().ifPresent(a -> out.add(new Fact("ARN", a, false)));
        return out;
    }

    private static String key(String role, TableShape.Key k) {
        return k.name() + " (" + role + ", " + k.type() + ")";
    }

    private static String billing(String mode) {
        return "PAY_PER_REQUEST".equals(mode) ? "on demand" : mode.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String ttl(TableDetails.Ttl ttl) {
        String status = ttl.status().toLowerCase(Locale.ROOT);
        return ttl.attribute().map(a -> status + ", on the attribute " + a).orElse(status);
    }

    private static String tags(Map<String, String> tags) {
        if (tags.isEmpty()) return "none";
        List<String> pairs = new ArrayList<>();
        tags.forEach((k, v) -> pairs.add(k + " = " + v));
        return String.join(",  ", pairs);
    }

    private static String size(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static String lower(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
