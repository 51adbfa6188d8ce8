package dev.cruddur.admin.cli;

import dev.cruddur.admin.app.cache.WriteInvalidation;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.consistency.CheckReport;
import dev.cruddur.admin.app.consistency.Finding;
import dev.cruddur.admin.app.consistency.Repairer;
import dev.cruddur.admin.app.consistency.TableConsistency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The consistency check, and its repair after the table's name is typed. */
@Command(name = "check", description = "Check every conversation's group rows against its messages; --repair --confirm TABLE fixes them.")
final class CheckCommand extends ConnectedCommand {
    @Option(names = "--json", description = "Print the findings as JSON.") boolean json;
    @Option(names = "--repair", description = "Print the repair plan, then apply it (needs --confirm).") boolean repair;
    @Option(names = "--confirm", paramLabel = "TABLE", description = "The table's name, typed again, to allow the repair.") String confirm;

    @Override
    int run(DirectMessages messages) throws Exception {
        if (repair && confirm == null) throw new BadInput("--repair needs --confirm TABLE (the table's name typed again).");
        if (!repair && confirm != null) throw new BadInput("--confirm goes with --repair.");
        if (repair && !messages.connection().table().equals(confirm)) {
            throw new BadInput("Not repaired: type the table's name, '" + messages.connection().table() + "', to confirm.");
        }
        if (!messages.schema().describe().exists()) {
            throw new BadInput("There is no table '" + messages.connection().table() + "' to check.");
        }
        TableConsistency consistency = new TableConsistency(messages.connection());
        TableConsistency.Checked checked = consistency.check();
        print(checked.report());
        if (!repair) return CruddurCommand.OK;
        if (checked.plan().empty()) {
            out().println("Nothing to repair.");
            return CruddurCommand.OK;
        }
        out().println("Repair plan (" + checked.plan().puts() + " puts, " + checked.plan().deletes() + " deletes):");
        checked.plan().describe().forEach(line -> out().println("  " + line));
        Repairer.RepairOutcome outcome = WriteInvalidation.bulk(() -> consistency.repairer().apply(checked.plan(), confirm));
        if (outcome instanceof Repairer.Refused refused) throw new BadInput(refused.reason());
        Repairer.Repaired done = (Repairer.Repaired) outcome;
        out().println("Repaired " + done.conversations() + " conversation(s): " + done.puts() + " puts, " + done.deletes()
                + " deletes (" + done.mode() + ").");
        if (!done.changedMeanwhile().isEmpty()) {
            out().println("Skipped, a message arrived since the check: " + String.join(", ", done.changedMeanwhile()));
        }
        CheckReport after = consistency.check().report();
        out().println(after.clean() ? "A second check finds nothing." : "A second check still finds " + after.findings().size()
                + " finding(s) (" + after.countsByKind() + ").");
        return CruddurCommand.OK;
    }

    private void print(CheckReport report) throws Exception {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("items_read", report.itemsRead());
            out.put("conversations", report.conversations());
            Map<String, Integer> counts = new LinkedHashMap<>();
            report.countsByKind().forEach((k, v) -> counts.put(k.name(), v));
            out.put("counts", counts);
            List<Map<String, Object>> findings = new ArrayList<>();
            for (Finding f : report.findings()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", f.kind().name());
                m.put("message_group_uuid", f.groupUuid());
                m.put("detail", f.detail());
                m.put("items", f.items());
                findings.add(m);
            }
            out.put("findings", findings);
            printJson(out);
            return;
        }
        out().println("Checked " + report.conversations() + " conversation(s), " + report.itemsRead() + " item(s).");
        if (report.clean()) {
            out().println("No findings.");
            return;
        }
        report.countsByKind().forEach((kind, count) -> out().printf("  %-28s %5d  %s%n", kind.name(), count, kind.label()));
        for (Finding f : report.findings()) out().println("  " + f.kind().name() + " " + f.groupUuid() + ": " + f.detail());
    }
}
