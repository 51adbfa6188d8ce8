package dev.cruddur.admin.app.browse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.store.ItemRequest;
import dev.cruddur.admin.store.TableShape;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Copy as": the AWS CLI line splits back into the same words; the Java class compiles. */
class CopyAsTest {
    private static final TableShape SHAPE = new TableShape("cruddur-messages", new TableShape.Key("pk", "S"),
            Optional.of(new TableShape.Key("sk", "S")), List.of(new TableShape.Index("message-group-sk-index", true,
            new TableShape.Key("message_group_uuid", "S"), Optional.of(new TableShape.Key("sk", "S")), "ALL")), 0);

    private static final DynamoTarget LOCAL = DynamoTarget.endpoint(URI.create("http://127.0.0.1:8000"), "cruddur-messages");

    private static ItemQuery tricky() {
        return ItemQuery.query("cruddur-messages", "GRP#it's \"quoted\" $HOME `x`")
                .sortKey(SortKeyOperator.BETWEEN, "2026-01-01", "2026-12-31 ✓")
                .descending()
                .filter(FilterRow.of("message", FilterOperator.CONTAINS, "don't\nstop"),
                        FilterRow.of("n", FilterOperator.GT, "1.5", ValueType.N))
                .filter(new TypedFilter("#x = :x", java.util.Map.of("#x", "payload"),
                        java.util.Map.of(":x", "{\"M\":{\"a\":{\"L\":[{\"B\":\"AAE=\"},{\"NULL\":true},{\"SS\":[\"p\"]}]},\"b\":{\"NS\":[\"1\"]},\"c\":{\"BOOL\":false}}}")))
                .project("sk", "message")
                .pageSize(25);
    }

    /** The words a POSIX shell makes of a line: single quotes, double quotes with backslash escapes, bare words. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                w.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                for (i++; line.charAt(i) != '"'; i++) {
                    if (line.charAt(i) == '\\' && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) i++;
                    w.append(line.charAt(i));
                }
                inWord = true;
            } else if (c == '\\') {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) words.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                if ("$`;&|<>()*?[]#~".indexOf(c) >= 0 && !inWord) throw new AssertionError("unquoted shell character " + c + " in " + line);
                if ("$`;&|<>()*?[]".indexOf(c) >= 0) throw new AssertionError("unquoted shell character " + c + " in " + line);
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) words.add(w.toString());
        return words;
    }

    @Test
    void theAwsCliLineSplitsBackIntoItsArguments() {
        ItemRequest request = tricky().toRequest(SHAPE);
        String line = CopyAs.awsCli(request, LOCAL);
        assertThat(line).startsWith("aws dynamodb query --table-name cruddur-messages --key-condition-expression '#k0 = :k0 AND #k1 BETWEEN :k1 AND :k2'");
        List<String> words = shellWords(line);
        assertThat(words).isEqualTo(CopyAs.awsCliWords(request, LOCAL));
        assertThat(words).containsSubsequence("--no-scan-index-forward", "--page-size", "25", "--region", "us-east-1",
                "--endpoint-url", "http://127.0.0.1:8000");
        int values = words.indexOf("--expression-attribute-values");
        assertThat(words.get(values + 1)).contains("\":k0\":{\"S\":\"GRP#it's \\\"quoted\\\" $HOME `x`\"}")
                .contains("\":f0\":{\"S\":\"don't\\nstop\"}").contains("\":f1\":{\"N\":\"1.5\"}");
        assertThat(words.get(words.indexOf("--filter-expression") + 1))
                .isEqualTo("contains(#f0, :f0) AND #f1 > :f1 AND (#x = :x)");
        assertThat(words.get(words.indexOf("--projection-expression") + 1)).isEqualTo("#p0, #p1");
    }

    @Test
    void awsHasNoEndpointUrlAndAScanNoKeyCondition() {
        String line = CopyAs.awsCli(ItemQuery.scan("cruddur-messages").pageSize(0).toRequest(SHAPE),
                DynamoTarget.aws(Optional.of("prod"), "eu-west-1", "cruddur-messages"));
        assertThat(line).isEqualTo("aws dynamodb scan --table-name cruddur-messages --region eu-west-1 --profile prod");
        assertThat(CopyAs.shellQuote("")).isEqualTo("''");
        assertThat(CopyAs.shellQuote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void theJavaSnippetCompiles(@TempDir Path dir) throws Exception {
        String code = CopyAs.javaSdk(tricky().onIndex("message-group-sk-index").toRequest(SHAPE), LOCAL);
        assertThat(code).contains("public class CopiedQuery", ".indexName(\"message-group-sk-index\")", ".scanIndexForward(false)",
                ".endpointOverride(URI.create(\"http://127.0.0.1:8000\"))", "AttributeValue.fromS(\"GRP#it's \\\"quoted\\\" $HOME `x`\")");
        Path source = dir.resolve("CopiedQuery.java");
        Files.writeString(source, code);
        Path scan = dir.resolve("scan/CopiedScan.java");
        Files.createDirectories(scan.getParent());
        Files.writeString(scan, CopyAs.javaSdk(ItemQuery.scan("t").toRequest(SHAPE), DynamoTarget.aws(Optional.empty(), "us-east-1", "t")));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        String classpath = System.getProperty("java.class.path");
        for (Path file : List.of(source, scan)) {
            boolean ok = javac.getTask(errors, null, null, List.of("-classpath", classpath, "-d", dir.toString(), "-proc:none"), null,
                    javac.getStandardFileManager(null, null, null).getJavaFileObjects(file)).call();
            assertThat(ok).as(errors + "\n" + Files.readString(file)).isTrue();
        }
    }
}
