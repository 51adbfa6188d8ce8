package dev.cruddur.admin.engine;

import dev.cruddur.admin.testsupport.DynamoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.cruddur.admin.engine.DifferentialTest.map;
import static dev.cruddur.admin.engine.DifferentialTest.n;
import static dev.cruddur.admin.engine.DifferentialTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * DynamoDB's documented expression limits (developer guide, "Expression parameters"): 4 KB per expression
 * string, 300 operators, 100 operands for IN, 32 levels of document path, 255 bytes per placeholder. One past each limit, with
 * DynamoDB's error type and message. dynalite 4.0.0 enforces none of them, so these cannot be differential;
 * the texts are DynamoDB's as DynamoDB Local and tests run against DynamoDB itself report them (Scylla's
 * Alternator test suite quotes "Invalid ConditionExpression: The expression contains too many operators;
 * operator count: 301" and "...Expression size has exceeded the maximum allowed size; expression size: N").
 * The placeholder message is DynamoDB Local's text in DynamoDB's "contains invalid key:" frame, not confirmed
 * against DynamoDB itself. The cases right at each limit are in the differential test (DiffCases.expressionLimits).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpressionLimitsTest {
    private EmbeddedDynamo engine;
    private DynamoDbClient c;

    @BeforeAll
    void start() {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        c = DynamoClients.dynamo(engine.endpoint());
        c.createTable(t -> t.tableName("limits").attributeDefinitions(DiffData.attr("pk", "S")).keySchema(DiffData.key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        c.putItem(p -> p.tableName("limits").item(map("pk", s("a"), "n", n("1"))));
    }

    @AfterAll
    void stop() {
        c.close();
        engine.close();
    }

    // ---- expression builders, shared with DiffCases

    /** n IN (:v, :v, ..., :w): operands operands. */
    static String inWith(int operands) {
        StringBuilder b = new StringBuilder("n IN (");
        for (int i = 0; i < operands - 1; i++) b.append(":v, ");
        return b.append(":w)").toString();
    }

    /** comparisons "n = :v" joined by OR (2k-1 operators), with a leading NOT when extra (2k). */
    static String comparisonsJoinedByOr(int comparisons, boolean leadingNot) {
        StringBuilder b = new StringBuilder(leadingNot ? "NOT n = :v" : "n = :v");
        for (int i = 1; i < comparisons; i++) b.append(" OR n = :v");
        return b.toString();
    }

    /** SET a0 = :v + :v, a1 = :v + :v, ...: one + per action, as many as operators. */
    static String sumsOf(int operators) {
        StringBuilder b = new StringBuilder("SET ");
        for (int i = 0; i < operators; i++) b.append(i == 0 ? "" : ",").append('a').append(i).append("=:v+:v");
        return b.toString();
    }

    /** The expression with trailing spaces up to exactly bytes UTF-8 bytes. */
    static String padded(String expression, int bytes) {
        return expression + " ".repeat(bytes - expression.getBytes(StandardCharsets.UTF_8).length);
    }

    /** m.a.a.a...: a document path of levels elements. */
    static String pathOf(int levels) {
        return "m" + ".a".repeat(levels - 1);
    }

    // ---- one past each limit

    private String validationMessage(Runnable call) {
        DynamoDbException e = catchThrowableOfType(call::run, DynamoDbException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.statusCode()).isEqualTo(400);
        return e.awsErrorDetails().errorMessage();
    }

    private String scanError(String filter) {
        return validationMessage(() -> c.scan(r -> r.tableName("limits").filterExpression(filter)
                .expressionAttributeValues(map(":v", n("1"), ":w", n("2")))));
    }

    @Test
    void anInWithMoreThan100OperandsIsRefused() {
        assertThat(scanError(inWith(101)))
                .isEqualTo("Invalid FilterExpression: The IN operator is provided with too many operands; number of operands: 101");
        assertThat(c.scan(r -> r.tableName("limits").filterExpression(inWith(100))
                .expressionAttributeValues(map(":v", n("1"), ":w", n("2")))).count()).isEqualTo(1);
    }

    @Test
    void moreThan300OperatorsAreRefusedAtTheFirstOnePast() {
        assertThat(scanError(comparisonsJoinedByOr(151, false)))
                .isEqualTo("Invalid FilterExpression: The expression contains too many operators; operator count: 301");
        // far past the limit the count still stops at 301, as DynamoDB's does
        assertThat(scanError(comparisonsJoinedByOr(400, true)))
                .isEqualTo("Invalid FilterExpression: The expression contains too many operators; operator count: 301");
        assertThat(validationMessage(() -> c.updateItem(u -> u.tableName("limits").key(map("pk", s("a")))
                .updateExpression(sumsOf(301)).expressionAttributeValues(map(":v", n("1"))))))
                .isEqualTo("Invalid UpdateExpression: The expression contains too many operators; operator count: 301");
        assertThat(validationMessage(() -> c.putItem(p -> p.tableName("limits").item(map("pk", s("b")))
                .conditionExpression("NOT " + comparisonsJoinedByOr(150, true)).expressionAttributeValues(map(":v", n("1"))))))
                .isEqualTo("Invalid ConditionExpression: The expression contains too many operators; operator count: 301");
        assertThat(c.getItem(g -> g.tableName("limits").key(map("pk", s("b")))).hasItem()).isFalse();
    }

    @Test
    void anExpressionOver4096BytesIsRefusedBeforeItIsParsed() {
        assertThat(scanError(padded("n = :v", 4097)))
                .isEqualTo("Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4097");
        // the size is checked first: a long expression that is also malformed is refused for its size
        assertThat(scanError("(".repeat(15000)))
                .isEqualTo("Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 15000");
        // bytes, not characters: 2,048 two-byte characters inside a name are 4,096 bytes plus the rest
        String wide = "#n = :v AND " + "\u00e0".repeat(2048) + " = :w";
        assertThat(scanError(wide)).contains("expression size: " + wide.getBytes(StandardCharsets.UTF_8).length);
        assertThat(validationMessage(() -> c.updateItem(u -> u.tableName("limits").key(map("pk", s("a")))
                .updateExpression(padded("SET n = :v", 4097)).expressionAttributeValues(map(":v", n("1"))))))
                .isEqualTo("Invalid UpdateExpression: Expression size has exceeded the maximum allowed size; expression size: 4097");
        assertThat(validationMessage(() -> c.getItem(g -> g.tableName("limits").key(map("pk", s("a")))
                .projectionExpression(padded("n", 5000)))))
                .isEqualTo("Invalid ProjectionExpression: Expression size has exceeded the maximum allowed size; expression size: 5000");
        assertThat(validationMessage(() -> c.query(q -> q.tableName("limits").keyConditionExpression(padded("pk = :v", 4097))
                .expressionAttributeValues(map(":v", s("a"))))))
                .isEqualTo("Invalid KeyConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097");
    }

    @Test
    void aDocumentPathDeeperThan32LevelsIsRefused() {
        assertThat(scanError(pathOf(33) + " = :v AND n = :w"))
                .isEqualTo("Invalid FilterExpression: The document path has too many nesting levels; nesting levels: 33");
        assertThat(c.scan(r -> r.tableName("limits").filterExpression(pathOf(32) + " = :v")
                .expressionAttributeValues(map(":v", n("1")))).count()).isZero();
    }

    @Test
    void theLimitsHoldInsideATransactionToo() {
        String message = validationMessage(() -> c.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder()
                .update(u -> u.tableName("limits").key(map("pk", s("a"))).updateExpression(sumsOf(301))
                        .expressionAttributeValues(map(":v", n("1")))).build())));
        assertThat(message).contains("The expression contains too many operators; operator count: 301");
        assertThat(c.getItem(g -> g.tableName("limits").key(map("pk", s("a")))).item()).isEqualTo(Map.of("pk", s("a"), "n", n("1")));
    }

    @Test
    void deeplyNestedExpressionsUnder4KBAreAnsweredAsDynamoDBAnswersThem() {
        // 2,040 parentheses deep: the parser goes ~8,000 frames down and must come back with DynamoDB's verdict
        assertThat(scanError("(".repeat(2040) + "n < :v" + ")".repeat(2040)))
                .isEqualTo("Invalid FilterExpression: The expression has redundant parentheses;");
        assertThat(scanError("n = " + "(".repeat(2040) + "n" + ")".repeat(2040)))
                .isEqualTo("Invalid FilterExpression: The expression has redundant parentheses;");
        assertThat(scanError("n < " + "f(".repeat(1360) + "n" + ")".repeat(1360)))
                .isEqualTo("Invalid FilterExpression: Invalid function name; function: f");
        assertThat(scanError("NOT ".repeat(1000) + "n < :v"))
                .isEqualTo("Invalid FilterExpression: The expression contains too many operators; operator count: 301");
        assertThat(validationMessage(() -> c.updateItem(u -> u.tableName("limits").key(map("pk", s("a")))
                .updateExpression("SET n = " + "f(".repeat(1360) + "n" + ")".repeat(1360)))))
                .isEqualTo("Invalid UpdateExpression: Invalid function name; function: f");
        assertThat(c.getItem(g -> g.tableName("limits").key(map("pk", s("a")))).item()).isEqualTo(Map.of("pk", s("a"), "n", n("1")));
    }

    @Test
    void aPlaceholderLongerThan255BytesIsRefused() {
        String name = "#" + "n".repeat(255), value = ":" + "v".repeat(255);
        assertThat(validationMessage(() -> c.scan(r -> r.tableName("limits").filterExpression(name + " = :v")
                .expressionAttributeNames(Map.of(name, "n")).expressionAttributeValues(map(":v", n("1"))))))
                .isEqualTo("ExpressionAttributeNames contains invalid key: The expression attribute map contains a key that is too long; size of key: 256");
        assertThat(validationMessage(() -> c.scan(r -> r.tableName("limits").filterExpression("n = " + value)
                .expressionAttributeValues(map(value, n("1"))))))
                .isEqualTo("ExpressionAttributeValues contains invalid key: The expression attribute map contains a key that is too long; size of key: 256");
        String longest = "#" + "n".repeat(254);
        assertThat(c.scan(r -> r.tableName("limits").filterExpression(longest + " = :v")
                .expressionAttributeNames(Map.of(longest, "n")).expressionAttributeValues(map(":v", n("1")))).count()).isEqualTo(1);
    }
}
