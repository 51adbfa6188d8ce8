package dev.cruddur.admin.cli;

import dev.cruddur.admin.app.cache.WriteInvalidation;
import dev.cruddur.admin.app.connect.PostgresSpec;
import dev.cruddur.admin.app.time.DatabaseAnswers;
import dev.cruddur.admin.users.CruddurUsers;
import dev.cruddur.admin.users.PostgresTarget;
import java.util.Optional;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.lint.LintFinding;
import dev.cruddur.admin.app.lint.LintReport;
import dev.cruddur.admin.app.lint.MigrationOutcome;
import dev.cruddur.admin.app.lint.MigrationPlan;
import dev.cruddur.admin.app.lint.OrderDisagreement;
import dev.cruddur.admin.app.lint.RowKind;
import dev.cruddur.admin.app.lint.SortKeyAudit;
import dev.cruddur.admin.app.lint.SortKeyClass;
import dev.cruddur.admin.app.lint.WorkProgress;
import dev.cruddur.admin.store.SortKeyMigrator;
import dev.cruddur.admin.time.ParseOutcome;
import dev.cruddur.admin.time.ParsedTime;
import dev.cruddur.admin.time.RenderSettings;
import dev.cruddur.admin.time.RenderedForm;
import dev.cruddur.admin.time.SeedAnswer;
import dev.cruddur.admin.time.SeedAnswers;
import dev.cruddur.admin.time.TimeFormats;
import dev.cruddur.admin.time.TimeParser;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code time convert | lint | migrate}: one timestamp in every form, and the table's sort keys. */
final class TimeCommands {
    private TimeCommands() {}

    @Command(name = "time", description = "Timestamps: convert one value; lint and migrate the table's sort keys.",
            subcommands = {Convert.class, Lint.class, Migrate.class})
    static final class Time implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.ParentCommand
        CruddurCommand root;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Name a time command: convert, lint or migrate.");
        }
    }

    // --- convert -------------------------------------------------------------------------------------

    @Command(name = "convert", description = "Read a timestamp in any form Cruddur's stack writes and print it in every other.")
    static final class Convert implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "VALUE", description = "ISO 8601, Postgres, HTTP date, or epoch seconds/ms/µs.")
        String value;

        @Option(names = "--assume-zone", paramLabel = "ZONE", description = "Zone a value without offset is read in (default UTC).")
        String assumeZone;

        @Option(names = "--zone", paramLabel = "ZONE", description = "Zone to show it in; repeatable (default America/New_York, Europe/London).")
        List<String> zones;

        @Option(names = "--postgres-timezone", paramLabel = "ZONE", description = "Postgres's TimeZone setting (default UTC).")
        String postgresZone;

        @Option(names = "--browser-zone", paramLabel = "ZONE", description = "Zone of the browser running the frontend (default UTC).")
        String browserZone;

        @Option(names = "--machine-zone", paramLabel = "ZONE", description = "Zone of the machine running Cruddur's backend (default UTC).")
        String machineZone;

        @Option(names = "--now", paramLabel = "INSTANT", description = "The 'now' relative times count from (default: the clock).")
        String now;

        @Option(names = "--postgres", paramLabel = "URL",
                description = "Ask this Postgres too (a postgresql:// URL, CONNECTION_URL or PROD_CONNECTION_URL): SHOW timezone, "
                        + "the value as ::timestamp and ::timestamptz under its TimeZone and each --zone, beside the computed forms.")
        String postgres;

        @Option(names = "--json")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Map<String, String> env = System.getenv();

        @Override
        public Integer call() throws Exception {
            ZoneId assumed = assumeZone == null ? RenderSettings.UTC : zone(assumeZone, "--assume-zone");
            ParseOutcome outcome = TimeParser.parse(value, assumed);
            if (outcome instanceof ParseOutcome.Invalid invalid) throw new BadInput(invalid.message());
            ParsedTime time = ((ParseOutcome.Parsed) outcome).time();
            RenderSettings settings = settings();
            List<RenderedForm> forms = TimeFormats.render(time.instant(), settings);
            List<SeedAnswer> answers = SeedAnswers.answer(time, settings);
            Optional<DatabaseAnswers.Answers> database = askDatabase(time, settings);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("input", time.input());
                m.put("form", time.form().name());
                m.put("form_label", time.form().label());
                m.put("naive", time.naive());
                m.put("zone", time.zone().getId());
                m.put("fraction_digits", time.fractionDigits());
                m.put("instant", time.instant().toString());
                m.put("guess", time.guess().orElse(null));
                m.put("dst", time.dst().map(d -> d.describe()).orElse(null));
                m.put("forms", forms.stream().map(f -> Map.of("label", f.label(), "value", f.value())).toList());
                m.put("seed_answers", answers.stream().map(a -> Map.of("question", a.question(), "answer", a.answer())).toList());
                database.ifPresent(d -> {
                    Map<String, Object> db = new LinkedHashMap<>();
                    db.put("timezone", d.sessionTimeZone());
                    db.put("note", d.sessionNote());
                    db.put("answers", d.rows().stream().map(r -> Map.of("question", r.question(), "database", r.database(),
                            "computed", r.computed(), "agrees", r.agrees())).toList());
                    m.put("database", db);
                });
                out.println(ConnectedCommand.JSON.writeValueAsString(m));
                return CruddurCommand.OK;
            }
            out.println("input:      " + time.input());
            out.println("recognised: " + time.form().label());
            if (time.naive()) out.println("no offset:  read in " + time.zone().getId());
            time.guess().ifPresent(g -> out.println("note:       " + g));
            time.dst().ifPresent(d -> out.println("DST:        " + d.describe()));
            out.println("instant:    " + time.instant());
            out.println();
            int width = forms.stream().mapToInt(f -> f.label().length()).max().orElse(0);
            for (RenderedForm f : forms) out.printf("  %-" + width + "s  %s%n", f.label(), f.value());
            out.println();
            for (SeedAnswer a : answers) {
                out.println("Q: " + a.question());
                out.println("A: " + a.answer());
            }
            database.ifPresent(d -> {
                out.println();
                out.println("The database: SHOW timezone = " + d.sessionTimeZone() + " (" + d.sessionNote() + ")");
                for (DatabaseAnswers.Row r : d.rows()) {
                    out.println("  " + r.question());
                    out.println("    database: " + r.database());
                    out.println("    computed: " + r.computed() + (r.agrees() ? "" : "   <- DIFFERS"));
                }
            });
            return CruddurCommand.OK;
        }

        /** The database's own answers when --postgres names one; the zones asked are the Postgres TimeZone and each display zone. */
        private Optional<DatabaseAnswers.Answers> askDatabase(ParsedTime time, RenderSettings settings) {
            if (postgres == null) return Optional.empty();
            PostgresTarget target;
            try {
                target = PostgresSpec.resolve(postgres, env);
            } catch (IllegalArgumentException e) {
                throw new BadInput("--postgres: " + e.getMessage());
            }
            List<ZoneId> zones = new ArrayList<>();
            zones.add(settings.postgresTimeZone());
            zones.addAll(settings.displayZones());
            try (CruddurUsers db = new CruddurUsers(target)) {
                return Optional.of(DatabaseAnswers.ask(db, time, zones));
            }
        }

        private RenderSettings settings() {
            Instant at;
            try {
                at = now == null ? Instant.now() : Instant.parse(now);
            } catch (DateTimeException e) {
                throw new BadInput("--now takes an ISO instant such as 2026-11-25T08:15:00Z, not '" + now + "'.");
            }
            RenderSettings s = RenderSettings.defaults(at);
            if (zones != null && !zones.isEmpty()) {
                List<ZoneId> display = new ArrayList<>();
                for (String z : zones) display.add(zone(z, "--zone"));
                s = s.withDisplayZones(display);
            }
            if (postgresZone != null) s = s.withPostgresTimeZone(zone(postgresZone, "--postgres-timezone"));
            if (browserZone != null) s = s.withBrowserZone(zone(browserZone, "--browser-zone"));
            if (machineZone != null) s = s.withMachineZone(zone(machineZone, "--machine-zone"));
            return s;
        }
    }

    static ZoneId zone(String text, String option) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new BadInput(option + ": unknown time zone '" + text + "' (give an IANA name such as America/New_York, or an offset such as +05:30).");
        }
    }

    // --- lint and migrate ------------------------------------------------------------------------

    /**
     * A {@code time} subcommand on the table. It cannot extend {@link ConnectedCommand}, whose
     * parent must be the root command; it does the same, and takes connection options given
     * after it, after {@code time}, or before it at the root.
     */
    abstract static class TableCommand implements Callable<Integer> {
        @CommandLine.Mixin
        ConnectionOptions connection = new ConnectionOptions();

        @CommandLine.ParentCommand
        Time time;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Map<String, String> env = System.getenv();

        @Override
        public final Integer call() throws Exception {
            ConnectionOptions options = time == null || time.root == null ? connection : connection.orElse(time.root.connection);
            // connected as every other command: the embedded data by default, and the owner's cache kept honest
            return ConnectedCommand.runConnected(options, env, this::err, true, this::run);
        }

        abstract int run(DirectMessages messages) throws Exception;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        void printJson(Object value) throws Exception {
            out().println(ConnectedCommand.JSON.writeValueAsString(value));
        }

        SortKeyAudit audit(DirectMessages messages) {
            return new SortKeyAudit(messages.connection(), messages.clock());
        }

        /** Progress on stderr, a line per tenth, so stdout stays the result. */
        WorkProgress progress() {
            int[] last = {-1, -1};
            return (phase, done, total) -> {
                int tenth = (int) (10 * done / Math.max(1, total));
                if (phase.ordinal() != last[0] || tenth != last[1]) {
                    last[0] = phase.ordinal();
                    last[1] = tenth;
                    err().printf("  %s %,d of %s%,d%n", phase == WorkProgress.Phase.SCANNING ? "scanned" : "moved", done,
                            phase == WorkProgress.Phase.SCANNING ? "about " : "", total);
                    err().flush();
                }
            };
        }
    }

    @Command(name = "lint", description = "Classify every sort key, find order disagreements and what Cruddur's year filter hides.")
    static final class Lint extends TableCommand {
        static final int FINDINGS_SHOWN = 100;

        @Option(names = "--json", description = "The whole report as JSON, every finding included.")
        boolean json;

        @Option(names = "--all-findings", description = "List every finding (else the first " + FINDINGS_SHOWN + ").")
        boolean allFindings;

        @Override
        int run(DirectMessages messages) throws Exception {
            LintReport report = audit(messages).lint(progress(), () -> false);
            if (json) {
                printJson(LintJson.of(messages.connection().table(), report));
                return CruddurCommand.OK;
            }
            PrintWriter out = out();
            out.printf("Scanned %,d items of '%s'.%n%n", report.items(), messages.connection().table());
            out.printf("  %-18s %9s %11s %9s%n", "sort key class", "all", "group rows", "messages");
            for (SortKeyClass c : SortKeyClass.values()) {
                out.printf("  %-18s %,9d %,11d %,9d%n", c.label(), report.count(c), report.count(RowKind.GROUP_ROW, c),
                        report.count(RowKind.MESSAGE, c));
            }
            out.println();
            out.printf("Order disagreements (string order against time): %d%n", report.orderDisagreements().size());
            for (OrderDisagreement d : report.orderDisagreements()) {
                out.printf("  %s  %s  sorts before  %s  but is later%n", d.pk(), d.firstSk(), d.secondSk());
            }
            var year = report.yearPrefix();
            out.printf("Cruddur's begins_with(sk, '%d'): hides %d group rows (%d conversations) from pattern B, "
                    + "%d messages (%d conversations) from pattern A.%n", year.year(), year.groupRowsHidden(),
                    year.conversationsHidden(), year.messagesHidden(), year.conversationsMissingMessages());
            out.println();
            out.printf("Findings: %d%n", report.findings().size());
            List<LintFinding> shown = allFindings ? report.findings()
                    : report.findings().subList(0, Math.min(FINDINGS_SHOWN, report.findings().size()));
            for (LintFinding f : shown) {
                out.printf("  %-32s %s  %s  %s%n", f.kind().label(), f.pk(), f.sk(), f.detail());
            }
            if (shown.size() < report.findings().size()) {
                out.printf("  … and %,d more (--all-findings or --json lists them all)%n", report.findings().size() - shown.size());
            }
            if (report.keysClean()) out.println("Every sort key is canonical; nothing to migrate.");
            return CruddurCommand.OK;
        }
    }

    @Command(name = "migrate", description = "Move every sort key to the canonical form: --dry-run lists the changes, --confirm TABLE makes them.")
    static final class Migrate extends TableCommand {
        static final class Mode {
            @Option(names = "--dry-run", required = true, description = "List the changes; write nothing.")
            boolean dryRun;

            @Option(names = "--confirm", required = true, paramLabel = "TABLE", description = "The table's name, typed again.")
            String confirm;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Mode mode;

        @Option(names = "--json", description = "The plan (or outcome) as JSON.")
        boolean json;

        @Override
        int run(DirectMessages messages) throws Exception {
            SortKeyAudit audit = audit(messages);
            String table = messages.connection().table();
            if (mode.dryRun) {
                MigrationPlan plan = audit.plan(progress(), () -> false);
                if (json) {
                    printJson(LintJson.of(plan));
                } else {
                    printPlan(plan, table);
                }
                return CruddurCommand.OK;
            }
            if (!table.equals(mode.confirm)) {
                throw new BadInput("--confirm must repeat the table's name ('" + table + "'); nothing changed.");
            }
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch finished = new CountDownLatch(1);
            // Ctrl-C stops between steps, so no step is left half done (a half-done one is safe too: see SortKeyMigrator)
            Thread hook = new Thread(() -> {
                stop.set(true);
                try {
                    finished.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "migration-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                // the stale keys are invalidated once, before the hook's wait ends
                return report(WriteInvalidation.bulk(() -> audit.migrate(mode.confirm, progress(), stop::get)), table);
            } finally {
                out().flush();
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already exiting because of Ctrl-C: the hook has done its job
                }
            }
        }

        private int report(MigrationOutcome outcome, String table) throws Exception {
            if (json) printJson(LintJson.of(outcome));
            if (outcome instanceof MigrationOutcome.Refused refused) throw new BadInput(refused.reason());
            if (outcome instanceof MigrationOutcome.NothingToDo nothing) {
                if (!json) out().println("Nothing to do: every movable sort key of '" + table + "' is canonical"
                        + leftovers(nothing.plan()) + ".");
                return CruddurCommand.OK;
            }
            if (outcome instanceof MigrationOutcome.Migrated migrated) {
                if (!json) {
                    out().printf("Moved %,d items to canonical sort keys (%s)%s.%n", migrated.moved(), migrated.writeMode(),
                            leftovers(migrated.plan()));
                    printSkipped(migrated.skipped());
                }
                return migrated.skipped().isEmpty() ? CruddurCommand.OK : CruddurCommand.FAILURE;
            }
            MigrationOutcome.Stopped stopped = (MigrationOutcome.Stopped) outcome;
            if (!json) out().printf("Stopped after %,d items with %d steps left: run it again to finish.%n",
                    stopped.moved(), stopped.stepsLeft());
            return CruddurCommand.FAILURE;
        }

        private void printSkipped(List<SortKeyMigrator.Skipped> skipped) {
            for (SortKeyMigrator.Skipped s : skipped) out().printf("  skipped %s  %s -> %s: %s%n", s.pk(), s.sk(), s.toSortKey(), s.reason());
        }

        private static String leftovers(MigrationPlan plan) {
            if (plan.collisions().isEmpty() && plan.unmovable().isEmpty()) return "";
            return "; left for a person: " + plan.collisions().size() + " collisions, " + plan.unmovable().size()
                    + " keys that are not timestamps (see --dry-run)";
        }

        private void printPlan(MigrationPlan plan, String table) {
            PrintWriter out = out();
            List<MigrationPlan.Change> changes = plan.changes();
            out.printf("Plan for '%s': %,d changes in %,d steps, %d losing digits below the microsecond; %d collisions; "
                    + "%d keys that are not timestamps.%n", table, changes.size(), plan.steps().stream().filter(s -> !s.isEmpty()).count(),
                    plan.precisionLosses(), plan.collisions().size(), plan.unmovable().size());
            for (MigrationPlan.Change c : changes) {
                StringBuilder flags = new StringBuilder();
                if (c.precisionLost()) flags.append("  [precision lost]");
                if (c.finishesInterruptedMove()) flags.append("  [finishes an interrupted move]");
                c.newMessageText().ifPresent(t -> flags.append("  [message text: ").append(t).append(']'));
                out.printf("  %s  %s  ->  %s%s%n", c.pk(), c.oldSk(), c.newSk(), flags);
            }
            if (!plan.collisions().isEmpty()) {
                out.println("Collisions (none of these moves; nothing is overwritten):");
                for (MigrationPlan.Collision c : plan.collisions()) {
                    out.printf("  %s  %s  ->  %s: %s%n", c.pk(), String.join(", ", c.oldSks()), c.newSk(), c.reason());
                }
            }
            if (!plan.unmovable().isEmpty()) {
                out.println("Not timestamps (left alone):");
                for (MigrationPlan.Unmovable u : plan.unmovable()) out.printf("  %s  %s%n", u.pk(), u.sk());
            }
            if (plan.nothingToDo()) out.println("Nothing to do.");
        }
    }

    /** The JSON shapes of the lint report, the plan and the outcome: snake_case, as the other commands print. */
    static final class LintJson {
        private LintJson() {}

        static String key(Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }

        static Map<String, Object> of(String table, LintReport r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", table);
            m.put("complete", r.complete());
            m.put("items", r.items());
            Map<String, Object> counts = new LinkedHashMap<>();
            r.counts().forEach((c, n) -> counts.put(key(c), n));
            m.put("counts", counts);
            Map<String, Object> byKind = new LinkedHashMap<>();
            for (RowKind kind : RowKind.values()) {
                Map<String, Object> perClass = new LinkedHashMap<>();
                for (SortKeyClass c : SortKeyClass.values()) perClass.put(key(c), r.count(kind, c));
                byKind.put(key(kind), perClass);
            }
            m.put("counts_by_row_kind", byKind);
            m.put("order_disagreements", r.orderDisagreements().stream().map(d -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("pk", d.pk());
                o.put("first_sk", d.firstSk());
                o.put("first_instant", d.firstInstant().toString());
                o.put("second_sk", d.secondSk());
                o.put("second_instant", d.secondInstant().toString());
                return o;
            }).toList());
            Map<String, Object> year = new LinkedHashMap<>();
            year.put("year", r.yearPrefix().year());
            year.put("group_rows_hidden", r.yearPrefix().groupRowsHidden());
            year.put("conversations_hidden", r.yearPrefix().conversationsHidden());
            year.put("messages_hidden", r.yearPrefix().messagesHidden());
            year.put("conversations_missing_messages", r.yearPrefix().conversationsMissingMessages());
            m.put("year_prefix", year);
            m.put("findings", r.findings().stream().map(f -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("kind", key(f.kind()));
                o.put("pk", f.pk());
                o.put("sk", f.sk());
                o.put("class", key(f.sortKeyClass()));
                o.put("detail", f.detail());
                return o;
            }).toList());
            return m;
        }

        static Map<String, Object> of(MigrationPlan plan) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("complete", plan.complete());
            m.put("nothing_to_do", plan.nothingToDo());
            m.put("changes", plan.changes().stream().map(c -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("kind", key(c.kind()));
                o.put("pk", c.pk());
                o.put("old_sk", c.oldSk());
                o.put("new_sk", c.newSk());
                o.put("from_class", key(c.from()));
                o.put("precision_lost", c.precisionLost());
                o.put("finishes_interrupted_move", c.finishesInterruptedMove());
                o.put("new_message", c.newMessageText().orElse(null));
                o.put("note", c.note());
                return o;
            }).toList());
            m.put("collisions", plan.collisions().stream().map(c -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("pk", c.pk());
                o.put("new_sk", c.newSk());
                o.put("old_sks", c.oldSks());
                o.put("key_taken", c.keyTaken());
                o.put("reason", c.reason());
                return o;
            }).toList());
            m.put("not_timestamps", plan.unmovable().stream().map(u -> Map.of("pk", u.pk(), "sk", u.sk())).toList());
            return m;
        }

        static Map<String, Object> of(MigrationOutcome outcome) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (outcome instanceof MigrationOutcome.Refused r) {
                m.put("outcome", "refused");
                m.put("reason", r.reason());
            } else if (outcome instanceof MigrationOutcome.NothingToDo n) {
                m.put("outcome", "nothing_to_do");
                m.put("plan", of(n.plan()));
            } else if (outcome instanceof MigrationOutcome.Migrated g) {
                m.put("outcome", "migrated");
                m.put("moved", g.moved());
                m.put("write_mode", g.writeMode());
                m.put("skipped", g.skipped());
                m.put("plan", of(g.plan()));
            } else if (outcome instanceof MigrationOutcome.Stopped st) {
                m.put("outcome", "stopped");
                m.put("moved", st.moved());
                m.put("steps_left", st.stepsLeft());
                m.put("skipped", st.skipped());
            }
            return m;
        }
    }
}
