package dev.cruddur.admin.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cruddur.admin.testsupport.DynaliteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cruddur.admin.testsupport.RawDynamoRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table that is still CREATING, on the embedded endpoint (its create delay) and on dynalite (its
 * {@code --createTableMs}), both set far longer than the test runs: every item read and write is refused as
 * if the table did not exist, DeleteTable as a change to a resource in use, while DescribeTable describes
 * it. Compared as bytes on the wire: status, {@code __type} and message word for word.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CreatingTableDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STILL_CREATING = Duration.ofMinutes(10);
    private static final String TABLE = "{\"TableName\":\"creating\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
            + "{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
            + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedDynamo engine;
    private DynaliteServer dynalite;

    record Case(String action, String body) {
        @Override public String toString() { return action + " " + body; }
    }

    @BeforeAll
    void start() throws Exception {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory().withCreateTableDelay(STILL_CREATING));
        dynalite = DynaliteServer.startWithCreateDelay(STILL_CREATING.toMillis());
        for (URI u : List.of(engine.endpoint(), dynalite.endpoint())) {
            HttpResponse<String> created = send(u, "CreateTable", TABLE);
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(created.body()).at("/TableDescription/TableStatus").asText()).isEqualTo("CREATING");
        }
    }

    @AfterAll
    void stop() {
        engine.close();
        dynalite.close();
    }

    static List<Case> cases() {
        String key = "{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"1\"}}";
        return List.of(
                new Case("PutItem", "{\"TableName\":\"creating\",\"Item\":" + key + "}"),
                new Case("PutItem", "{\"TableName\":\"creating\",\"Item\":" + key + ",\"ConditionExpression\":\"attribute_not_exists(pk)\"}"),
                new Case("GetItem", "{\"TableName\":\"creating\",\"Key\":" + key + "}"),
                new Case("GetItem", "{\"TableName\":\"creating\",\"Key\":" + key + ",\"ProjectionExpression\":\"pk\"}"),
                new Case("UpdateItem", "{\"TableName\":\"creating\",\"Key\":" + key + ",\"UpdateExpression\":\"SET a = :a\",\"ExpressionAttributeValues\":{\":a\":{\"N\":\"1\"}}}"),
                new Case("UpdateItem", "{\"TableName\":\"creating\",\"Key\":" + key + ",\"AttributeUpdates\":{\"a\":{\"Action\":\"PUT\",\"Value\":{\"S\":\"x\"}}}}"),
                new Case("DeleteItem", "{\"TableName\":\"creating\",\"Key\":" + key + "}"),
                new Case("Query", "{\"TableName\":\"creating\",\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"a\"}}}"),
                new Case("Query", "{\"TableName\":\"creating\",\"KeyConditions\":{\"pk\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":\"a\"}]}}}"),
                new Case("Scan", "{\"TableName\":\"creating\"}"),
                new Case("Scan", "{\"TableName\":\"creating\",\"Segment\":0,\"TotalSegments\":2,\"Limit\":5}"),
                new Case("BatchGetItem", "{\"RequestItems\":{\"creating\":{\"Keys\":[" + key + "]}}}"),
                new Case("BatchWriteItem", "{\"RequestItems\":{\"creating\":[{\"PutRequest\":{\"Item\":" + key + "}}]}}"),
                new Case("BatchWriteItem", "{\"RequestItems\":{\"creating\":[{\"DeleteRequest\":{\"Key\":" + key + "}}]}}"),
                new Case("DeleteTable", "{\"TableName\":\"creating\"}"),
                // what is checked before the table still is: a missing key attribute, a bad expression
                new Case("GetItem", "{\"TableName\":\"creating\",\"Key\":{}}"),
                new Case("PutItem", "{\"TableName\":\"creating\",\"Item\":" + key + ",\"ConditionExpression\":\"a = :v\"}"));
    }

    @ParameterizedTest(name = "{index} {0}")
    @MethodSource("cases")
    void refusedAsDynaliteRefusesThem(Case c) throws Exception {
        HttpResponse<String> theirs = send(dynalite.endpoint(), c.action(), c.body());
        HttpResponse<String> ours = send(engine.endpoint(), c.action(), c.body());
        assertThat(outcome(ours)).as(c.toString()).isEqualTo(outcome(theirs));
        assertThat(ours.statusCode()).as(c.toString()).isEqualTo(400);
    }

    @Test
    void describedAsCreatingMeanwhile() throws Exception {
        for (URI u : List.of(engine.endpoint(), dynalite.endpoint())) {
            HttpResponse<String> described = send(u, "DescribeTable", "{\"TableName\":\"creating\"}");
            assertThat(described.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(described.body()).at("/Table/TableStatus").asText()).as(u.toString()).isEqualTo("CREATING");
        }
    }

    private static String outcome(HttpResponse<String> r) throws Exception {
        return RawDynamoRequests.outcome(r);
    }

    private HttpResponse<String> send(URI endpoint, String action, String body) throws Exception {
        return RawDynamoRequests.send(http, endpoint, "DynamoDB_20120810." + action, body);
    }
}
