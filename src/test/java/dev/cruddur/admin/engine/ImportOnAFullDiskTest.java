package dev.cruddur.admin.engine;

import dev.cruddur.admin.cli.CruddurCommand;
import dev.cruddur.admin.engine.storage.Durability;
import dev.cruddur.admin.testsupport.DynamoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.cruddur.admin.engine.DifferentialTest.map;
import static dev.cruddur.admin.engine.DifferentialTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code import} into the embedded engine on a disk that fills up midway (a 4 MB tmpfs; needs root, skipped
 * with a message elsewhere): the command fails and says how many items had been written before the failure,
 * and that number is what the table holds, after a restart too.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ImportOnAFullDiskTest {
    private static final String TABLE = "import-full";

    private static int count(DynamoDbClient c) {
        int n = 0;
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> start = null;
        do {
            var from = start;
            var page = c.query(q -> q.tableName(TABLE).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(map(":p", s("MSG#g"))).exclusiveStartKey(from));
            n += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return n;
    }

    @Test
    void anImportStoppedByAFullDiskSaysHowManyItemsWereWritten(@TempDir Path tmp) throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("small-disk"));
        String failure = DiskFullTest.run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString());
        assumeTrue(failure == null, "a full disk needs a small file system: mounting a 4 MB tmpfs failed (run as root, as CI does, to include this test): " + failure);
        try {
            Path file = tmp.resolve("messages.jsonl");
            int records = 4000;
            try (Writer w = Files.newBufferedWriter(file)) {
                for (int i = 0; i < records; i++) {
                    w.write("{\"pk\":{\"S\":\"MSG#g\"},\"sk\":{\"S\":\"" + String.format("m%05d", i)
                            + "\"},\"message_group_uuid\":{\"S\":\"g\"},\"message\":{\"S\":\"" + "x".repeat(2000) + "\"}}\n");
                }
            }
            EngineConfig config = EngineConfig.persistent(mount.resolve("data")).withDurability(Durability.ALWAYS);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code;
            int held;
            try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
                PersistenceTest.createMessages(c, TABLE);
                code = CruddurCommand.run(new String[] {"import", file.toString(), "--endpoint", e.endpoint().toString(), "--table", TABLE},
                        new PrintWriter(out), new PrintWriter(err), Map.of("AWS_ACCESS_KEY_ID", "k", "AWS_SECRET_ACCESS_KEY", "s"));
                held = count(c);
            }
            assertThat(code).as(out + "\n" + err).isNotZero();
            assertThat(err.toString()).contains("The data directory is full");
            Matcher m = Pattern.compile("The import stopped: ([\\d,]+) items? (?:had|has) been written before the failure and (?:are|is) kept;"
                    + " the file was not imported from line ([\\d,]+) on\\.").matcher(err.toString());
            assertThat(m.find()).as(err.toString()).isTrue();
            int written = Integer.parseInt(m.group(1).replace(",", ""));
            int fromLine = Integer.parseInt(m.group(2).replace(",", ""));
            assertThat(written).as("some items fitted, not all").isPositive().isLessThan(records);
            assertThat(held).as("the table holds exactly the items said to be written").isEqualTo(written);
            assertThat(fromLine).isGreaterThan(written - 25).isLessThanOrEqualTo(written + 1);
            try (EmbeddedDynamo e = EmbeddedDynamo.start(config); DynamoDbClient c = DynamoClients.dynamo(e.endpoint())) {
                assertThat(count(c)).as("and after a restart").isEqualTo(written);
            }
        } finally {
            DiskFullTest.run("umount", "-l", mount.toString());
        }
    }
}
