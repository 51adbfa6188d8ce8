package dev.cruddur.admin.app.browse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.ItemRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The browser's current request as something to paste elsewhere: an AWS CLI command (POSIX shell
 * quoting), a Java class using the AWS SDK v2 that compiles as it is, a Python script using boto3's
 * low-level client (as Cruddur's backend calls DynamoDB), or a JavaScript module using the AWS SDK v3.
 * The scripts read every page and print each item as one line of DynamoDB JSON, as
 * {@link StatementCopyAs}'s do.
 */
public final class CopyAs {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Words the shell takes literally without quotes. */
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private CopyAs() {}

    // --- AWS CLI ------------------------------------------------------------------------------

    /** The command as one line; {@code --endpoint-url} when the target is not AWS. */
    public static String awsCli(ItemRequest request, DynamoTarget target) {
        return String.join(" ", awsCliWords(request, target).stream().map(CopyAs::shellQuote).toList());
    }

    /** The command's words before quoting: what the shell hands the CLI. */
    public static List<String> awsCliWords(ItemRequest request, DynamoTarget target) {
        List<String> w = new ArrayList<>(List.of("aws", "dynamodb", request.query() ? "query" : "scan", "--table-name", request.table()));
        request.index().ifPresent(i -> w.addAll(List.of("--index-name", i)));
        request.keyCondition().ifPresent(k -> w.addAll(List.of("--key-condition-expression", k)));
        request.filter().ifPresent(f -> w.addAll(List.of("--filter-expression", f)));
        request.projection().ifPresent(p -> w.addAll(List.of("--projection-expression", p)));
        if (!request.names().isEmpty()) w.addAll(List.of("--expression-attribute-names", json(request.names())));
        if (!request.values().isEmpty()) w.addAll(List.of("--expression-attribute-values", valuesJson(request.values())));
        if (request.query() && !request.ascending()) w.add("--no-scan-index-forward");
        if (request.pageSize() > 0) w.addAll(List.of("--page-size", String.valueOf(request.pageSize())));
        w.addAll(ClientSetup.awsCliTarget(target));
        return w;
    }

    /** POSIX shell quoting: bare when safe, else single quotes, a ' written as '\''. */
    public static String shellQuote(String word) {
        if (!word.isEmpty() && BARE.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    // --- Java SDK v2 --------------------------------------------------------------------------

    /** A complete class, {@code CopiedQuery}, that runs the request and prints every item of every page. */
    public static String javaSdk(ItemRequest request, DynamoTarget target) {
        String op = request.query() ? "Query" : "Scan";
        StringBuilder s = new StringBuilder(ClientSetup.javaImports(List.of(op + "Request")));
        s.append("public class Copied").append(op).append(" {\n")
                .append("    public static void main(String[] args) {\n")
                .append(ClientSetup.javaClient(target))
                .append("            ").append(op).append("Request request = ").append(op).append("Request.builder()\n")
                .append("                    .tableName(").append(literal(request.table())).append(")\n");
        request.index().ifPresent(i -> s.append("                    .indexName(").append(literal(i)).append(")\n"));
        request.keyCondition().ifPresent(k -> s.append("                    .keyConditionExpression(").append(literal(k)).append(")\n"));
        request.filter().ifPresent(f -> s.append("                    .filterExpression(").append(literal(f)).append(")\n"));
        request.projection().ifPresent(p -> s.append("                    .projectionExpression(").append(literal(p)).append(")\n"));
        if (!request.names().isEmpty()) {
            List<String> entries = new ArrayList<>();
            request.names().forEach((k, v) -> entries.add("Map.entry(" + literal(k) + ", " + literal(v) + ")"));
            s.append("                    .expressionAttributeNames(Map.ofEntries(").append(String.join(", ", entries)).append("))\n");
        }
        if (!request.values().isEmpty()) {
            List<String> entries = new ArrayList<>();
            request.values().forEach((k, v) -> entries.add("\n                            Map.entry(" + literal(k) + ", " + javaValue(tree(v)) + ")"));
            s.append("                    .expressionAttributeValues(Map.ofEntries(").append(String.join(",", entries)).append("))\n");
        }
        if (request.query() && !request.ascending()) s.append("                    .scanIndexForward(false)\n");
        if (request.pageSize() > 0) s.append("                    .limit(").append(request.pageSize()).append(")\n");
        s.append("                    .build();\n")
                .append("            client.").append(request.query() ? "query" : "scan").append("Paginator(request).items()")
                .append(".forEach(System.out::println);\n")
                .append("        }\n")
                .append("    }\n")
                .append("}\n");
        return s.toString();
    }

    // --- Python, boto3 ------------------------------------------------------------------------

    /** A script: the request as the keyword arguments of {@code client.query} / {@code client.scan}, every page. */
    public static String boto3(ItemRequest request, DynamoTarget target) {
        StringBuilder s = new StringBuilder(ClientSetup.pythonClient(target)).append("request = {\n");
        s.append("    \"TableName\": ").append(StatementCopyAs.pyString(request.table())).append(",\n");
        request.index().ifPresent(i -> s.append("    \"IndexName\": ").append(StatementCopyAs.pyString(i)).append(",\n"));
        request.keyCondition().ifPresent(k -> s.append("    \"KeyConditionExpression\": ").append(StatementCopyAs.pyString(k)).append(",\n"));
        request.filter().ifPresent(f -> s.append("    \"FilterExpression\": ").append(StatementCopyAs.pyString(f)).append(",\n"));
        request.projection().ifPresent(p -> s.append("    \"ProjectionExpression\": ").append(StatementCopyAs.pyString(p)).append(",\n"));
        if (!request.names().isEmpty()) {
            List<String> entries = new ArrayList<>();
            request.names().forEach((k, v) -> entries.add(StatementCopyAs.pyString(k) + ": " + StatementCopyAs.pyString(v)));
            s.append("    \"ExpressionAttributeNames\": {").append(String.join(", ", entries)).append("},\n");
        }
        if (!request.values().isEmpty()) {
            List<String> entries = new ArrayList<>();
            request.values().forEach((k, v) -> entries.add("\n        " + StatementCopyAs.pyString(k) + ": " + StatementCopyAs.pyValue(tree(v))));
            s.append("    \"ExpressionAttributeValues\": {").append(String.join(",", entries)).append("\n    },\n");
        }
        if (request.query() && !request.ascending()) s.append("    \"ScanIndexForward\": False,\n");
        if (request.pageSize() > 0) s.append("    \"Limit\": ").append(request.pageSize()).append(",\n");
        s.append("}\n").append(ClientSetup.pythonEveryPage(request.query() ? "query" : "scan", "LastEvaluatedKey", "ExclusiveStartKey"));
        return s.toString();
    }

    // --- JavaScript, AWS SDK v3 ---------------------------------------------------------------

    /** An ES module (save as .mjs) using @aws-sdk/client-dynamodb: QueryCommand or ScanCommand, every page. */
    public static String javaScript(ItemRequest request, DynamoTarget target) {
        String command = request.query() ? "QueryCommand" : "ScanCommand";
        String head = ClientSetup.javaScriptClient(target, command);
        List<String> fields = new ArrayList<>();
        fields.add("TableName: " + StatementCopyAs.pyString(request.table()));
        request.index().ifPresent(i -> fields.add("IndexName: " + StatementCopyAs.pyString(i)));
        request.keyCondition().ifPresent(k -> fields.add("KeyConditionExpression: " + StatementCopyAs.pyString(k)));
        request.filter().ifPresent(f -> fields.add("FilterExpression: " + StatementCopyAs.pyString(f)));
        request.projection().ifPresent(p -> fields.add("ProjectionExpression: " + StatementCopyAs.pyString(p)));
        if (!request.names().isEmpty()) {
            List<String> entries = new ArrayList<>();
            request.names().forEach((k, v) -> entries.add(StatementCopyAs.pyString(k) + ": " + StatementCopyAs.pyString(v)));
            fields.add("ExpressionAttributeNames: { " + String.join(", ", entries) + " }");
        }
        if (!request.values().isEmpty()) {
            List<String> entries = new ArrayList<>();
            request.values().forEach((k, v) -> entries.add("\n    " + StatementCopyAs.pyString(k) + ": " + StatementCopyAs.jsValue(tree(v))));
            fields.add("ExpressionAttributeValues: {" + String.join(",", entries) + "\n  }");
        }
        if (request.query() && !request.ascending()) fields.add("ScanIndexForward: false");
        if (request.pageSize() > 0) fields.add("Limit: " + request.pageSize());
        StringBuilder s = new StringBuilder(head).append("const request = {\n");
        for (String f : fields) s.append("  ").append(f).append(",\n");
        s.append("};\n").append(ClientSetup.javaScriptEveryPage(command, "LastEvaluatedKey", "ExclusiveStartKey"));
        return s.toString();
    }

    /** A DynamoDB JSON value as a Java expression building the same AttributeValue. */
    static String javaValue(JsonNode typed) {
        Map.Entry<String, JsonNode> e = typed.fields().next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "S" -> "AttributeValue.fromS(" + literal(v.asText()) + ")";
            case "N" -> "AttributeValue.fromN(" + literal(v.asText()) + ")";
            case "B" -> "AttributeValue.fromB(" + bytes(v.asText()) + ")";
            case "BOOL" -> "AttributeValue.fromBool(" + v.asBoolean() + ")";
            case "NULL" -> "AttributeValue.fromNul(true)";
            case "SS", "NS" -> "AttributeValue.from" + (e.getKey().equals("SS") ? "Ss" : "Ns") + "(List.of(" + join(v, n -> literal(n.asText())) + "))";
            case "BS" -> "AttributeValue.fromBs(List.of(" + join(v, n -> bytes(n.asText())) + "))";
            case "L" -> "AttributeValue.fromL(List.of(" + join(v, CopyAs::javaValue) + "))";
            case "M" -> {
                List<String> entries = new ArrayList<>();
                v.fields().forEachRemaining(f -> entries.add("Map.entry(" + literal(f.getKey()) + ", " + javaValue(f.getValue()) + ")"));
                yield "AttributeValue.fromM(Map.ofEntries(" + String.join(", ", entries) + "))";
            }
            default -> throw new IllegalArgumentException("not a DynamoDB JSON value: " + typed);
        };
    }

    private static String bytes(String base64) {
        return "SdkBytes.fromByteArray(Base64.getDecoder().decode(" + literal(base64) + "))";
    }

    static String join(JsonNode array, java.util.function.Function<JsonNode, String> each) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) out.add(each.apply(it.next()));
        return String.join(", ", out);
    }

    /** A Java string literal. */
    static String literal(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    private static String json(Map<String, String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String valuesJson(Map<String, String> values) {
        ObjectNode node = JSON.createObjectNode();
        values.forEach((k, v) -> node.set(k, tree(v)));
        return node.toString();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
