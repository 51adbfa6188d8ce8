package dev.cruddur.admin.app.browse;

import dev.cruddur.admin.store.DynamoTarget;
import java.util.List;

/**
 * How every copied snippet opens its DynamoDB client for a target, in each language: the region,
 * the endpoint when it is not AWS, the profile where the language's SDK takes one. The Browser's
 * requests ({@link CopyAs}), PartiQL statements ({@link StatementCopyAs}) and single items
 * ({@link ItemCopyAs}) share it, so a fix to one reaches all three.
 */
final class ClientSetup {
    private ClientSetup() {}

    // --- Java SDK v2 --------------------------------------------------------------------------

    /** The imports a snippet needs, the SDK's model classes named after the common ones. */
    static String javaImports(List<String> modelClasses) {
        StringBuilder s = new StringBuilder()
                .append("import java.net.URI;\n")
                .append("import java.util.Base64;\n")
                .append("import java.util.List;\n")
                .append("import java.util.Map;\n")
                .append("import software.amazon.awssdk.core.SdkBytes;\n")
                .append("import software.amazon.awssdk.regions.Region;\n")
                .append("import software.amazon.awssdk.services.dynamodb.DynamoDbClient;\n")
                .append("import software.amazon.awssdk.services.dynamodb.model.AttributeValue;\n");
        for (String c : modelClasses) s.append("import software.amazon.awssdk.services.dynamodb.model.").append(c).append(";\n");
        return s.append('\n').toString();
    }

    /** {@code try (DynamoDbClient client = …build()) {}, opened at the indentation of a main method's body. */
    static String javaClient(DynamoTarget target) {
        StringBuilder s = new StringBuilder()
                .append("        try (DynamoDbClient client = DynamoDbClient.builder()\n")
                .append("                .region(Region.of(").append(CopyAs.literal(target.region())).append("))\n");
        target.endpoint().ifPresent(e -> s.append("                .endpointOverride(URI.create(").append(CopyAs.literal(e.toString())).append("))\n"));
        return s.append("                .build()) {\n").toString();
    }

    // --- Python, boto3 ------------------------------------------------------------------------

    /** The imports and {@code client = boto3.client("dynamodb", …)}, through the profile's session when there is one. */
    static String pythonClient(DynamoTarget target) {
        StringBuilder s = new StringBuilder("import base64\nimport json\n\nimport boto3\n\n");
        s.append(target.profile().map(p -> "client = boto3.Session(profile_name=" + StatementCopyAs.pyString(p) + ").client(")
                .orElse("client = boto3.client("));
        s.append("\"dynamodb\", region_name=").append(StatementCopyAs.pyString(target.region()));
        target.endpoint().ifPresent(e -> s.append(", endpoint_url=").append(StatementCopyAs.pyString(e.toString())));
        return s.append(")\n").toString();
    }

    /** Binary values print as base64, as DynamoDB JSON writes them. */
    static final String PYTHON_PLAIN_BYTES = "\n\ndef plain_bytes(value):\n    return base64.b64encode(value).decode()\n\n\n";

    /**
     * boto3's loop over every page of {@code request}: each item printed as plain JSON, and the next page asked for
     * with the page's {@code lastKey} as the request's {@code startKey} (LastEvaluatedKey → ExclusiveStartKey for
     * Query and Scan, NextToken → NextToken for a statement).
     */
    static String pythonEveryPage(String call, String lastKey, String startKey) {
        return PYTHON_PLAIN_BYTES
                + "while True:\n"
                + "    page = client." + call + "(**request)\n"
                + "    for item in page.get(\"Items\", []):\n"
                + "        print(json.dumps(item, default=plain_bytes))\n"
                + "    if \"" + lastKey + "\" not in page:\n"
                + "        break\n"
                + "    request[\"" + startKey + "\"] = page[\"" + lastKey + "\"]\n";
    }

    // --- JavaScript, AWS SDK v3 ---------------------------------------------------------------

    /** The imports (the client and the commands used) and {@code const client = new DynamoDBClient(…)}. */
    static String javaScriptClient(DynamoTarget target, String... commands) {
        StringBuilder s = new StringBuilder("import { DynamoDBClient, ").append(String.join(", ", commands))
                .append(" } from \"@aws-sdk/client-dynamodb\";\n");
        if (target.profile().isPresent()) s.append("import { fromIni } from \"@aws-sdk/credential-providers\";\n");
        s.append("\nconst client = new DynamoDBClient({ region: ").append(StatementCopyAs.pyString(target.region()));
        target.endpoint().ifPresent(e -> s.append(", endpoint: ").append(StatementCopyAs.pyString(e.toString())));
        target.profile().ifPresent(p -> s.append(", credentials: fromIni({ profile: ").append(StatementCopyAs.pyString(p)).append(" })"));
        return s.append(" });\n").toString();
    }

    /** Binary values print as base64, as DynamoDB JSON writes them. */
    static final String JAVASCRIPT_PLAIN_BYTES =
            "const plainBytes = (key, value) => value instanceof Uint8Array ? Buffer.from(value).toString(\"base64\") : value;\n";

    /** The SDK v3 loop over every page of {@code request}, as {@link #pythonEveryPage} for boto3. */
    static String javaScriptEveryPage(String command, String lastKey, String startKey) {
        return JAVASCRIPT_PLAIN_BYTES
                + "do {\n"
                + "  const page = await client.send(new " + command + "(request));\n"
                + "  for (const item of page.Items ?? []) console.log(JSON.stringify(item, plainBytes));\n"
                + "  request." + startKey + " = page." + lastKey + ";\n"
                + "} while (request." + startKey + ");\n";
    }

    // --- AWS CLI ------------------------------------------------------------------------------

    /** The words every command ends with: region, profile, endpoint. */
    static List<String> awsCliTarget(DynamoTarget target) {
        List<String> w = new java.util.ArrayList<>(List.of("--region", target.region()));
        target.profile().ifPresent(p -> w.addAll(List.of("--profile", p)));
        target.endpoint().ifPresent(e -> w.addAll(List.of("--endpoint-url", e.toString())));
        return w;
    }
}
