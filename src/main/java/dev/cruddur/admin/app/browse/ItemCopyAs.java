package dev.cruddur.admin.app.browse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.store.DynamoTarget;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One item as code to paste elsewhere: {@code GetItem} of its key, or {@code PutItem} of the whole
 * item (the item editor's current text), as an AWS CLI command, a Java class (SDK v2), a Python
 * script (boto3's client) or a JavaScript module (AWS SDK v3). A GetItem prints the item as one line
 * of DynamoDB JSON, as the other copied scripts print theirs; a PutItem prints nothing.
 */
public final class ItemCopyAs {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The languages "Copy as" offers, with the words the menus show. */
    public enum Language {
        AWS_CLI("AWS CLI command"),
        JAVA("Java SDK v2 code"),
        PYTHON("Python (boto3) script"),
        JAVASCRIPT("JavaScript (AWS SDK v3) module");

        private final String label;

        Language(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Which request: read the item by its key, or write it whole. */
    public enum Operation { GET_ITEM, PUT_ITEM }

    private ItemCopyAs() {}

    /**
     * The snippet for an item given as DynamoDB JSON ({@code {"pk": {"S": "…"}, …}}); a GetItem keeps
     * only the attributes named in {@code keyNames}.
     */
    public static String of(Operation operation, Language language, String table, List<String> keyNames, String itemJson, DynamoTarget target) {
        ObjectNode item = object(itemJson);
        boolean get = operation == Operation.GET_ITEM;
        ObjectNode attributes = get ? keyOf(item, keyNames) : item;
        return switch (language) {
            case AWS_CLI -> String.join(" ", cliWords(get, table, attributes, target).stream().map(CopyAs::shellQuote).toList());
            case JAVA -> java(get, table, attributes, target);
            case PYTHON -> python(get, table, attributes, target);
            case JAVASCRIPT -> javaScript(get, table, attributes, target);
        };
    }

    private static List<String> cliWords(boolean get, String table, ObjectNode attributes, DynamoTarget target) {
        List<String> w = new ArrayList<>(List.of("aws", "dynamodb", get ? "get-item" : "put-item", "--table-name", table,
                get ? "--key" : "--item", attributes.toString()));
        // binary values are base64 in DynamoDB JSON: CLI v2 reads them so by default, CLI v1 would store the
        // base64 text itself as the bytes; naming the format makes v1 refuse the command instead of writing wrong bytes
        if (holdsBinary(attributes)) w.addAll(List.of("--cli-binary-format", "base64"));
        w.addAll(ClientSetup.awsCliTarget(target));
        return w;
    }

    private static String java(boolean get, String table, ObjectNode attributes, DynamoTarget target) {
        String name = get ? "CopiedGetItem" : "CopiedPutItem";
        StringBuilder s = new StringBuilder(ClientSetup.javaImports(List.of()));
        s.append("public class ").append(name).append(" {\n")
                .append("    public static void main(String[] args) {\n")
                .append(ClientSetup.javaClient(target))
                .append("            Map<String, AttributeValue> ").append(get ? "key" : "item").append(" = Map.ofEntries(");
        List<String> entries = new ArrayList<>();
        attributes.fields().forEachRemaining(f -> entries.add("\n                    Map.entry(" + CopyAs.literal(f.getKey()) + ", " + CopyAs.javaValue(f.getValue()) + ")"));
        s.append(String.join(",", entries)).append(");\n");
        if (get) {
            s.append("            System.out.println(client.getItem(r -> r.tableName(").append(CopyAs.literal(table)).append(").key(key)).item());\n");
        } else {
            s.append("            client.putItem(r -> r.tableName(").append(CopyAs.literal(table)).append(").item(item));\n");
        }
        return s.append("        }\n").append("    }\n").append("}\n").toString();
    }

    private static String python(boolean get, String table, ObjectNode attributes, DynamoTarget target) {
        StringBuilder s = new StringBuilder(ClientSetup.pythonClient(target));
        s.append(get ? "key" : "item").append(" = {");
        List<String> entries = new ArrayList<>();
        attributes.fields().forEachRemaining(f -> entries.add("\n    " + StatementCopyAs.pyString(f.getKey()) + ": " + StatementCopyAs.pyValue(f.getValue())));
        s.append(String.join(",", entries)).append("\n}\n");
        if (get) {
            s.append(ClientSetup.PYTHON_PLAIN_BYTES)
                    .append("response = client.get_item(TableName=").append(StatementCopyAs.pyString(table)).append(", Key=key)\n")
                    .append("if \"Item\" in response:\n")
                    .append("    print(json.dumps(response[\"Item\"], default=plain_bytes))\n");
        } else {
            s.append("client.put_item(TableName=").append(StatementCopyAs.pyString(table)).append(", Item=item)\n");
        }
        return s.toString();
    }

    private static String javaScript(boolean get, String table, ObjectNode attributes, DynamoTarget target) {
        String command = get ? "GetItemCommand" : "PutItemCommand";
        StringBuilder s = new StringBuilder(ClientSetup.javaScriptClient(target, command));
        s.append("const ").append(get ? "key" : "item").append(" = {");
        List<String> entries = new ArrayList<>();
        attributes.fields().forEachRemaining(f -> entries.add("\n  " + StatementCopyAs.pyString(f.getKey()) + ": " + StatementCopyAs.jsValue(f.getValue())));
        s.append(String.join(",", entries)).append("\n};\n");
        if (get) {
            s.append(ClientSetup.JAVASCRIPT_PLAIN_BYTES)
                    .append("const response = await client.send(new GetItemCommand({ TableName: ").append(StatementCopyAs.pyString(table))
                    .append(", Key: key }));\n")
                    .append("if (response.Item) console.log(JSON.stringify(response.Item, plainBytes));\n");
        } else {
            s.append("await client.send(new PutItemCommand({ TableName: ").append(StatementCopyAs.pyString(table)).append(", Item: item }));\n");
        }
        return s.toString();
    }

    private static boolean holdsBinary(JsonNode node) {
        if (node.isObject() && (node.has("B") || node.has("BS"))) return true;
        for (JsonNode child : node) if (holdsBinary(child)) return true;
        return false;
    }

    private static ObjectNode keyOf(ObjectNode item, List<String> keyNames) {
        ObjectNode key = JSON.createObjectNode();
        for (String name : keyNames) {
            JsonNode v = item.get(name);
            if (v == null) throw new IllegalArgumentException("the item has no key attribute '" + name + "'");
            key.set(name, v);
        }
        return key;
    }

    private static ObjectNode object(String itemJson) {
        try {
            JsonNode node = JSON.readTree(itemJson);
            if (!(node instanceof ObjectNode o)) throw new IllegalArgumentException("not an item: " + itemJson);
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                if (!it.next().getValue().isObject()) throw new IllegalArgumentException("not DynamoDB JSON: " + itemJson);
            }
            return o;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + itemJson, e);
        }
    }
}
