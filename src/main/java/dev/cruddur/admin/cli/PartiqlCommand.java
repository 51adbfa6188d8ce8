package dev.cruddur.admin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.app.browse.PartiqlStatements;
import dev.cruddur.admin.store.ItemBrowser;
import dev.cruddur.admin.store.StatementRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code partiql "STATEMENT" [--param JSON]… [--all] [--json]}: runs one PartiQL statement. Items print one
 * plain JSON object a line (as {@code scan} prints them); {@code --json} prints DynamoDB's response shape.
 * Without {@code --all} only the first page prints, and stderr says how to get the rest.
 */
@Command(name = "partiql", description = "Run a PartiQL statement (SELECT, INSERT, UPDATE, DELETE).")
final class PartiqlCommand extends ConnectedCommand {
    @Parameters(index = "0", paramLabel = "STATEMENT", description = "The statement; quote it for the shell.")
    String statement;

    @Option(names = "--param", paramLabel = "JSON",
            description = "A value for the next ?: DynamoDB JSON ({\"S\":\"x\"}) or plain JSON (\"x\", 5). Repeat in order.")
    List<String> params = new ArrayList<>();

    @Option(names = "--all", description = "Follow NextToken to the last page.") boolean all;

    @Option(names = "--json", description = "Print {\"Items\": [DynamoDB JSON…], \"NextToken\": …} instead of one plain item a line.")
    boolean json;

    @Option(names = "--page-size", paramLabel = "N", description = "Items evaluated a page (Limit); default: the endpoint's 1 MB pages.")
    Integer pageSize;

    @Override
    int run(DirectMessages messages) throws Exception {
        if (statement.isBlank()) throw new BadInput("Give a statement, e.g. partiql \"SELECT * FROM \\\"cruddur-messages\\\" WHERE pk = ?\" --param '\"GRP#…\"'.");
        if (pageSize != null && pageSize < 1) throw new BadInput("--page-size must be at least 1.");
        // read once: every page sends the same parameters
        StatementRunner.Parameters parameters = StatementRunner.Parameters.typed(params);
        PartiqlStatements statements = new PartiqlStatements(messages.connection());
        ArrayNode items = JSON.createArrayNode();
        Optional<String> token = Optional.empty();
        double capacity = 0;
        boolean capacityReported = false;
        do {
            StatementRunner.StatementPage page = statements.page(statement, parameters, token, pageSize == null ? 0 : pageSize);
            for (ItemBrowser.BrowsedItem item : page.items()) {
                if (json) items.add(JSON.readTree(item.dynamoJson()));
                else out().println(JSON_LINE.writeValueAsString(item.values()));
            }
            if (page.consumedCapacity().isPresent()) {
                capacity += page.consumedCapacity().get();
                capacityReported = true;
            }
            token = page.nextToken();
        } while (all && token.isPresent());
        if (json) {
            ObjectNode response = JSON.createObjectNode();
            response.set("Items", items);
            token.ifPresent(t -> response.put("NextToken", t));
            if (capacityReported) response.putObject("ConsumedCapacity").put("CapacityUnits", capacity);
            printJson(response);
        } else if (token.isPresent()) {
            err().println("More items follow: run again with --all (or --json for the NextToken).");
        }
        return CruddurCommand.OK;
    }

}
