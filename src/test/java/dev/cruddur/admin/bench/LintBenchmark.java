package dev.cruddur.admin.bench;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.lint.LintReport;
import dev.cruddur.admin.app.lint.MigrationOutcome;
import dev.cruddur.admin.app.lint.MigrationPlan;
import dev.cruddur.admin.app.lint.SortKeyAudit;
import dev.cruddur.admin.app.lint.WorkProgress;
import dev.cruddur.admin.domain.SortKeyTime;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.testsupport.DynaliteServer;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Lint of 100,000 items (seconds) and migration of 10,000 items (items per second), on sort keys in
 * mixed forms. Starts dynalite unless {@code --endpoint URL} names another endpoint (the embedded
 * engine, DynamoDB Local).
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.cruddur.admin.bench.LintBenchmark \
 *     [-Dexec.args="--endpoint http://127.0.0.1:8000 --lint-items 100000 --migrate-items 10000"]</pre>
 */
public final class LintBenchmark {
    private static final int MESSAGES_PER_CONVERSATION = 98; // + 2 group rows = 100 items
    private static final String[] FORMS = {"naive", "z", "offset", "millis", "postgres", "canonical"};

    public static void main(String[] args) throws Exception {
        String endpoint = null;
        int lintItems = 100_000;
        int migrateItems = 10_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--endpoint" -> endpoint = args[i + 1];
                case "--lint-items" -> lintItems = Integer.parseInt(args[i + 1]);
                case "--migrate-items" -> migrateItems = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (endpoint != null) {
            run(endpoint, URI.create(endpoint), lintItems, migrateItems);
        } else {
            try (DynaliteServer dynalite = DynaliteServer.start()) {
                run("dynalite 4.0.0", dynalite.endpoint(), lintItems, migrateItems);
            }
        }
        System.exit(0);
    }

    static void run(String name, URI endpoint, int lintItems, int migrateItems) {
        System.out.println("== " + name + " at " + endpoint + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        try (DirectMessages dm = fresh(endpoint, "lint-bench")) {
            long loadStart = System.nanoTime();
            load(dm, lintItems / 100, true);
            System.out.printf("loaded %,d items in %.1f s%n", lintItems, seconds(loadStart));
            SortKeyAudit audit = new SortKeyAudit(dm.connection(), Clock.systemUTC());
            long coldStart = System.nanoTime();
            audit.lint(WorkProgress.NONE, () -> false); // the first run also warms the JIT and the endpoint's caches
            System.out.printf("first lint of %,d items: %.2f s%n", lintItems, seconds(coldStart));
            System.gc();
            long before = usedHeap();
            long start = System.nanoTime();
            LintReport report = audit.lint(WorkProgress.NONE, () -> false);
            double s = seconds(start);
            System.out.printf("lint of %,d items: %.2f s (%,.0f items/s), %,d findings, %,d order disagreements, heap +%,d MB%n",
                    report.items(), s, report.items() / s, report.findings().size(), report.orderDisagreements().size(),
                    (usedHeap() - before) >> 20);
            System.out.println("  counts: " + report.counts());
            dm.schema().drop("lint-bench");
        }
        try (DirectMessages dm = fresh(endpoint, "migrate-bench")) {
            load(dm, migrateItems / 100, false);
            SortKeyAudit audit = new SortKeyAudit(dm.connection(), Clock.systemUTC());
            long planStart = System.nanoTime();
            MigrationPlan plan = audit.plan(WorkProgress.NONE, () -> false);
            double planSeconds = seconds(planStart);
            for (int parallelism : new int[] {1}) {
                // one step at a time on a copy of the table, for comparison with the default
                try (DirectMessages serial = fresh(endpoint, "migrate-bench-serial")) {
                    load(serial, migrateItems / 100, false);
                    long t = System.nanoTime();
                    var m = (MigrationOutcome.Migrated) new SortKeyAudit(serial.connection(), Clock.systemUTC(), parallelism)
                            .migrate("migrate-bench-serial", WorkProgress.NONE, () -> false);
                    double st = seconds(t);
                    System.out.printf("migration of %,d items, %d step at a time: %.2f s, %,.0f items/s%n", m.moved(), parallelism,
                            st, m.moved() / st);
                    serial.schema().drop("migrate-bench-serial");
                }
            }
            long[] movingFrom = {0};
            long start = System.nanoTime();
            MigrationOutcome outcome = audit.migrate("migrate-bench", (phase, done, total) -> {
                if (phase == WorkProgress.Phase.MOVING && movingFrom[0] == 0) movingFrom[0] = System.nanoTime();
            }, () -> false);
            double total = seconds(start);
            double moving = seconds(movingFrom[0]);
            MigrationOutcome.Migrated migrated = (MigrationOutcome.Migrated) outcome;
            System.out.printf("dry run of %,d items: %.2f s, %,d changes in %,d steps%n", plan.changes().size(), planSeconds,
                    plan.changes().size(), plan.steps().size());
            System.out.printf("migration of %,d items (%s, " + SortKeyAudit.DEFAULT_PARALLELISM + " steps at a time): %.2f s in all, %,.0f items/s; moves alone %,.0f items/s%n",
                    migrated.moved(), migrated.writeMode(), total, migrated.moved() / total, migrated.moved() / moving);
            long check = System.nanoTime();
            MigrationOutcome again = audit.migrate("migrate-bench", WorkProgress.NONE, () -> false);
            System.out.printf("second run: %s in %.2f s%n", again.getClass().getSimpleName(), seconds(check));
            dm.schema().drop("migrate-bench");
        }
    }

    private static DirectMessages fresh(URI endpoint, String table) {
        DirectMessages dm = new DirectMessages(DynamoConnection.open(DynamoTarget.endpoint(endpoint, table)), Clock.systemUTC());
        if (dm.schema().describe().exists()) dm.schema().drop(table);
        dm.schema().create();
        return dm;
    }

    /** {@code conversations} conversations of 98 messages and 2 group rows; forms rotate, or all naive. */
    private static void load(DirectMessages dm, int conversations, boolean mixed) {
        DynamoDbClient client = dm.connection().client();
        String table = dm.connection().table();
        List<WriteRequest> batch = new ArrayList<>(25);
        Instant base = Instant.parse("2025-06-01T00:00:00.123456Z");
        String a = new UUID(1, 1).toString();
        String b = new UUID(1, 2).toString();
        int n = 0;
        for (int c = 0; c < conversations; c++) {
            String group = new UUID(2, c).toString();
            String last = null;
            for (int m = 0; m < MESSAGES_PER_CONVERSATION; m++) {
                Instant at = base.plusSeconds(c * 10_000L + m * 60L);
                last = form(at, mixed ? FORMS[n++ % FORMS.length] : "naive");
                Map<String, AttributeValue> item = new HashMap<>();
                item.put(TableKeys.PK, AttributeValue.fromS(TableKeys.messagePk(group)));
                item.put(TableKeys.SK, AttributeValue.fromS(last));
                item.put(TableKeys.MESSAGE_UUID, AttributeValue.fromS(new UUID(3, (long) c * 1000 + m).toString()));
                item.put(TableKeys.MESSAGE, AttributeValue.fromS("Benchmark message " + m + " of conversation " + c));
                item.put(TableKeys.USER_UUID, AttributeValue.fromS(m % 2 == 0 ? a : b));
                item.put(TableKeys.USER_HANDLE, AttributeValue.fromS(m % 2 == 0 ? "a" : "b"));
                item.put(TableKeys.USER_DISPLAY_NAME, AttributeValue.fromS(m % 2 == 0 ? "User A" : "User B"));
                add(client, table, batch, item);
            }
            for (String[] pair : new String[][] {{a, b}, {b, a}}) {
                Map<String, AttributeValue> row = new HashMap<>();
                row.put(TableKeys.PK, AttributeValue.fromS(TableKeys.groupPk(pair[0])));
                row.put(TableKeys.SK, AttributeValue.fromS(last));
                row.put(TableKeys.GROUP_UUID, AttributeValue.fromS(group));
                row.put(TableKeys.MESSAGE, AttributeValue.fromS("Benchmark message 97 of conversation " + c));
                row.put(TableKeys.USER_UUID, AttributeValue.fromS(pair[1]));
                row.put(TableKeys.USER_HANDLE, AttributeValue.fromS(pair[1].equals(a) ? "a" : "b"));
                row.put(TableKeys.USER_DISPLAY_NAME, AttributeValue.fromS(pair[1].equals(a) ? "User A" : "User B"));
                add(client, table, batch, row);
            }
        }
        flush(client, table, batch);
    }

    private static String form(Instant at, String form) {
        String canonical = SortKeyTime.canonical(at);
        return switch (form) {
            case "naive" -> canonical.substring(0, 26);
            case "z" -> canonical.substring(0, 26) + "Z";
            case "offset" -> SortKeyTime.canonical(at.minusSeconds(4 * 3600)).substring(0, 26) + "-04:00";
            case "millis" -> canonical.substring(0, 23) + "+00:00";
            case "postgres" -> canonical.substring(0, 10) + " " + canonical.substring(11, 26) + "+00";
            default -> canonical;
        };
    }

    private static void add(DynamoDbClient client, String table, List<WriteRequest> batch, Map<String, AttributeValue> item) {
        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        if (batch.size() == 25) flush(client, table, batch);
    }

    private static void flush(DynamoDbClient client, String table, List<WriteRequest> batch) {
        if (batch.isEmpty()) return;
        Map<String, List<WriteRequest>> pending = Map.of(table, new ArrayList<>(batch));
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            var response = client.batchWriteItem(r -> r.requestItems(request));
            Map<String, List<WriteRequest>> left = new HashMap<>(response.unprocessedItems());
            left.values().removeIf(List::isEmpty);
            pending = left;
        }
        batch.clear();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
