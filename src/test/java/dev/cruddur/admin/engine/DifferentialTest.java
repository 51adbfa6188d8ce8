package dev.cruddur.admin.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same requests to the embedded endpoint and to dynalite; the answers (items and their order, counts,
 * LastEvaluatedKey, error code and message) must agree. Cases run in order against both, so a case that
 * writes leaves both endpoints in the same state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferentialTest {
    private EngineBesideDynalite both;
    private DynamoDbClient ours;
    private DynamoDbClient theirs;

    /** A request, and whether the error message (not only the error code) must match too. */
    record Case(String name, Function<DynamoDbClient, Object> call, boolean compareMessage) {
        @Override public String toString() { return name; }
    }

    @BeforeAll
    void start() {
        both = new EngineBesideDynalite(DiffData::create);
        ours = both.ours;
        theirs = both.theirs;
    }

    @AfterAll
    void stop() {
        both.close();
    }

    @ParameterizedTest(name = "{index} {0}")
    @MethodSource("cases")
    void answersLikeDynalite(Case c) {
        String expected = Canonical.outcome(() -> c.call().apply(theirs));
        String actual = Canonical.outcome(() -> c.call().apply(ours));
        if (!c.compareMessage() && expected.startsWith("error ")) {
            expected = expected.substring(0, expected.indexOf(':'));
            actual = actual.contains(":") ? actual.substring(0, actual.indexOf(':')) : actual;
        }
        assertThat(actual).as(c.name()).isEqualTo(expected);
    }

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        DiffCases.filters(all);
        DiffCases.filterErrors(all);
        DiffCases.queries(all);
        DiffCases.queryErrors(all);
        DiffCases.ordering(all);
        DiffCases.scans(all);
        DiffCases.items(all);
        DiffCases.updates(all);
        DiffCases.limits(all);
        DiffCases.expressionLimits(all);
        DiffLegacyCases.legacy(all);
        DiffApiCases.tablesAndTags(all);
        return all;
    }

    // ---- small builders shared by DiffData and DiffCases

    static AttributeValue s(String v) { return AttributeValue.fromS(v); }
    static AttributeValue n(String v) { return AttributeValue.fromN(v); }
    static AttributeValue b(int... bytes) {
        byte[] a = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) a[i] = (byte) bytes[i];
        return AttributeValue.fromB(SdkBytes.fromByteArray(a));
    }
    static AttributeValue ss(String... v) { return AttributeValue.fromSs(List.of(v)); }
    static AttributeValue ns(String... v) { return AttributeValue.fromNs(List.of(v)); }
    static AttributeValue bs(AttributeValue... v) { return AttributeValue.fromBs(java.util.Arrays.stream(v).map(AttributeValue::b).toList()); }
    static AttributeValue l(AttributeValue... v) { return AttributeValue.fromL(List.of(v)); }
    static AttributeValue m(Object... kv) { return AttributeValue.fromM(map(kv)); }
    static AttributeValue bool(boolean v) { return AttributeValue.fromBool(v); }
    static AttributeValue nul() { return AttributeValue.fromNul(true); }

    static Map<String, AttributeValue> map(Object... kv) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (AttributeValue) kv[i + 1]);
        return m;
    }

    static Map<String, String> names(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
