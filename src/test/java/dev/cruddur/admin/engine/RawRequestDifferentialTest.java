package dev.cruddur.admin.engine;

import dev.cruddur.admin.testsupport.DynaliteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cruddur.admin.testsupport.RawDynamoRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests as bytes on the wire, to the embedded endpoint and to dynalite: the error answers must agree in
 * status, {@code __type} (namespace included, which the SDKs hide) and message, word for word. These are the
 * checks DynamoDB makes before it looks at any table: serialization of each member, then the API model's
 * constraints; so most cases name a table that does not exist, which must not be what is reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class RawRequestDifferentialTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedDynamo engine;
    private DynaliteServer dynalite;

    record Case(String action, String body) {
        @Override public String toString() { return action + " " + body; }
    }

    @BeforeAll
    void start() throws Exception {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        dynalite = DynaliteServer.start();
        String table = "{\"TableName\":\"present\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}";
        for (URI u : List.of(engine.endpoint(), dynalite.endpoint())) assertThat(send(u, "CreateTable", table).statusCode()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        engine.close();
        dynalite.close();
    }

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        // serialization: each kind of wrong JSON type for each kind of member
        for (String op : List.of("GetItem", "PutItem", "DeleteItem", "UpdateItem", "Query", "Scan", "DescribeTable", "DeleteTable")) {
            all.add(new Case(op, "{\"TableName\":1.5}"));
            all.add(new Case(op, "{\"TableName\":12}"));
            all.add(new Case(op, "{\"TableName\":true}"));
            all.add(new Case(op, "{\"TableName\":[\"a\"]}"));
            all.add(new Case(op, "{\"TableName\":{}}"));
            all.add(new Case(op, "{}"));
            all.add(new Case(op, "{\"TableName\":\"ab\"}"));
            all.add(new Case(op, "{\"TableName\":\"a;b\"}"));
        }
        for (String op : List.of("GetItem", "DeleteItem")) {
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":1}"));
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":[]}"));
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":{\"pk\":\"x\"}}"));
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":{\"pk\":[]}}"));
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"S\":1}}}"));
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"N\":1.5}}}"));
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"B\":\"abc\"}}}"));
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"BOOL\":2}}}"));
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"SS\":\"a\"}}}"));
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"L\":{}}}}"));
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"M\":[]}}}"));
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ReturnConsumedCapacity\":\"SOME\"}"));
            all.add(new Case(op, "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ReturnConsumedCapacity\":true}"));
        }
        all.add(new Case("GetItem", "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ConsistentRead\":1}"));
        all.add(new Case("GetItem", "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ConsistentRead\":\"maybe\"}"));
        all.add(new Case("GetItem", "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ExpressionAttributeNames\":[]}"));
        all.add(new Case("GetItem", "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ExpressionAttributeNames\":{\"#a\":1}}"));
        all.add(new Case("GetItem", "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ProjectionExpression\":{}}"));
        all.add(new Case("PutItem", "{\"TableName\":\"missing\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"ReturnValues\":\"NEW\"}"));
        all.add(new Case("PutItem", "{\"TableName\":\"missing\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"ReturnValues\":5}"));
        all.add(new Case("PutItem", "{\"TableName\":\"missing\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"ConditionExpression\":[]}"));
        all.add(new Case("PutItem", "{\"TableName\":\"missing\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"ExpressionAttributeValues\":{\":v\":\"x\"}}"));
        all.add(new Case("PutItem", "{\"TableName\":\"missing\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"ReturnItemCollectionMetrics\":\"ALL\"}"));
        all.add(new Case("Query", "{\"TableName\":\"missing\",\"Limit\":\"5\"}"));
        all.add(new Case("Query", "{\"TableName\":\"missing\",\"Limit\":true}"));
        all.add(new Case("Query", "{\"TableName\":\"missing\",\"Limit\":0,\"Select\":\"SOME\",\"IndexName\":\"ix\"}"));
        all.add(new Case("Query", "{\"TableName\":\"missing\",\"ScanIndexForward\":\"sideways\"}"));
        all.add(new Case("Query", "{\"TableName\":\"missing\",\"KeyConditionExpression\":5}"));
        all.add(new Case("Query", "{\"TableName\":\"missing\",\"ExclusiveStartKey\":[]}"));
        all.add(new Case("Scan", "{\"TableName\":\"missing\",\"Segment\":-1,\"TotalSegments\":0}"));
        all.add(new Case("Scan", "{\"TableName\":\"missing\",\"Segment\":\"1\"}"));
        all.add(new Case("Scan", "{\"TableName\":\"missing\",\"Limit\":0}"));
        all.add(new Case("Scan", "{\"TableName\":\"missing\",\"Select\":\"NOTHING\",\"Limit\":-3,\"ReturnConsumedCapacity\":\"X\"}"));
        all.add(new Case("UpdateItem", "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"UpdateExpression\":7}"));
        all.add(new Case("UpdateItem", "{\"TableName\":\"missing\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"ReturnValues\":\"EVERYTHING\"}"));
        all.add(new Case("BatchGetItem", "{}"));
        all.add(new Case("BatchGetItem", "{\"RequestItems\":[]}"));
        all.add(new Case("BatchGetItem", "{\"RequestItems\":{\"missing\":{\"Keys\":{}}}}"));
        all.add(new Case("BatchWriteItem", "{}"));
        all.add(new Case("BatchWriteItem", "{\"RequestItems\":{\"missing\":{}}}"));
        all.add(new Case("ListTables", "{\"Limit\":0}"));
        all.add(new Case("ListTables", "{\"Limit\":101,\"ExclusiveStartTableName\":\"a;\"}"));
        all.add(new Case("ListTables", "{\"Limit\":\"1\"}"));
        all.add(new Case("ListTables", "{\"ExclusiveStartTableName\":true}"));
        all.add(new Case("CreateTable", "{}"));
        all.add(new Case("CreateTable", "{\"TableName\":\"ab\"}"));
        all.add(new Case("CreateTable", "{\"TableName\":\"abc\",\"KeySchema\":{}}"));
        all.add(new Case("CreateTable", "{\"TableName\":\"abc\",\"AttributeDefinitions\":[{\"AttributeName\":\"a\",\"AttributeType\":\"X\"}],\"KeySchema\":[]}"));
        all.add(new Case("DescribeTable", "{\"TableName\":\"" + "x".repeat(256) + "\"}"));
        all.add(new Case("DeleteTable", "{\"TableName\":\"ab\"}"));
        return all;
    }

    @ParameterizedTest(name = "{index} {0}")
    @MethodSource("cases")
    void refusesLikeDynalite(Case c) throws Exception {
        HttpResponse<String> theirs = send(dynalite.endpoint(), c.action(), c.body());
        HttpResponse<String> ours = send(engine.endpoint(), c.action(), c.body());
        assertThat(outcome(ours)).as(c.toString()).isEqualTo(outcome(theirs));
    }

    private static String outcome(HttpResponse<String> r) throws Exception {
        return RawDynamoRequests.outcome(r);
    }

    private HttpResponse<String> send(URI endpoint, String action, String body) throws Exception {
        return RawDynamoRequests.send(http, endpoint, "DynamoDB_20120810." + action, body);
    }
}
