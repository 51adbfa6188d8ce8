package dev.cruddur.admin.app.browse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cruddur.admin.store.DynamoTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PartiQL statement and its parameters (DynamoDB JSON) as code to paste elsewhere: an AWS CLI command,
 * a Java class (SDK v2), a Python script (boto3) or a JavaScript module (AWS SDK v3). Each runs the
 * statement to its last page and prints every item as one line of DynamoDB JSON.
 */
public final class StatementCopyAs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatementCopyAs() {}

    // --- AWS CLI ------------------------------------------------------------------------------

    public static String awsCli(String statement, List<String> parameters, DynamoTarget target) {
        return String.join(" ", awsCliWords(statement, parameters, target).stream().map(CopyAs::shellQuote).toList());
    }

    /** The command's words before quoting. */
    public static List<String> awsCliWords(String statement, List<String> parameters, DynamoTarget target) {
        List<String> w = new ArrayList<>(List.of("aws", "dynamodb", "execute-statement", "--statement", statement));
        if (!parameters.isEmpty()) w.addAll(List.of("--parameters", array(parameters).toString()));
        w.addAll(ClientSetup.awsCliTarget(target));
        return w;
    }

    // --- Java SDK v2 --------------------------------------------------------------------------

    /** A complete class, {@code CopiedStatement}, that compiles as it is. */
    public static String javaSdk(String statement, List<String> parameters, DynamoTarget target) {
        StringBuilder s = new StringBuilder(ClientSetup.javaImports(List.of("ExecuteStatementRequest", "ExecuteStatementResponse")));
        s.append("public class CopiedStatement {\n")
                .append("    public static void main(String[] args) {\n")
                .append(ClientSetup.javaClient(target))
                .append("            List<AttributeValue> parameters = List.of(");
        List<String> values = new ArrayList<>();
        for (String p : parameters) values.add("\n                    " + CopyAs.javaValue(CopyAs.tree(p)));
        s.append(String.join(",", values)).append(");\n")
                .append("            String nextToken = null;\n")
                .append("            do {\n")
                .append("                ExecuteStatementRequest.Builder request = ExecuteStatementRequest.builder()\n")
                .append("                        .statement(").append(CopyAs.literal(statement)).append(")\n")
                .append("                        .nextToken(nextToken);\n")
                .append("                if (!parameters.isEmpty()) request.parameters(parameters);\n")
                .append("                ExecuteStatementResponse page = client.executeStatement(request.build());\n")
                .append("                page.items().forEach(System.out::println);\n")
                .append("                nextToken = page.nextToken();\n")
                .append("            } while (nextToken != null);\n")
                .append("        }\n")
                .append("    }\n")
                .append("}\n");
        return s.toString();
    }

    // --- Python, boto3 ------------------------------------------------------------------------

    public static String boto3(String statement, List<String> parameters, DynamoTarget target) {
        StringBuilder s = new StringBuilder(ClientSetup.pythonClient(target));
        s.append("request = {\"Statement\": ").append(pyString(statement)).append("}\n");
        if (!parameters.isEmpty()) {
            List<String> values = new ArrayList<>();
            for (String p : parameters) values.add(pyValue(CopyAs.tree(p)));
            s.append("request[\"Parameters\"] = [").append(String.join(", ", values)).append("]\n");
        }
        s.append(ClientSetup.pythonEveryPage("execute_statement", "NextToken", "NextToken"));
        return s.toString();
    }

    /** A DynamoDB JSON value as a boto3 (low-level client) value: the same shape, binaries as bytes. */
    static String pyValue(JsonNode typed) {
        Map.Entry<String, JsonNode> e = typed.fields().next();
        JsonNode v = e.getValue();
        String key = pyString(e.getKey());
        return switch (e.getKey()) {
            case "S", "N" -> "{" + key + ": " + pyString(v.asText()) + "}";
            case "B" -> "{" + key + ": base64.b64decode(" + pyString(v.asText()) + ")}";
            case "BOOL" -> "{" + key + ": " + (v.asBoolean() ? "True" : "False") + "}";
            case "NULL" -> "{" + key + ": True}";
            case "SS", "NS" -> "{" + key + ": [" + CopyAs.join(v, n -> pyString(n.asText())) + "]}";
            case "BS" -> "{" + key + ": [" + CopyAs.join(v, n -> "base64.b64decode(" + pyString(n.asText()) + ")") + "]}";
            case "L" -> "{" + key + ": [" + CopyAs.join(v, StatementCopyAs::pyValue) + "]}";
            case "M" -> {
                List<String> entries = new ArrayList<>();
                v.fields().forEachRemaining(f -> entries.add(pyString(f.getKey()) + ": " + pyValue(f.getValue())));
                yield "{" + key + ": {" + String.join(", ", entries) + "}}";
            }
            default -> throw new IllegalArgumentException("not a DynamoDB JSON value: " + typed);
        };
    }

    /** A JSON string literal is a valid Python (and JavaScript) string literal. */
    static String pyString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- JavaScript, AWS SDK v3 ---------------------------------------------------------------

    /** An ES module (save as .mjs) using @aws-sdk/client-dynamodb. */
    public static String javaScript(String statement, List<String> parameters, DynamoTarget target) {
        StringBuilder s = new StringBuilder(ClientSetup.javaScriptClient(target, "ExecuteStatementCommand"));
        s.append("const request = { Statement: ").append(pyString(statement));
        if (!parameters.isEmpty()) {
            List<String> values = new ArrayList<>();
            for (String p : parameters) values.add(jsValue(CopyAs.tree(p)));
            s.append(", Parameters: [").append(String.join(", ", values)).append("]");
        }
        s.append(" };\n").append(ClientSetup.javaScriptEveryPage("ExecuteStatementCommand", "NextToken", "NextToken"));
        return s.toString();
    }

    static String jsValue(JsonNode typed) {
        Map.Entry<String, JsonNode> e = typed.fields().next();
        JsonNode v = e.getValue();
        String key = e.getKey();
        return switch (key) {
            case "S", "N" -> "{ " + key + ": " + pyString(v.asText()) + " }";
            case "B" -> "{ B: Buffer.from(" + pyString(v.asText()) + ", \"base64\") }";
            case "BOOL" -> "{ BOOL: " + v.asBoolean() + " }";
            case "NULL" -> "{ NULL: true }";
            case "SS", "NS" -> "{ " + key + ": [" + CopyAs.join(v, n -> pyString(n.asText())) + "] }";
            case "BS" -> "{ BS: [" + CopyAs.join(v, n -> "Buffer.from(" + pyString(n.asText()) + ", \"base64\")") + "] }";
            case "L" -> "{ L: [" + CopyAs.join(v, StatementCopyAs::jsValue) + "] }";
            case "M" -> {
                List<String> entries = new ArrayList<>();
                v.fields().forEachRemaining(f -> entries.add(pyString(f.getKey()) + ": " + jsValue(f.getValue())));
                yield "{ M: { " + String.join(", ", entries) + " } }";
            }
            default -> throw new IllegalArgumentException("not a DynamoDB JSON value: " + typed);
        };
    }

    // --- shared -------------------------------------------------------------------------------

    private static ArrayNode array(List<String> parameters) {
        ArrayNode a = JSON.createArrayNode();
        for (String p : parameters) a.add(CopyAs.tree(p));
        return a;
    }
}
