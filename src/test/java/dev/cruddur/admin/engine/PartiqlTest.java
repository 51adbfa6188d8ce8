package dev.cruddur.admin.engine;

import dev.cruddur.admin.testsupport.DynamoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.cruddur.admin.engine.DifferentialTest.l;
import static dev.cruddur.admin.engine.DifferentialTest.m;
import static dev.cruddur.admin.engine.DifferentialTest.map;
import static dev.cruddur.admin.engine.DifferentialTest.n;
import static dev.cruddur.admin.engine.DifferentialTest.s;
import static dev.cruddur.admin.engine.DifferentialTest.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PartiQL through the AWS SDK v2 against the embedded endpoint: the reference's examples, each clause with
 * its items compared to the same read made with Query or Scan and expressions, paging, and every error kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class PartiqlTest {
    private static final String T = "pq-messages";
    private EmbeddedDynamo engine;
    private DynamoDbClient client;

    @BeforeAll
    void start() {
        engine = EmbeddedDynamo.start(EngineConfig.inMemory());
        client = DynamoClients.dynamo(engine.endpoint());
        client.createTable(r -> r.tableName(T)
                .attributeDefinitions(DiffData.attr("pk", "S"), DiffData.attr("sk", "S"), DiffData.attr("g", "S"))
                .keySchema(DiffData.key("pk", KeyType.HASH), DiffData.key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(i -> i.indexName("by-g").keySchema(DiffData.key("g", KeyType.HASH), DiffData.key("sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.createTable(r -> r.tableName("Music")
                .attributeDefinitions(DiffData.attr("Artist", "S"), DiffData.attr("SongTitle", "S"))
                .keySchema(DiffData.key("Artist", KeyType.HASH), DiffData.key("SongTitle", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 12; i++) {
                String sk = (i % 2 == 0 ? "2023-" : "2024-") + String.format("%02d", i);
                Map<String, AttributeValue> item = map("pk", s("p" + p), "sk", s(sk), "n", n(Integer.toString(i)),
                        "g", s(i % 3 == 0 ? "odd" : "even"), "body", s("x".repeat(i)),
                        "meta", m("author", s("u" + (i % 4)), "level", n(Integer.toString(i % 3))),
                        "tags", l(s("t" + (i % 2)), s("t" + (i % 5))), "labels", ss("a" + (i % 2), "b"));
                if (i % 4 == 0) item.remove("n");
                client.putItem(x -> x.tableName(T).item(item));
            }
        }
    }

    @AfterAll
    void stop() {
        client.close();
        engine.close();
    }

    // ---- helpers

    private List<Map<String, AttributeValue>> partiql(String statement, Integer limit, AttributeValue... params) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        String token = null;
        for (int page = 0; page < 200; page++) {
            String t = token;
            ExecuteStatementResponse r = client.executeStatement(e -> {
                e.statement(statement).limit(limit).nextToken(t);
                if (params.length > 0) e.parameters(params);
            });
            out.addAll(r.items());
            token = r.nextToken();
            if (token == null) return out;
        }
        throw new AssertionError("never ended");
    }

    private List<Map<String, AttributeValue>> query(Consumer<QueryRequest.Builder> request) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> s = start;
            QueryResponse r = client.query(q -> { request.accept(q.tableName(T)); if (s != null) q.exclusiveStartKey(s); });
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private List<Map<String, AttributeValue>> scan(Consumer<ScanRequest.Builder> request) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> s = start;
            ScanResponse r = client.scan(q -> { request.accept(q.tableName(T)); if (s != null) q.exclusiveStartKey(s); });
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    // ---- SELECT against Query and Scan

    @Test
    void partitionEqualityRunsAsQueryInSortKeyOrder() {
        var expected = query(q -> q.keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("p1"))));
        assertThat(expected).hasSize(12);
        assertThat(partiql("SELECT * FROM \"" + T + "\" WHERE pk = 'p1'", null)).isEqualTo(expected);
        assertThat(partiql("SELECT * FROM \"" + T + "\" WHERE pk = ?", 5, s("p1"))).isEqualTo(expected);
    }

    @Test
    void sortKeyConditionsNarrowTheQuery() {
        assertThat(partiql("SELECT * FROM \"" + T + "\" WHERE pk = ? AND begins_with(sk, '2023')", 3, s("p0")))
                .isEqualTo(query(q -> q.keyConditionExpression("pk = :p AND begins_with(sk, :y)").expressionAttributeValues(map(":p", s("p0"), ":y", s("2023")))))
                .hasSize(6);
        assertThat(partiql("SELECT * FROM \"" + T + "\" WHERE pk = 'p0' AND sk BETWEEN '2023-02' AND '2024-07'", 4))
                .isEqualTo(query(q -> q.keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b").expressionAttributeValues(map(":p", s("p0"), ":a", s("2023-02"), ":b", s("2024-07")))));
        assertThat(partiql("SELECT * FROM \"" + T + "\" WHERE '2024-00' < sk AND pk = 'p2'", null))
                .isEqualTo(query(q -> q.keyConditionExpression("pk = :p AND sk > :a").expressionAttributeValues(map(":p", s("p2"), ":a", s("2024-00")))));
    }

    @Test
    void orderByTheSortKeyDescendingReadsBackwards() {
        assertThat(partiql("SELECT * FROM \"" + T + "\" WHERE pk = 'p1' AND sk >= '2023-04' ORDER BY sk DESC", 5))
                .isEqualTo(query(q -> q.keyConditionExpression("pk = :p AND sk >= :a").scanIndexForward(false).limit(5)
                        .expressionAttributeValues(map(":p", s("p1"), ":a", s("2023-04")))));
    }

    @Test
    void inOnThePartitionKeyQueriesEachPartition() {
        List<Map<String, AttributeValue>> expected = new ArrayList<>();
        for (String p : List.of("p2", "p0"))
            expected.addAll(query(q -> q.keyConditionExpression("pk = :p").filterExpression("n > :n").expressionAttributeValues(map(":p", s(p), ":n", n("3")))));
        assertThat(partiql("SELECT * FROM \"" + T + "\" WHERE pk IN ['p2', 'p0'] AND n > 3", 4)).isEqualTo(expected);
        assertThat(partiql("SELECT * FROM \"" + T + "\" WHERE (pk = 'p2' OR pk = 'p0') AND n > 3", null)).isEqualTo(expected);
        // ORDER BY the partition key orders the partitions too
        List<Map<String, AttributeValue>> ordered = new ArrayList<>(expected.subList(expected.size() / 2, expected.size()));
        ordered.addAll(expected.subList(0, expected.size() / 2));
        assertThat(partiql("SELECT * FROM \"" + T + "\" WHERE pk IN ['p2', 'p0'] AND n > 3 ORDER BY pk", 3)).hasSameElementsAs(expected)
                .first().satisfies(i -> assertThat(i.get("pk")).isEqualTo(s("p0")));
    }

    @Test
    void filtersWithoutThePartitionKeyScan() {
        String[][] cases = {
                {"n > 3 AND (g = 'odd' OR NOT contains(tags, 't3'))", "n > :a AND (g = :odd OR NOT contains(tags, :t3))"},
                {"attribute_type(n, 'N') AND size(body) >= 7", "attribute_type(n, :N) AND size(body) >= :seven"},
                {"n IS MISSING", "attribute_not_exists(n)"},
                {"n IS NOT MISSING AND n IN [1, 2, 3, 9]", "attribute_exists(n) AND n IN (:one, :two, :three, :nine)"},
                {"NOT n BETWEEN 2 AND 8", "NOT n BETWEEN :two AND :eight"},
                {"meta.level = 2 AND tags[1] <> 't0'", "meta.#level = :two AND tags[1] <> :t0"},
                {"contains(labels, 'a1') AND begins_with(sk, '2024')", "contains(labels, :a1) AND begins_with(sk, :y)"},
                {"sk > '2023-05' OR pk = 'p1'", "sk > :s5 OR pk = :p1"},
        };
        Map<String, AttributeValue> values = map(":a", n("3"), ":odd", s("odd"), ":t3", s("t3"), ":N", s("N"), ":seven", n("7"),
                ":one", n("1"), ":two", n("2"), ":three", n("3"), ":nine", n("9"), ":eight", n("8"), ":t0", s("t0"), ":a1", s("a1"),
                ":y", s("2024"), ":s5", s("2023-05"), ":p1", s("p1"));
        for (String[] c : cases) {
            var expected = scan(q -> {
                q.filterExpression(c[1]);
                Map<String, AttributeValue> used = new java.util.LinkedHashMap<>();
                values.forEach((k, v) -> { if (c[1].matches(".*" + k + "\\b.*")) used.put(k, v); });
                if (!used.isEmpty()) q.expressionAttributeValues(used);
                if (c[1].contains("#level")) q.expressionAttributeNames(Map.of("#level", "level"));
            });
            assertThat(partiql("SELECT * FROM \"" + T + "\" WHERE " + c[0], 7)).as(c[0]).isEqualTo(expected).isNotEmpty();
        }
    }

    @Test
    void projectionOfNestedPaths() {
        var expected = scan(q -> q.projectionExpression("pk, meta.author, tags[0]").filterExpression("meta.#l = :two")
                .expressionAttributeNames(Map.of("#l", "level")).expressionAttributeValues(map(":two", n("2"))));
        assertThat(partiql("SELECT pk, meta.author, tags[0] FROM \"" + T + "\" WHERE meta.\"level\" = 2", null)).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void indexReadsQueryTheIndex() {
        var expected = query(q -> q.indexName("by-g").keyConditionExpression("g = :g AND begins_with(sk, :y)")
                .expressionAttributeValues(map(":g", s("odd"), ":y", s("2024"))));
        assertThat(partiql("SELECT * FROM \"" + T + "\".\"by-g\" WHERE g = 'odd' AND begins_with(sk, '2024')", 2)).isEqualTo(expected).isNotEmpty();
        var all = scan(q -> q.indexName("by-g"));
        assertThat(partiql("SELECT * FROM \"" + T + "\".\"by-g\"", 5)).isEqualTo(all);
    }

    @Test
    void limitPagesLikeQueryAndReportsCapacity() {
        ExecuteStatementResponse first = client.executeStatement(e -> e.statement("SELECT * FROM \"" + T + "\" WHERE pk = 'p1'").limit(5)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).consistentRead(true));
        QueryResponse same = client.query(q -> q.tableName(T).keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("p1"))).limit(5)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).consistentRead(true));
        assertThat(first.items()).isEqualTo(same.items());
        assertThat(first.nextToken()).isNotNull();
        assertThat(first.consumedCapacity().capacityUnits()).isEqualTo(same.consumedCapacity().capacityUnits());
        ExecuteStatementResponse second = client.executeStatement(e -> e.statement("SELECT * FROM \"" + T + "\" WHERE pk = 'p1'").limit(5).nextToken(first.nextToken()));
        assertThat(second.items()).isEqualTo(client.query(q -> q.tableName(T).keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("p1")))
                .limit(5).exclusiveStartKey(same.lastEvaluatedKey())).items());
        ExecuteStatementResponse scanned = client.executeStatement(e -> e.statement("SELECT * FROM \"" + T + "\"").limit(36));
        assertThat(scanned.items()).hasSize(36);
    }

    // ---- writes: the reference's examples

    @Test
    void referenceExamplesInsertUpdateDelete() {
        client.executeStatement(e -> e.statement("INSERT INTO \"Music\" value {'Artist' : 'Acme Band','SongTitle' : 'PartiQL Rocks'}"));
        Map<String, AttributeValue> key = map("Artist", s("Acme Band"), "SongTitle", s("PartiQL Rocks"));
        assertThat(client.getItem(g -> g.tableName("Music").key(key)).item()).isEqualTo(key);

        client.executeStatement(e -> e.statement("UPDATE \"Music\" SET AwardsWon=1 SET AwardDetail={'Grammys':[2020, 2018]} "
                + "WHERE Artist='Acme Band' AND SongTitle='PartiQL Rocks'"));
        assertThat(item(key)).containsEntry("AwardsWon", n("1")).containsEntry("AwardDetail", m("Grammys", l(n("2020"), n("2018"))));

        ExecuteStatementResponse old = client.executeStatement(e -> e.statement("UPDATE \"Music\" SET AwardsWon = AwardsWon + 1 "
                + "WHERE Artist='Acme Band' AND SongTitle='PartiQL Rocks' RETURNING ALL OLD *"));
        assertThat(old.items()).singleElement().satisfies(i -> assertThat(i).containsEntry("AwardsWon", n("1")));

        client.executeStatement(e -> e.statement("UPDATE \"Music\" SET AwardDetail.Grammys =list_append(AwardDetail.Grammys,[2016]) "
                + "WHERE Artist='Acme Band' AND SongTitle='PartiQL Rocks'"));
        client.executeStatement(e -> e.statement("UPDATE \"Music\" REMOVE AwardDetail.Grammys[2] WHERE Artist='Acme Band' AND SongTitle='PartiQL Rocks'"));
        client.executeStatement(e -> e.statement("UPDATE \"Music\" SET BandMembers =<<'member1', 'member2'>> WHERE Artist='Acme Band' AND SongTitle='PartiQL Rocks'"));
        client.executeStatement(e -> e.statement("UPDATE \"Music\" SET BandMembers =set_add(BandMembers, <<'newmember'>>) WHERE Artist='Acme Band' AND SongTitle='PartiQL Rocks'"));
        ExecuteStatementResponse modified = client.executeStatement(e -> e.statement("UPDATE \"Music\" SET BandMembers =set_delete(BandMembers, <<'member1'>>) "
                + "WHERE Artist='Acme Band' AND SongTitle='PartiQL Rocks' RETURNING MODIFIED NEW *"));
        assertThat(modified.items().get(0)).containsOnlyKeys("BandMembers");
        assertThat(new HashSet<>(item(key).get("BandMembers").ss())).containsExactlyInAnyOrder("member2", "newmember");
        assertThat(item(key).get("AwardDetail")).isEqualTo(m("Grammys", l(n("2020"), n("2018"))));
        assertThat(item(key)).containsEntry("AwardsWon", n("2"));

        // the same update through UpdateItem gives the same item
        client.putItem(p -> p.tableName("Music").item(map("Artist", s("Twin"), "SongTitle", s("x"), "AwardsWon", n("2"))));
        client.updateItem(u -> u.tableName("Music").key(map("Artist", s("Twin"), "SongTitle", s("x"))).updateExpression("SET AwardsWon = AwardsWon + :one ADD Fans :f")
                .expressionAttributeValues(map(":one", n("1"), ":f", ss("z"))));
        client.putItem(p -> p.tableName("Music").item(map("Artist", s("Twin"), "SongTitle", s("y"), "AwardsWon", n("2"))));
        client.executeStatement(e -> e.statement("UPDATE Music SET AwardsWon = AwardsWon + 1 SET Fans = set_add(Fans, <<'z'>>) WHERE Artist = ? AND SongTitle = ?")
                .parameters(s("Twin"), s("y")));
        Map<String, AttributeValue> x = new java.util.HashMap<>(item(map("Artist", s("Twin"), "SongTitle", s("x"))));
        Map<String, AttributeValue> y = new java.util.HashMap<>(item(map("Artist", s("Twin"), "SongTitle", s("y"))));
        x.remove("SongTitle");
        y.remove("SongTitle");
        assertThat(y).isEqualTo(x);

        ExecuteStatementResponse deleted = client.executeStatement(e -> e.statement(
                "DELETE FROM \"Music\" WHERE \"Artist\" = 'Acme Band' AND \"SongTitle\" = 'PartiQL Rocks' RETURNING ALL OLD *"));
        assertThat(deleted.items().get(0)).containsEntry("Artist", s("Acme Band"));
        assertThat(client.getItem(g -> g.tableName("Music").key(key)).hasItem()).isFalse();
        // deleting an absent item succeeds with nothing deleted
        assertThat(client.executeStatement(e -> e.statement("DELETE FROM Music WHERE Artist = 'nobody' AND SongTitle = 'none'")).items()).isEmpty();
    }

    private Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        return client.getItem(g -> g.tableName("Music").key(key).consistentRead(true)).item();
    }

    // ---- errors

    @Test
    void errorsCarryDynamoDbTypesAndMessages() {
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("SELEKT * FROM Music")))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("Statement wasn't well formed, can't be processed: ")
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("SELECT * FROM Music WHERE Artist = 'a")))
                .hasMessageStartingWith("Statement wasn't well formed, can't be processed: ");
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("UPDATE Music SET a = 1 WHERE Artist = 'a'")))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("Where clause does not contain a mandatory equality on all key attributes");
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("DELETE FROM Music WHERE SongTitle = 'a'")))
                .hasMessageStartingWith("Where clause does not contain a mandatory equality on all key attributes");
        client.executeStatement(e -> e.statement("INSERT INTO Music VALUE {'Artist': 'Dup', 'SongTitle': 'One', 'v': 1}"));
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("INSERT INTO Music VALUE {'Artist': 'Dup', 'SongTitle': 'One'}")))
                .isInstanceOf(DuplicateItemException.class).hasMessageStartingWith("Duplicate primary key exists in table");
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("INSERT INTO Music VALUE {'Artist': 'NoSong'}")))
                .hasMessageStartingWith("One or more parameter values were invalid: Missing the key SongTitle in the item");
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("UPDATE Music SET v = 2 WHERE Artist = 'Missing' AND SongTitle = 'One'")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("UPDATE Music SET v = 2 WHERE Artist = 'Dup' AND SongTitle = 'One' AND v = 5")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> assertThat(e.item()).containsEntry("v", n("1")));
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("UPDATE Music SET SongTitle = 'b' WHERE Artist = 'Dup' AND SongTitle = 'One'")))
                .hasMessageContaining("Cannot update attribute SongTitle. This attribute is part of the key");
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("SELECT * FROM nothing_here")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("SELECT * FROM Music WHERE Artist = ?")))
                .hasMessageStartingWith("Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("SELECT * FROM Music WHERE Artist = ?").parameters(s("a"), s("b"))))
                .hasMessageStartingWith("Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("SELECT * FROM Music WHERE v = 1 ORDER BY SongTitle")))
                .hasMessageStartingWith("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("SELECT * FROM Music ORDER BY SongTitle")))
                .hasMessageStartingWith("Must have WHERE clause in the statement when using ORDER BY clause.");
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("SELECT * FROM \"" + T + "\".\"by-g\" WHERE g = 'odd'").consistentRead(true)))
                .hasMessageStartingWith("Consistent reads are not supported on global secondary indexes");
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("SELECT * FROM Music").nextToken("garbage!")))
                .hasMessageStartingWith("The provided NextToken is invalid");
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("SELECT * FROM Music").limit(0)))
                .hasMessageContaining("at 'limit' failed to satisfy constraint");
    }

    // ---- batches and transactions

    @Test
    void batchAnswersEachStatementOnItsOwn() {
        BatchExecuteStatementResponse w = client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("INSERT INTO Music VALUE {'Artist': 'Batch', 'SongTitle': 'A'}").build(),
                BatchStatementRequest.builder().statement("INSERT INTO Music VALUE {'Artist': ?, 'SongTitle': 'B'}").parameters(s("Batch")).build(),
                BatchStatementRequest.builder().statement("INSERT INTO Music VALUE {'Artist': 'Batch', 'SongTitle': 'A'}").build(),
                BatchStatementRequest.builder().statement("UPDATE Music SET x = 1 WHERE Artist = 'Batch'").build()));
        assertThat(w.responses().get(0).error()).isNull();
        assertThat(w.responses().get(1).error()).isNull();
        assertThat(w.responses().get(2).error().code()).isEqualTo(BatchStatementErrorCodeEnum.DUPLICATE_ITEM);
        assertThat(w.responses().get(3).error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
        BatchExecuteStatementResponse r = client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("SELECT * FROM Music WHERE Artist = 'Batch' AND SongTitle = 'B'").build(),
                BatchStatementRequest.builder().statement("SELECT * FROM Music WHERE Artist = 'Batch' AND SongTitle = 'Z'").build()));
        assertThat(r.responses().get(0).item()).isEqualTo(map("Artist", s("Batch"), "SongTitle", s("B")));
        assertThat(r.responses().get(1).hasItem()).isFalse();
    }

    @Test
    void transactionAppliesAllOrNoneWithReasons() {
        client.executeTransaction(t -> t.transactStatements(
                ParameterizedStatement.builder().statement("INSERT INTO Music VALUE {'Artist': 'Tx', 'SongTitle': 'A', 'v': 1}").build(),
                ParameterizedStatement.builder().statement("INSERT INTO Music VALUE {'Artist': 'Tx', 'SongTitle': 'B', 'v': 1}").build()));
        assertThatThrownBy(() -> client.executeTransaction(t -> t.transactStatements(
                ParameterizedStatement.builder().statement("UPDATE Music SET v = 2 WHERE Artist = 'Tx' AND SongTitle = 'A'").build(),
                ParameterizedStatement.builder().statement("INSERT INTO Music VALUE {'Artist': 'Tx', 'SongTitle': 'B'}").build(),
                ParameterizedStatement.builder().statement("EXISTS(SELECT * FROM Music WHERE Artist = 'Tx' AND SongTitle = 'C')").build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(CancellationReason::code).containsExactly("None", "DuplicateItem", "ConditionalCheckFailed"));
        assertThat(item(map("Artist", s("Tx"), "SongTitle", s("A")))).containsEntry("v", n("1"));
        client.executeTransaction(t -> t.transactStatements(
                ParameterizedStatement.builder().statement("UPDATE Music SET v = 2 WHERE Artist = 'Tx' AND SongTitle = 'A'").build(),
                ParameterizedStatement.builder().statement("EXISTS(SELECT * FROM Music WHERE Artist = 'Tx' AND SongTitle = 'B' AND v = 1)").build()));
        ExecuteTransactionResponse read = client.executeTransaction(t -> t.transactStatements(
                ParameterizedStatement.builder().statement("SELECT v FROM Music WHERE Artist = 'Tx' AND SongTitle = ?").parameters(s("A")).build(),
                ParameterizedStatement.builder().statement("SELECT * FROM Music WHERE Artist = 'Tx' AND SongTitle = 'none'").build()));
        assertThat(read.responses().get(0).item()).isEqualTo(map("v", n("2")));
        assertThat(read.responses().get(1).hasItem()).isFalse();
    }

    @Test
    void transactionTokensMakeARetryANoOpAndMixedRequestsAreRefused() {
        List<ParameterizedStatement> once = List.of(ParameterizedStatement.builder()
                .statement("UPDATE Music SET plays = if_not_exists(plays, 0) + 1 WHERE Artist = 'Idem' AND SongTitle = 'Potent'").build());
        client.executeStatement(e -> e.statement("INSERT INTO Music VALUE {'Artist': 'Idem', 'SongTitle': 'Potent'}"));
        client.executeTransaction(t -> t.transactStatements(once).clientRequestToken("token-1"));
        client.executeTransaction(t -> t.transactStatements(once).clientRequestToken("token-1"));
        assertThat(item(map("Artist", s("Idem"), "SongTitle", s("Potent")))).containsEntry("plays", n("1"));
        assertThatThrownBy(() -> client.executeTransaction(t -> t.clientRequestToken("token-1").transactStatements(
                ParameterizedStatement.builder().statement("DELETE FROM Music WHERE Artist = 'Idem' AND SongTitle = 'Potent'").build())))
                .isInstanceOf(IdempotentParameterMismatchException.class);
        assertThatThrownBy(() -> client.executeTransaction(t -> t.transactStatements(
                ParameterizedStatement.builder().statement("SELECT * FROM Music WHERE Artist = 'Idem' AND SongTitle = 'Potent'").build(),
                ParameterizedStatement.builder().statement("DELETE FROM Music WHERE Artist = 'Idem' AND SongTitle = 'Potent'").build())))
                .hasMessageStartingWith("Transactions must contain either all read statements or all write statements");
        assertThatThrownBy(() -> client.executeTransaction(t -> t.transactStatements(
                ParameterizedStatement.builder().statement("UPDATE Music SET a = 1 WHERE Artist = 'Idem' AND SongTitle = 'Potent'").build(),
                ParameterizedStatement.builder().statement("DELETE FROM Music WHERE Artist = 'Idem' AND SongTitle = 'Potent'").build())))
                .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
        assertThatThrownBy(() -> client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("SELECT * FROM Music WHERE Artist = 'Idem' AND SongTitle = 'Potent'").build(),
                BatchStatementRequest.builder().statement("DELETE FROM Music WHERE Artist = 'Idem' AND SongTitle = 'Potent'").build())))
                .hasMessageStartingWith("Batch statements must be either all read statements or all write statements");
        assertThatThrownBy(() -> client.executeStatement(e -> e.statement("EXISTS(SELECT * FROM Music WHERE Artist = 'Idem' AND SongTitle = 'Potent')")))
                .hasMessageStartingWith("EXISTS is only supported as a condition check in ExecuteTransaction");
    }

    // ---- writes are logged, streamed and durable like every other write

    @Test
    void writesAreStreamedAndSurviveARestart(@TempDir Path dir) {
        try (EmbeddedDynamo durable = EmbeddedDynamo.start(EngineConfig.persistent(dir));
             DynamoDbClient c = DynamoClients.dynamo(durable.endpoint());
             DynamoDbStreamsClient streams = DynamoClients.streams(durable.endpoint())) {
            String arn = c.createTable(r -> r.tableName("pq_st").attributeDefinitions(DiffData.attr("pk", "S")).keySchema(DiffData.key("pk", KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST).streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                    .tableDescription().latestStreamArn();
            c.executeStatement(e -> e.statement("INSERT INTO pq_st VALUE {'pk': 'a', 'v': 1}"));
            c.executeStatement(e -> e.statement("UPDATE pq_st SET v = 2 WHERE pk = 'a'"));
            c.executeStatement(e -> e.statement("INSERT INTO pq_st VALUE {'pk': 'b'}"));
            c.executeStatement(e -> e.statement("DELETE FROM pq_st WHERE pk = 'b'"));
            String shard = streams.describeStream(d -> d.streamArn(arn)).streamDescription().shards().get(0).shardId();
            String it = streams.getShardIterator(g -> g.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            List<software.amazon.awssdk.services.dynamodb.model.Record> records = streams.getRecords(g -> g.shardIterator(it)).records();
            assertThat(records).extracting(software.amazon.awssdk.services.dynamodb.model.Record::eventNameAsString)
                    .containsExactly("INSERT", "MODIFY", "INSERT", "REMOVE");
        }
        try (EmbeddedDynamo reopened = EmbeddedDynamo.start(EngineConfig.persistent(dir));
             DynamoDbClient c = DynamoClients.dynamo(reopened.endpoint())) {
            assertThat(c.executeStatement(e -> e.statement("SELECT * FROM pq_st")).items()).containsExactly(map("pk", s("a"), "v", n("2")));
        }
    }
}
