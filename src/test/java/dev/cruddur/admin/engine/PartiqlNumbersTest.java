package dev.cruddur.admin.engine;

import dev.cruddur.admin.testsupport.DynamoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.cruddur.admin.engine.DifferentialTest.map;
import static dev.cruddur.admin.engine.DifferentialTest.n;
import static dev.cruddur.admin.engine.DifferentialTest.s;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PartiQL numbers follow DynamoDB's number rules (at most 38 significant digits, a magnitude from 1E-130 to
 * 9.9999999999999999999999999999999999999E+125), whether they are literals in the statement or parameters,
 * and are refused in the words PutItem uses for the same number. dynalite has no PartiQL, so it is the oracle
 * for the number itself: what its PutItem does with it (stores it, read back normalised, or refuses it, and
 * how) is what an INSERT of the same number into the embedded engine must do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class PartiqlNumbersTest {
    private static final String T = "pq_numbers";
    private EngineBesideDynalite both;
    private DynamoDbClient ours;
    private DynamoDbClient theirs;
    private final AtomicInteger next = new AtomicInteger();

    @BeforeAll
    void start() {
        both = new EngineBesideDynalite(c -> DynamoClients.createPkSkTable(c, T));
        ours = both.ours;
        theirs = both.theirs;
    }

    @AfterAll
    void stop() {
        both.close();
    }

    /** Numbers a PartiQL literal can spell: in range and normalised, or out of range one way or another. */
    static List<String> literals() {
        return List.of("1.50", "-0", "1e3", "0.000", "00012.3400", "-1.0E-5", "9.9999999999999999999999999999999999999E+125",
                "-9.9999999999999999999999999999999999999E+125", "1E-130", "12345678901234567890123456789012345678",
                "1e126", "-1e126", "10E+125", "1e-131", "0.1E-130", "123456789012345678901234567890123456789",
                "-1.23456789012345678901234567890123456789", "1234567890123456789012345678901234567800000");
    }

    /** A parameter's N may hold anything, so it adds text that is no number at all. */
    static List<String> parameters() {
        List<String> all = new java.util.ArrayList<>(literals());
        all.addAll(List.of("abc", "", " 1", "1..2", "0x10", "Infinity", "NaN"));
        return all;
    }

    /** dynalite's answer to PutItem of the number, then GetItem: "stored N:…" or "error Code: message". */
    private String putItemOnDynalite(String number) {
        String sk = "n" + next.incrementAndGet();
        try {
            theirs.putItem(r -> r.tableName(T).item(map("pk", s("num"), "sk", s(sk), "v", n(number))));
        } catch (DynamoDbException e) {
            return Canonical.error(e);
        }
        return "stored " + Canonical.value(theirs.getItem(r -> r.tableName(T).key(map("pk", s("num"), "sk", s(sk)))).item().get("v"));
    }

    /** The embedded engine's answer to an INSERT carrying the number (as {@code value}, a literal or ?), then GetItem. */
    private String insertOnEngine(String value, AttributeValue... parameters) {
        String sk = "n" + next.incrementAndGet();
        try {
            ours.executeStatement(r -> {
                r.statement("INSERT INTO \"" + T + "\" VALUE {'pk': 'num', 'sk': '" + sk + "', 'v': " + value + "}");
                if (parameters.length > 0) r.parameters(parameters);
            });
        } catch (DynamoDbException e) {
            return Canonical.error(e);
        }
        return "stored " + Canonical.value(ours.getItem(r -> r.tableName(T).key(map("pk", s("num"), "sk", s(sk)))).item().get("v"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("literals")
    void aNumberLiteralIsStoredOrRefusedAsPutItemStoresOrRefusesIt(String number) {
        assertThat(insertOnEngine(number)).isEqualTo(putItemOnDynalite(number));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("parameters")
    void aNumberParameterIsStoredOrRefusedAsPutItemStoresOrRefusesIt(String number) {
        assertThat(insertOnEngine("?", n(number))).isEqualTo(putItemOnDynalite(number));
    }

    @Test
    void anOutOfRangeLiteralAnywhereInAStatementIsRefusedAndChangesNothing() {
        ours.putItem(r -> r.tableName(T).item(map("pk", s("kept"), "sk", s("a"), "v", n("1"))));
        for (String bad : List.of("1e126", "1e-131", "123456789012345678901234567890123456789")) {
            String expected = putItemOnDynalite(bad);
            assertThat(expected).startsWith("error ValidationException: ");
            for (String statement : List.of(
                    "SELECT * FROM \"" + T + "\" WHERE pk = 'kept' AND v = " + bad,
                    "SELECT * FROM \"" + T + "\" WHERE pk = 'kept' AND v IN [1, " + bad + "]",
                    "UPDATE \"" + T + "\" SET v = " + bad + " WHERE pk = 'kept' AND sk = 'a'",
                    "UPDATE \"" + T + "\" SET v = v + " + bad + " WHERE pk = 'kept' AND sk = 'a'",
                    "UPDATE \"" + T + "\" SET v = <<1, " + bad + ">> WHERE pk = 'kept' AND sk = 'a'",
                    "UPDATE \"" + T + "\" SET v = [{'deep': -" + bad + "}] WHERE pk = 'kept' AND sk = 'a'",
                    "DELETE FROM \"" + T + "\" WHERE pk = 'kept' AND sk = 'a' AND v = " + bad)) {
                String actual;
                try {
                    ours.executeStatement(r -> r.statement(statement));
                    actual = "ok";
                } catch (DynamoDbException e) {
                    actual = Canonical.error(e);
                }
                // a negative number is refused for its magnitude, in the same words
                assertThat(actual).as(statement).isEqualTo(expected);
            }
        }
        Map<String, AttributeValue> kept = ours.getItem(r -> r.tableName(T).key(map("pk", s("kept"), "sk", s("a")))).item();
        assertThat(kept).containsEntry("v", n("1"));
    }
}
