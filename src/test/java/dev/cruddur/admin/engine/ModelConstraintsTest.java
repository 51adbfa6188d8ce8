package dev.cruddur.admin.engine;

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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed checks of the operations dynalite lacks (TransactWriteItems, TransactGetItems, UpdateTimeToLive and
 * the Streams API), from the constraints of botocore's service model (see src/test/python): serialization first,
 * then "N validation error(s) detected: Value … at '…' failed to satisfy constraint: …", with the member path as
 * DynamoDB writes it (list positions from 1, ".member." inside lists), before any table or stream is looked up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ModelConstraintsTest {
    private static final String VALIDATION = "400 com.amazon.coral.validate#ValidationException message=";
    private static final String SERIALIZATION = "400 com.amazon.coral.service#SerializationException Message=";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedDynamo engine;

    record Case(String target, String body, String expected) {
        @Override public String toString() { return target + " " + body; }
    }

    @BeforeAll
    void start() {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    static List<Case> cases() {
        String d = "DynamoDB_20120810.", s = "DynamoDBStreams_20120810.";
        String item = "{\"pk\":{\"S\":\"a\"}}";
        return List.of(
                new Case(d + "TransactWriteItems", "{}",
                        VALIDATION + "1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null"),
                new Case(d + "TransactWriteItems", "{\"TransactItems\":[]}",
                        VALIDATION + "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1"),
                new Case(d + "TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"Item\":" + item + "}}]}",
                        VALIDATION + "1 validation error detected: Value null at 'transactItems.1.member.put.tableName' failed to satisfy constraint: Member must not be null"),
                new Case(d + "TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"t\",\"Item\":" + item + "}},{\"Delete\":{\"TableName\":\"\"}}],"
                        + "\"ReturnConsumedCapacity\":\"ALL\"}",
                        VALIDATION + "3 validation errors detected: Value null at 'transactItems.2.member.delete.key' failed to satisfy constraint: Member must not be null; "
                                + "Value '' at 'transactItems.2.member.delete.tableName' failed to satisfy constraint: Member must have length greater than or equal to 1; "
                                + "Value 'ALL' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]"),
                new Case(d + "TransactWriteItems", "{\"TransactItems\":[{\"ConditionCheck\":{\"TableName\":\"t\",\"Key\":" + item + "}}],\"ClientRequestToken\":\"" + "x".repeat(37) + "\"}",
                        VALIDATION + "2 validation errors detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: "
                                + "Member must not be null; Value '" + "x".repeat(37) + "' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36"),
                new Case(d + "TransactWriteItems", "{\"TransactItems\":{}}", SERIALIZATION + "Start of structure or map found where not expected"),
                new Case(d + "TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":5,\"Item\":" + item + "}}]}",
                        SERIALIZATION + "NUMBER_VALUE cannot be converted to String"),
                new Case(d + "TransactGetItems", "{\"TransactItems\":[{}]}",
                        VALIDATION + "1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy constraint: Member must not be null"),
                new Case(d + "TransactGetItems", "{\"TransactItems\":[{\"Get\":{\"TableName\":\"t\"}}],\"ReturnConsumedCapacity\":\"SOME\"}",
                        VALIDATION + "2 validation errors detected: Value null at 'transactItems.1.member.get.key' failed to satisfy constraint: Member must not be null; "
                                + "Value 'SOME' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]"),
                new Case(d + "UpdateTimeToLive", "{\"TableName\":\"t\"}",
                        VALIDATION + "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null"),
                new Case(d + "UpdateTimeToLive", "{\"TableName\":\"t\",\"TimeToLiveSpecification\":{\"AttributeName\":\"\"}}",
                        VALIDATION + "2 validation errors detected: Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null; "
                                + "Value '' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length greater than or equal to 1"),
                new Case(d + "UpdateTimeToLive", "{\"TableName\":\"t\",\"TimeToLiveSpecification\":{\"Enabled\":2.5,\"AttributeName\":\"ttl\"}}",
                        SERIALIZATION + "DECIMAL_VALUE cannot be converted to Boolean"),
                new Case(s + "GetShardIterator", "{}",
                        VALIDATION + "3 validation errors detected: Value null at 'streamArn' failed to satisfy constraint: Member must not be null; "
                                + "Value null at 'shardId' failed to satisfy constraint: Member must not be null; "
                                + "Value null at 'shardIteratorType' failed to satisfy constraint: Member must not be null"),
                new Case(s + "GetShardIterator", "{\"StreamArn\":\"arn\",\"ShardId\":\"shardId-1\",\"ShardIteratorType\":\"OLDEST\"}",
                        VALIDATION + "3 validation errors detected: Value 'arn' at 'streamArn' failed to satisfy constraint: Member must have length greater than or equal to 37; "
                                + "Value 'shardId-1' at 'shardId' failed to satisfy constraint: Member must have length greater than or equal to 28; "
                                + "Value 'OLDEST' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: "
                                + "[TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]"),
                new Case(s + "GetRecords", "{\"ShardIterator\":\"x\",\"Limit\":0}",
                        VALIDATION + "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"),
                new Case(s + "GetRecords", "{\"Limit\":\"5\"}", SERIALIZATION + "STRING_VALUE cannot be converted to Integer"),
                new Case(s + "ListStreams", "{\"TableName\":\"a;\",\"Limit\":0}",
                        VALIDATION + "3 validation errors detected: Value 'a;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                                + "Value 'a;' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3; "
                                + "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"),
                new Case(s + "DescribeStream", "{}",
                        VALIDATION + "1 validation error detected: Value null at 'streamArn' failed to satisfy constraint: Member must not be null"));
    }

    @ParameterizedTest(name = "{index} {0}")
    @MethodSource("cases")
    void refusedAsTheServiceModelSays(Case c) throws Exception {
        assertThat(outcome(send(engine.endpoint(), c.target(), c.body()))).as(c.toString()).isEqualTo(c.expected());
    }

    private static String outcome(HttpResponse<String> r) throws Exception {
        return RawDynamoRequests.outcome(r);
    }

    private HttpResponse<String> send(URI endpoint, String target, String body) throws Exception {
        return RawDynamoRequests.send(http, endpoint, target, body);
    }
}
