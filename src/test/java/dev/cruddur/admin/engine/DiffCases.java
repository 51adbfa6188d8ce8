package dev.cruddur.admin.engine;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.cruddur.admin.engine.DifferentialTest.*;
import static dev.cruddur.admin.engine.DiffData.*;

/** The differential cases, grouped by what they exercise. */
final class DiffCases {
    private DiffCases() {}

    private static void add(List<Case> all, String name, Function<DynamoDbClient, Object> call) {
        all.add(new Case(name, call, true));
    }

    private static void addTypeOnly(List<Case> all, String name, Function<DynamoDbClient, Object> call) {
        all.add(new Case(name, call, false));
    }

    private static Function<DynamoDbClient, Object> scanFilter(String filter, Map<String, String> names, Map<String, AttributeValue> values) {
        return c -> c.scan(r -> {
            r.tableName(MAIN).filterExpression(filter);
            if (names != null && !names.isEmpty()) r.expressionAttributeNames(names);
            if (values != null && !values.isEmpty()) r.expressionAttributeValues(values);
        });
    }

    // ---- filter expressions over a Scan (also checks scan order item by item)

    static void filters(List<Case> all) {
        List<Object[]> operands = List.of(
                new Object[]{"n", n("-1.5")}, new Object[]{"n", n("0")}, new Object[]{"n", n("4.50")}, new Object[]{"n", n("100")},
                new Object[]{"s", s("banana")}, new Object[]{"s", s("B")}, new Object[]{"s", s("\u00e0pple")}, new Object[]{"s", n("1")},
                new Object[]{"b", b(3, 1, 252)}, new Object[]{"bool", bool(true)}, new Object[]{"ss", ss("y0", "x")},
                new Object[]{"l", l(s("a1"), n("1"), m("x", n("1")))}, new Object[]{"m.a", n("6")});
        for (String op : List.of("=", "<>", "<", "<=", ">", ">=")) {
            for (Object[] o : operands) {
                String path = (String) o[0];
                // dynalite orders BOOL, sets and lists with JavaScript's < and cannot compare lists for equality;
                // DynamoDB does neither, so those cases are covered in EngineBehaviourTest instead
                if (List.of("bool", "ss", "l").contains(path) && !op.equals("=") && !op.equals("<>")) continue;
                if (path.equals("l")) continue;
                add(all, "filter " + path + " " + op + " " + o[1], scanFilter(path + " " + op + " :v", null, map(":v", (AttributeValue) o[1])));
            }
        }
        add(all, "filter value on the left", scanFilter(":v < n", null, map(":v", n("2"))));
        add(all, "filter compares two attributes", scanFilter("n < m.a", null, null));
        // BETWEEN
        add(all, "between numbers", scanFilter("n BETWEEN :a AND :b", null, map(":a", n("-1.5"), ":b", n("4.5"))));
        add(all, "between equal bounds", scanFilter("n BETWEEN :a AND :b", null, map(":a", n("3"), ":b", n("3"))));
        add(all, "between strings", scanFilter("s between :a and :b", null, map(":a", s("a"), ":b", s("c"))));
        add(all, "between upper-case strings", scanFilter("s BETWEEN :a AND :b", null, map(":a", s("A"), ":b", s("Z"))));
        add(all, "between binary", scanFilter("b BETWEEN :a AND :b", null, map(":a", b(0), ":b", b(5))));
        add(all, "between wrong type", scanFilter("n BETWEEN :a AND :b", null, map(":a", s("a"), ":b", s("z"))));
        add(all, "between nested", scanFilter("m.a BETWEEN :a AND :b", null, map(":a", n("2"), ":b", n("7"))));
        add(all, "not between", scanFilter("NOT n BETWEEN :a AND :b", null, map(":a", n("0"), ":b", n("5"))));
        // IN
        add(all, "in numbers", scanFilter("n IN (:a, :b, :c)", null, map(":a", n("1.5"), ":b", n("3"), ":c", n("100"))));
        add(all, "in strings", scanFilter("s IN (:a, :b)", null, map(":a", s("apple"), ":b", s("zeta"))));
        add(all, "in one", scanFilter("s IN (:a)", null, map(":a", s("m"))));
        add(all, "in mixed types", scanFilter("n IN (:a, :b)", null, map(":a", s("3"), ":b", n("3"))));
        add(all, "not in", scanFilter("NOT (s IN (:a, :b))", null, map(":a", s("apple"), ":b", s("zeta"))));
        // existence
        for (String path : List.of("n", "s", "b", "ss", "ns", "bs", "l", "m", "bool", "nul", "g", "missing", "m.a", "m.inner", "m.inner.deep",
                "m.missing", "m.inner.missing", "l[0]", "l[2]", "l[2].x", "l[3]", "l[9]", "m[0]", "l.x", "s.x")) {
            add(all, "attribute_exists(" + path + ")", scanFilter("attribute_exists(" + path + ")", null, null));
            add(all, "attribute_not_exists(" + path + ")", scanFilter("attribute_not_exists(" + path + ")", null, null));
        }
        // attribute_type
        // (dynalite's attribute_type(x, BOOL) only matches true values, so bool is left out)
        for (String path : List.of("n", "s", "b", "ss", "ns", "bs", "l", "m", "nul", "m.inner", "l[1]")) {
            for (String type : List.of("S", "N", "B", "SS", "NS", "BS", "L", "M", "BOOL", "NULL")) {
                if (!path.startsWith(type.toLowerCase()) && !List.of("S", "M", "L", "N").contains(type)) continue;
                add(all, "attribute_type(" + path + ", " + type + ")", scanFilter("attribute_type(" + path + ", :t)", null, map(":t", s(type))));
            }
        }
        // begins_with
        for (String p : List.of("a", "A", "b", "ba", "ban", "banana!", "\u00e0", "\uD83D", "z")) {
            add(all, "begins_with(s, " + p + ")", scanFilter("begins_with(s, :p)", null, map(":p", s(p))));
        }
        add(all, "begins_with binary", scanFilter("begins_with(b, :p)", null, map(":p", b(3))));
        add(all, "begins_with nested", scanFilter("begins_with(m.inner.deep, :p)", null, map(":p", s("d1"))));
        add(all, "begins_with list element", scanFilter("begins_with(l[0], :p)", null, map(":p", s("a2"))));
        add(all, "begins_with on a number attribute", scanFilter("begins_with(n, :p)", null, map(":p", s("1"))));
        // contains
        Object[][] contains = {{"s", s("an")}, {"s", s("pp")}, {"s", s("Z")}, {"ss", s("x")}, {"ss", s("y2")}, {"ns", n("2.5")}, {"ns", n("5")},
                {"bs", b(1)}, {"l", s("a1")}, {"l", n("3")}, {"b", b(1)}, {"m", s("a")}, {"n", n("1")}, {"ss", n("1")}};
        for (Object[] c : contains)
            add(all, "contains(" + c[0] + ", " + c[1] + ")", scanFilter("contains(" + c[0] + ", :v)", null, map(":v", (AttributeValue) c[1])));
        // size
        Object[][] sizes = {{"s", ">", "4"}, {"s", "=", "5"}, {"l", "=", "3"}, {"m", ">=", "2"}, {"ss", "=", "2"}, {"ns", "<", "4"},
                {"b", "=", "3"}, {"bs", ">", "1"}, {"m.inner", "=", "1"}, {"n", ">", "0"}, {"missing", "<", "10"}, {"l[2]", "=", "1"}};
        for (Object[] sz : sizes)
            add(all, "size(" + sz[0] + ") " + sz[1] + " " + sz[2], scanFilter("size(" + sz[0] + ") " + sz[1] + " :v", null, map(":v", n((String) sz[2]))));
        add(all, "size compared to attribute", scanFilter("size(l) < n", null, null));
        // logic
        add(all, "and", scanFilter("n > :a AND s < :b", null, map(":a", n("0"), ":b", s("c"))));
        add(all, "or", scanFilter("n = :a OR s = :b", null, map(":a", n("0"), ":b", s("zeta"))));
        add(all, "not", scanFilter("NOT n = :a", null, map(":a", n("0"))));
        add(all, "and binds tighter than or", scanFilter("n = :a OR n = :b AND s = :c", null, map(":a", n("0"), ":b", n("3"), ":c", s("banana"))));
        add(all, "parentheses change binding", scanFilter("(n = :a OR n = :b) AND s = :c", null, map(":a", n("0"), ":b", n("3"), ":c", s("banana"))));
        add(all, "not of or", scanFilter("NOT (n = :a OR attribute_exists(b))", null, map(":a", n("0"))));
        add(all, "lower-case keywords", scanFilter("not n = :a and attribute_exists(s) or bool = :t", null, map(":a", n("0"), ":t", bool(false))));
        add(all, "deep logic", scanFilter("(attribute_exists(l) AND (contains(l, :x) OR size(l) > :n)) OR (begins_with(s, :p) AND NOT attribute_exists(b))",
                null, map(":x", s("a0"), ":n", n("5"), ":p", s("b"))));
        // names
        add(all, "names for attributes", scanFilter("#n > :v AND #s <> :w", names("#n", "n", "#s", "s"), map(":v", n("0"), ":w", s("m"))));
        add(all, "names in nested paths", scanFilter("#m.#a = :v", names("#m", "m", "#a", "a"), map(":v", n("4"))));
        add(all, "name for a reserved word", scanFilter("attribute_exists(#name)", names("#name", "name"), null));
        add(all, "name with a dot is one attribute", scanFilter("attribute_not_exists(#d)", names("#d", "m.a"), null));
        add(all, "nested list path", scanFilter("l[2].x = :v", null, map(":v", n("2"))));
        add(all, "whitespace everywhere", scanFilter("  n   >=   :v   ", null, map(":v", n("3"))));
        add(all, "same value used twice", scanFilter("n = :v OR m.a = :v", null, map(":v", n("3"))));
    }

    static void filterErrors(List<Case> all) {
        add(all, "undefined value", scanFilter("n = :nope", null, map(":v", n("1"))));
        add(all, "undefined name", scanFilter("#nope = :v", null, map(":v", n("1"))));
        add(all, "unused value", scanFilter("n = :v", null, map(":v", n("1"), ":w", n("2"))));
        add(all, "unused name", scanFilter("n = :v", names("#x", "x"), map(":v", n("1"))));
        add(all, "reserved word", scanFilter("name = :v", null, map(":v", s("x"))));
        add(all, "reserved word upper-case", scanFilter("SIZE = :v", null, map(":v", s("x"))));
        add(all, "unknown function", scanFilter("nope(n)", null, null));
        add(all, "function wrong arity", scanFilter("attribute_exists(n, s)", null, null));
        add(all, "begins_with one argument", scanFilter("begins_with(s)", null, null));
        add(all, "size alone is not a condition", scanFilter("size(s)", null, null));
        add(all, "condition function as operand", scanFilter("attribute_exists(n) = :v", null, map(":v", bool(true))));
        add(all, "same operand twice", scanFilter("n = n", null, null));
        add(all, "same operand twice in function", scanFilter("begins_with(s, s)", null, null));
        add(all, "between inverted bounds", scanFilter("n BETWEEN :a AND :b", null, map(":a", n("5"), ":b", n("1"))));
        add(all, "between mixed bound types", scanFilter("n BETWEEN :a AND :b", null, map(":a", n("1"), ":b", s("5"))));
        add(all, "attribute_type bad type name", scanFilter("attribute_type(n, :t)", null, map(":t", s("STRING"))));
        add(all, "attribute_type number type", scanFilter("attribute_type(n, :t)", null, map(":t", n("1"))));
        add(all, "attribute_exists of a value", scanFilter("attribute_exists(:v)", null, map(":v", s("x"))));
        add(all, "begins_with number value", scanFilter("begins_with(s, :v)", null, map(":v", n("1"))));
        add(all, "size of a number literal", scanFilter("size(:v) > :w", null, map(":v", n("1"), ":w", n("0"))));
        add(all, "empty names map", c -> c.scan(r -> r.tableName(MAIN).filterExpression("n = :v").expressionAttributeNames(Map.of()).expressionAttributeValues(map(":v", n("1")))));
        add(all, "empty values map", c -> c.scan(r -> r.tableName(MAIN).filterExpression("attribute_exists(n)").expressionAttributeValues(Map.of())));
        add(all, "bad name key", scanFilter("n = :v", names("x", "n"), map(":v", n("1"))));
        add(all, "bad value key", scanFilter("n = :v", null, map(":v", n("1"), "v", n("2"))));
        add(all, "names without expression", c -> c.scan(r -> r.tableName(MAIN).expressionAttributeNames(names("#a", "a"))));
        add(all, "values without expression", c -> c.scan(r -> r.tableName(MAIN).expressionAttributeValues(map(":a", n("1")))));
        add(all, "empty filter", scanFilter("", null, null));
        add(all, "invalid value in values", scanFilter("n = :v", null, map(":v", n("abc"))));
        add(all, "number too precise", scanFilter("n = :v", null, map(":v", n("1234567890123456789012345678901234567890"))));
        add(all, "empty string set", scanFilter("ss = :v", null, map(":v", AttributeValue.fromSs(List.of()))));
        add(all, "duplicate string set", scanFilter("ss = :v", null, map(":v", ss("a", "a"))));
        add(all, "null false", scanFilter("n = :v", null, map(":v", AttributeValue.fromNul(false))));
        add(all, "redundant parentheses", scanFilter("((n = :v))", null, map(":v", n("1"))));
        addTypeOnly(all, "syntax: dangling and", scanFilter("n = :v AND", null, map(":v", n("1"))));
        addTypeOnly(all, "syntax: missing operand", scanFilter("n =", null, null));
        addTypeOnly(all, "syntax: bad character", scanFilter("n = :v ;", null, map(":v", n("1"))));
        addTypeOnly(all, "syntax: unclosed parenthesis", scanFilter("(n = :v", null, map(":v", n("1"))));
        addTypeOnly(all, "syntax: between without and", scanFilter("n BETWEEN :a :b", null, map(":a", n("1"), ":b", n("2"))));
        addTypeOnly(all, "syntax: in without parentheses", scanFilter("n IN :a", null, map(":a", n("1"))));
        addTypeOnly(all, "syntax: bare path", scanFilter("n", null, null));
        addTypeOnly(all, "syntax: negative index", scanFilter("l[-1] = :v", null, map(":v", n("1"))));
        addTypeOnly(all, "syntax: double comparison", scanFilter("n = :v = :v", null, map(":v", n("1"))));
        add(all, "filter on table without it", c -> c.scan(r -> r.tableName("diff_none").filterExpression("attribute_exists(n)")));
    }

    // ---- Query: key conditions, direction, paging (all pages), indexes

    private static Function<DynamoDbClient, Object> queryPages(String table, String index, String keyCondition, Map<String, AttributeValue> values,
                                                                Boolean forward, Integer limit, String filter, String projection) {
        return c -> {
            List<Object> pages = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            for (int page = 0; page < 50; page++) {
                Map<String, AttributeValue> esk = start;
                QueryResponse r = c.query(q -> {
                    q.tableName(table).keyConditionExpression(keyCondition).expressionAttributeValues(values);
                    if (index != null) q.indexName(index);
                    if (forward != null) q.scanIndexForward(forward);
                    if (limit != null) q.limit(limit);
                    if (filter != null) q.filterExpression(filter);
                    if (projection != null) q.projectionExpression(projection);
                    if (esk != null) q.exclusiveStartKey(esk);
                });
                pages.add(r);
                if (!r.hasLastEvaluatedKey() || r.lastEvaluatedKey().isEmpty()) break;
                start = r.lastEvaluatedKey();
            }
            return pages;
        };
    }

    static void queries(List<Case> all) {
        Map<String, Map<String, AttributeValue>> conditions = new LinkedHashMap<>();
        conditions.put("pk = :p", map());
        conditions.put("pk = :p AND sk = :a", map(":a", s("s3")));
        conditions.put("pk = :p AND sk < :a", map(":a", s("s5")));
        conditions.put("pk = :p AND sk <= :a", map(":a", s("s5")));
        conditions.put("pk = :p AND sk > :a", map(":a", s("s5")));
        conditions.put("pk = :p AND sk >= :a", map(":a", s("s5")));
        conditions.put("pk = :p AND sk BETWEEN :a AND :b", map(":a", s("s2"), ":b", s("s6")));
        conditions.put("pk = :p AND begins_with(sk, :a)", map(":a", s("s1")));
        conditions.put(":p = pk AND :a > sk", map(":a", s("s4")));
        for (Map.Entry<String, Map<String, AttributeValue>> e : conditions.entrySet()) {
            for (Boolean forward : new Boolean[]{null, false}) {
                for (Integer limit : new Integer[]{null, 3}) {
                    Map<String, AttributeValue> values = new LinkedHashMap<>(e.getValue());
                    values.put(":p", s("p2"));
                    add(all, "query " + e.getKey() + " forward=" + forward + " limit=" + limit, queryPages(MAIN, null, e.getKey(), values, forward, limit, null, null));
                }
            }
        }
        for (String g : List.of("G0", "G1", "G2", "G9")) {
            for (Boolean forward : new Boolean[]{true, false}) {
                add(all, "gsi " + g + " forward=" + forward + " limit=2", queryPages(MAIN, "gsi_g", "g = :g", map(":g", s(g)), forward, 2, null, null));
            }
        }
        add(all, "gsi with range condition", queryPages(MAIN, "gsi_g", "g = :g AND sk > :s", map(":g", s("G1"), ":s", s("s2")), null, 3, null, null));
        add(all, "gsi with filter", queryPages(MAIN, "gsi_g", "g = :g", map(":g", s("G0"), ":n", n("2")), null, 2, "n > :n", null));
        for (String p : List.of("p1", "p3")) {
            add(all, "lsi " + p, queryPages(MAIN, "lsi_n", "pk = :p", map(":p", s(p)), null, null, null, null));
            add(all, "lsi " + p + " backwards limit 4", queryPages(MAIN, "lsi_n", "pk = :p", map(":p", s(p)), false, 4, null, null));
            add(all, "lsi " + p + " n range", queryPages(MAIN, "lsi_n", "pk = :p AND n BETWEEN :a AND :b", map(":p", s(p), ":a", n("0"), ":b", n("6")), null, null, null, null));
        }
        add(all, "query with filter and limit", queryPages(MAIN, null, "pk = :p", map(":p", s("p1"), ":z", n("1")), null, 4, "n > :z", null));
        add(all, "query with projection", queryPages(MAIN, null, "pk = :p", map(":p", s("p1")), null, null, null, "sk, m.inner.deep, l[2], nothing"));
        add(all, "query with projection and names", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("#k = :p")
                .expressionAttributeNames(names("#k", "pk", "#s", "s")).expressionAttributeValues(map(":p", s("p4"))).projectionExpression("#s, l[0], l[2].x")));
        add(all, "query count", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("p3"))).select(Select.COUNT)));
        add(all, "query count with limit", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("p3"))).select(Select.COUNT).limit(4)));
        add(all, "query missing partition", queryPages(MAIN, null, "pk = :p", map(":p", s("nope")), null, null, null, null));
        add(all, "query exclusive start key not stored", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :p")
                .expressionAttributeValues(map(":p", s("p1"))).exclusiveStartKey(map("pk", s("p1"), "sk", s("s4x")))));
        add(all, "query exclusive start key backwards", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :p").scanIndexForward(false)
                .expressionAttributeValues(map(":p", s("p1"))).exclusiveStartKey(map("pk", s("p1"), "sk", s("s4")))));
        add(all, "query consistent read", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :p").consistentRead(true).expressionAttributeValues(map(":p", s("p2")))));
        add(all, "query select specific attributes", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :p").select(Select.SPECIFIC_ATTRIBUTES)
                .projectionExpression("n").expressionAttributeValues(map(":p", s("p2")))));
        add(all, "lsi all attributes fetches from table", c -> c.query(q -> q.tableName(MAIN).indexName("lsi_n").keyConditionExpression("pk = :p")
                .select(Select.ALL_ATTRIBUTES).expressionAttributeValues(map(":p", s("p2")))));
    }

    private static Function<DynamoDbClient, Object> query(String keyCondition, Map<String, AttributeValue> values) {
        return c -> c.query(q -> q.tableName(MAIN).keyConditionExpression(keyCondition).expressionAttributeValues(values));
    }

    static void queryErrors(List<Case> all) {
        add(all, "query without key condition", c -> c.query(q -> q.tableName(MAIN)));
        add(all, "query on range key only", query("sk = :a", map(":a", s("s1"))));
        add(all, "query hash with less than", query("pk < :a", map(":a", s("p1"))));
        add(all, "query with or", query("pk = :a OR sk = :b", map(":a", s("p1"), ":b", s("s1"))));
        add(all, "query with not", query("NOT pk = :a", map(":a", s("p1"))));
        add(all, "query with in", query("pk IN (:a)", map(":a", s("p1"))));
        add(all, "query with not equal", query("pk <> :a", map(":a", s("p1"))));
        add(all, "query with attribute_exists", query("pk = :a AND attribute_exists(sk)", map(":a", s("p1"))));
        add(all, "query with contains", query("pk = :a AND contains(sk, :b)", map(":a", s("p1"), ":b", s("s"))));
        add(all, "query with size", query("pk = :a AND size(sk) > :b", map(":a", s("p1"), ":b", n("1"))));
        add(all, "query two conditions on one key", query("pk = :a AND pk = :b", map(":a", s("p1"), ":b", s("p2"))));
        add(all, "query non-key attribute", query("pk = :a AND n = :b", map(":a", s("p1"), ":b", n("1"))));
        add(all, "query nested key", query("pk.x = :a", map(":a", s("p1"))));
        add(all, "query two attributes in one condition", query("pk = sk", map()));
        add(all, "query no attribute", query(":a = :b", map(":a", s("p1"), ":b", s("p1"))));
        add(all, "query wrong hash type", query("pk = :a", map(":a", n("1"))));
        add(all, "query wrong range type", query("pk = :a AND sk > :b", map(":a", s("p1"), ":b", n("1"))));
        add(all, "query begins_with on number", c -> c.query(q -> q.tableName(NUM).keyConditionExpression("pk = :a AND begins_with(rk, :b)").expressionAttributeValues(map(":a", s("nums"), ":b", n("1")))));
        add(all, "query filter on key", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :a").filterExpression("sk = :b").expressionAttributeValues(map(":a", s("p1"), ":b", s("s1")))));
        add(all, "query unknown index", c -> c.query(q -> q.tableName(MAIN).indexName("nope_idx").keyConditionExpression("pk = :a").expressionAttributeValues(map(":a", s("p1")))));
        add(all, "query gsi consistent", c -> c.query(q -> q.tableName(MAIN).indexName("gsi_g").consistentRead(true).keyConditionExpression("g = :a").expressionAttributeValues(map(":a", s("G1")))));
        add(all, "query gsi by table key", c -> c.query(q -> q.tableName(MAIN).indexName("gsi_g").keyConditionExpression("pk = :a").expressionAttributeValues(map(":a", s("p1")))));
        add(all, "query limit zero", c -> c.query(q -> q.tableName(MAIN).limit(0).keyConditionExpression("pk = :a").expressionAttributeValues(map(":a", s("p1")))));
        add(all, "query start key other partition", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :a").expressionAttributeValues(map(":a", s("p1")))
                .exclusiveStartKey(map("pk", s("p2"), "sk", s("s1")))));
        add(all, "query start key outside range", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :a AND sk > :b").expressionAttributeValues(map(":a", s("p1"), ":b", s("s5")))
                .exclusiveStartKey(map("pk", s("p1"), "sk", s("s1")))));
        add(all, "query start key missing range", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :a").expressionAttributeValues(map(":a", s("p1")))
                .exclusiveStartKey(map("pk", s("p1")))));
        add(all, "query start key wrong type", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :a").expressionAttributeValues(map(":a", s("p1")))
                .exclusiveStartKey(map("pk", s("p1"), "sk", n("1")))));
        add(all, "query gsi start key without table key", c -> c.query(q -> q.tableName(MAIN).indexName("gsi_g").keyConditionExpression("g = :a").expressionAttributeValues(map(":a", s("G1")))
                .exclusiveStartKey(map("g", s("G1"), "sk", s("s1")))));
        add(all, "query projection on nested key", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :a").expressionAttributeValues(map(":a", s("p1"))).projectionExpression("sk.x")));
        add(all, "query projection overlap", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :a").expressionAttributeValues(map(":a", s("p1"))).projectionExpression("m, m.a")));
        add(all, "query projection conflict", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :a").expressionAttributeValues(map(":a", s("p1"))).projectionExpression("l[0], l.x")));
        add(all, "query unknown table", c -> c.query(q -> q.tableName("diff_none").keyConditionExpression("pk = :a").expressionAttributeValues(map(":a", s("p1")))));
        add(all, "query empty key value", query("pk = :a", map(":a", s(""))));
    }

    // ---- type ordering

    static void ordering(List<Case> all) {
        for (Boolean forward : new Boolean[]{true, false}) {
            add(all, "numbers in order forward=" + forward, c -> c.query(q -> q.tableName(NUM).keyConditionExpression("pk = :p").scanIndexForward(forward).expressionAttributeValues(map(":p", s("nums")))));
            add(all, "binary in order forward=" + forward, c -> c.query(q -> q.tableName(BIN).keyConditionExpression("pk = :p").scanIndexForward(forward).expressionAttributeValues(map(":p", s("bins")))));
            add(all, "strings in UTF-8 order forward=" + forward, c -> c.query(q -> q.tableName(TEXT).keyConditionExpression("pk = :p").scanIndexForward(forward).expressionAttributeValues(map(":p", s("texts")))));
        }
        for (String[] range : new String[][]{{"-5.5", "1.5"}, {"-1e10", "-0.001"}, {"0", "0"}, {"1e20", "1e30"}}) {
            add(all, "numbers between " + range[0] + " and " + range[1], c -> c.query(q -> q.tableName(NUM).keyConditionExpression("pk = :p AND rk BETWEEN :a AND :b")
                    .expressionAttributeValues(map(":p", s("nums"), ":a", n(range[0]), ":b", n(range[1])))));
        }
        add(all, "numbers greater than -1", c -> c.query(q -> q.tableName(NUM).keyConditionExpression("pk = :p AND rk > :a").expressionAttributeValues(map(":p", s("nums"), ":a", n("-1")))));
        add(all, "binary less than 128", c -> c.query(q -> q.tableName(BIN).keyConditionExpression("pk = :p AND rk < :a").expressionAttributeValues(map(":p", s("bins"), ":a", b(128)))));
        add(all, "binary begins_with", c -> c.query(q -> q.tableName(BIN).keyConditionExpression("pk = :p AND begins_with(rk, :a)").expressionAttributeValues(map(":p", s("bins"), ":a", b(255)))));
        add(all, "strings greater than Z", c -> c.query(q -> q.tableName(TEXT).keyConditionExpression("pk = :p AND rk > :a").expressionAttributeValues(map(":p", s("texts"), ":a", s("Z")))));
        add(all, "strings beyond the BMP", c -> c.query(q -> q.tableName(TEXT).keyConditionExpression("pk = :p AND rk >= :a").expressionAttributeValues(map(":p", s("texts"), ":a", s("\uE000")))));
        add(all, "scan order of numeric hash keys", c -> c.scan(r -> r.tableName(HASHN)));
        add(all, "scan order of string hash keys", c -> c.scan(r -> r.tableName(TEXT)));
        add(all, "scan numeric hash keys paged by 3", scanPages(HASHN, 3, null, null));
        add(all, "filter numbers across magnitudes", c -> c.scan(r -> r.tableName(HASHN).filterExpression("id > :a").expressionAttributeValues(map(":a", n("10")))));
    }

    // ---- Scan paging and segments

    private static Function<DynamoDbClient, Object> scanPages(String table, Integer limit, Integer segment, Integer total) {
        return c -> {
            List<Object> pages = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            for (int page = 0; page < 100; page++) {
                Map<String, AttributeValue> esk = start;
                ScanResponse r = c.scan(q -> {
                    q.tableName(table);
                    if (limit != null) q.limit(limit);
                    if (segment != null) q.segment(segment).totalSegments(total);
                    if (esk != null) q.exclusiveStartKey(esk);
                });
                pages.add(r);
                if (!r.hasLastEvaluatedKey() || r.lastEvaluatedKey().isEmpty()) break;
                start = r.lastEvaluatedKey();
            }
            return pages;
        };
    }

    static void scans(List<Case> all) {
        for (int limit : new int[]{1, 2, 3, 7, 13, 40, 41, 100}) add(all, "scan paged by " + limit, scanPages(MAIN, limit, null, null));
        for (int total : new int[]{1, 2, 3, 5})
            for (int segment = 0; segment < total; segment++) add(all, "scan segment " + segment + " of " + total, scanPages(MAIN, 4, segment, total));
        add(all, "scan gsi", c -> c.scan(r -> r.tableName(MAIN).indexName("gsi_g")));
        add(all, "scan gsi paged", c -> c.scan(r -> r.tableName(MAIN).indexName("gsi_g").limit(5)));
        add(all, "scan lsi", c -> c.scan(r -> r.tableName(MAIN).indexName("lsi_n").limit(6)));
        add(all, "scan count", c -> c.scan(r -> r.tableName(MAIN).select(Select.COUNT)));
        add(all, "scan count with filter", c -> c.scan(r -> r.tableName(MAIN).select(Select.COUNT).filterExpression("attribute_exists(b)")));
        add(all, "scan filter with limit", c -> c.scan(r -> r.tableName(MAIN).limit(7).filterExpression("attribute_exists(b)")));
        add(all, "scan projection", c -> c.scan(r -> r.tableName(MAIN).projectionExpression("pk, m.inner, l[1], l[0]")));
        add(all, "scan 1 MB page", c -> c.scan(r -> r.tableName(BIG).projectionExpression("pk, rk")));
        add(all, "scan 1 MB pages all", scanPages(BIG, null, null, null));
        add(all, "query 1 MB page", c -> c.query(q -> q.tableName(BIG).keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("big"))).projectionExpression("rk")));
        add(all, "scan segment without total", c -> c.scan(r -> r.tableName(MAIN).segment(1)));
        add(all, "scan total without segment", c -> c.scan(r -> r.tableName(MAIN).totalSegments(2)));
        add(all, "scan segment out of range", c -> c.scan(r -> r.tableName(MAIN).segment(2).totalSegments(2)));
        add(all, "scan start key from another segment", c -> c.scan(r -> r.tableName(MAIN).segment(0).totalSegments(4).exclusiveStartKey(map("pk", s("p3"), "sk", s("s0")))));
        add(all, "scan start key bad schema", c -> c.scan(r -> r.tableName(MAIN).exclusiveStartKey(map("pk", s("p3")))));
        add(all, "scan limit zero", c -> c.scan(r -> r.tableName(MAIN).limit(0)));
        add(all, "scan unknown index", c -> c.scan(r -> r.tableName(MAIN).indexName("nope_idx")));
        add(all, "scan unknown table", c -> c.scan(r -> r.tableName("diff_none")));
        add(all, "scan bad table name", c -> c.scan(r -> r.tableName("x")));
    }

    // ---- single items: put, get, delete with conditions and return values; numbers; key limits

    static void items(List<Case> all) {
        Function<String, Map<String, AttributeValue>> key = k -> map("pk", s("items"), "sk", s(k));
        add(all, "put new", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", s("a"), "v", n("1")))));
        add(all, "put returns old", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", s("a"), "v", n("2"))).returnValues(ReturnValue.ALL_OLD)));
        add(all, "put if not exists fails", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", s("a"))).conditionExpression("attribute_not_exists(pk)")));
        add(all, "put if not exists succeeds", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", s("b"), "v", n("5"))).conditionExpression("attribute_not_exists(pk)")));
        add(all, "put if value matches", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", s("b"), "v", n("6")))
                .conditionExpression("v = :v").expressionAttributeValues(map(":v", n("5"))).returnValues(ReturnValue.ALL_OLD)));
        add(all, "put if value differs fails", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", s("b")))
                .conditionExpression("v = :v").expressionAttributeValues(map(":v", n("5")))));
        add(all, "get after puts", c -> c.getItem(r -> r.tableName(MAIN).key(key.apply("b"))));
        add(all, "get missing", c -> c.getItem(r -> r.tableName(MAIN).key(key.apply("zz"))));
        add(all, "get projected", c -> c.getItem(r -> r.tableName(MAIN).key(map("pk", s("p1"), "sk", s("s2"))).projectionExpression("m.inner.deep, ss, nothing")));
        add(all, "get projected nothing there", c -> c.getItem(r -> r.tableName(MAIN).key(map("pk", s("p1"), "sk", s("s2"))).projectionExpression("nothing")));
        add(all, "get consistent", c -> c.getItem(r -> r.tableName(MAIN).key(map("pk", s("p1"), "sk", s("s2"))).consistentRead(true)));
        add(all, "get with extra key attribute", c -> c.getItem(r -> r.tableName(MAIN).key(map("pk", s("p1"), "sk", s("s2"), "x", s("y")))));
        add(all, "get with missing range", c -> c.getItem(r -> r.tableName(MAIN).key(map("pk", s("p1")))));
        add(all, "get with wrong key type", c -> c.getItem(r -> r.tableName(MAIN).key(map("pk", s("p1"), "sk", n("2")))));
        add(all, "get with empty key", c -> c.getItem(r -> r.tableName(MAIN).key(map("pk", s(""), "sk", s("a")))));
        add(all, "get unknown table", c -> c.getItem(r -> r.tableName("diff_none").key(map("pk", s("p1")))));
        add(all, "delete with failing condition", c -> c.deleteItem(r -> r.tableName(MAIN).key(key.apply("b")).conditionExpression("attribute_not_exists(v)")));
        add(all, "delete returns old", c -> c.deleteItem(r -> r.tableName(MAIN).key(key.apply("b")).returnValues(ReturnValue.ALL_OLD)));
        add(all, "delete missing returns nothing", c -> c.deleteItem(r -> r.tableName(MAIN).key(key.apply("b")).returnValues(ReturnValue.ALL_OLD)));
        add(all, "delete missing with exists condition", c -> c.deleteItem(r -> r.tableName(MAIN).key(key.apply("b")).conditionExpression("attribute_exists(pk)")));
        add(all, "put return updated is refused", c -> c.putItem(r -> r.tableName(MAIN).item(key.apply("c")).returnValues(ReturnValue.ALL_NEW)));
        add(all, "put missing range key", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items")))));
        add(all, "put wrong key type", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", n("1")))));
        add(all, "put wrong index key type", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", s("c"), "g", n("1")))));
        add(all, "put empty range key", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", s("")))));
        add(all, "put hash key 2048 bytes", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("h".repeat(2048)), "sk", s("a")))));
        add(all, "put hash key 2049 bytes", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("h".repeat(2049)), "sk", s("a")))));
        add(all, "put range key 1024 bytes", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", s("r".repeat(1024))))));
        add(all, "put range key 1025 bytes", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", s("r".repeat(1025))))));
        add(all, "put item over 400 KB", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", s("huge"), "x", s("x".repeat(410_000))))));
        add(all, "put item just under 400 KB", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("items"), "sk", s("large"), "x", s("x".repeat(400_000))))));
        String[][] numbers = {{"1.50", "1"}, {"-0", "2"}, {"1e3", "3"}, {"0.000", "4"}, {"00012.3400", "5"}, {"-1.0E-5", "6"}, {"9.9999999999999999999999999999999999999E+125", "7"},
                {"1E-130", "8"}, {"12345678901234567890123456789012345678", "9"}};
        for (String[] num : numbers) {
            add(all, "number " + num[0] + " normalised", c -> {
                c.putItem(r -> r.tableName(MAIN).item(map("pk", s("nums"), "sk", s(num[1]), "v", n(num[0]), "set", ns(num[0], "42"))));
                return c.getItem(r -> r.tableName(MAIN).key(map("pk", s("nums"), "sk", s(num[1]))));
            });
        }
        for (String bad : List.of("1e126", "1e-131", "123456789012345678901234567890123456789", "abc", "", "1..2", " 1", "0x10", "Infinity", "NaN")) {
            add(all, "number " + bad + " refused", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("nums"), "sk", s("bad"), "v", n(bad)))));
        }
        add(all, "number set with duplicates after normalising", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("nums"), "sk", s("bad"), "v", ns("1", "1.0")))));
        add(all, "binary set duplicates", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("nums"), "sk", s("bad"), "v", bs(b(1), b(1))))));
        add(all, "empty binary set", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("nums"), "sk", s("bad"), "v", AttributeValue.fromBs(List.of())))));
        add(all, "empty number set", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("nums"), "sk", s("bad"), "v", AttributeValue.fromNs(List.of())))));
        add(all, "nested empty set", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("nums"), "sk", s("bad"), "v", m("x", AttributeValue.fromSs(List.of()))))));
        add(all, "empty attribute value", c -> c.putItem(r -> r.tableName(MAIN).item(map("pk", s("nums"), "sk", s("bad"), "v", AttributeValue.builder().build()))));
        add(all, "all types round trip", c -> {
            c.putItem(r -> r.tableName(MAIN).item(map("pk", s("types"), "sk", s("all"), "s", s("x"), "n", n("1"), "b", b(1, 2), "ss", ss("a", "b"), "ns", ns("1", "2"),
                    "bs", bs(b(1), b(2)), "l", l(s("a"), l(n("1")), m()), "m", m("k", m("k2", nul())), "t", bool(true), "f", bool(false), "z", nul(), "e", s(""), "el", l(), "em", m())));
            return c.getItem(r -> r.tableName(MAIN).key(map("pk", s("types"), "sk", s("all"))));
        });
        add(all, "condition on missing item", c -> c.putItem(r -> r.tableName(MAIN).item(key.apply("new1")).conditionExpression("v = :v").expressionAttributeValues(map(":v", n("1")))));
        add(all, "condition attribute_not_exists on missing item", c -> c.putItem(r -> r.tableName(MAIN).item(key.apply("new2")).conditionExpression("attribute_not_exists(v) AND attribute_not_exists(pk)")));
        add(all, "condition with undefined value", c -> c.putItem(r -> r.tableName(MAIN).item(key.apply("new3")).conditionExpression("v = :nope").expressionAttributeValues(map(":v", n("1")))));
        add(all, "condition with unused value", c -> c.deleteItem(r -> r.tableName(MAIN).key(key.apply("new3")).conditionExpression("attribute_exists(v)").expressionAttributeValues(map(":v", n("1")))));
        add(all, "condition syntax error", c -> c.deleteItem(r -> r.tableName(MAIN).key(key.apply("new3")).conditionExpression("attribute_exists(")));
    }

    // ---- UpdateItem: each case starts from a fresh copy of one item

    private static final Map<String, AttributeValue> TEMPLATE = map("pk", s("upd"), "sk", s("template"), "n", n("10"), "s", s("text"),
            "l", l(s("a"), s("b"), s("c")), "m", m("a", n("1"), "inner", m("deep", s("d"))), "ss", ss("x", "y"), "ns", ns("1", "2"), "bs", bs(b(1), b(2)), "g", s("G5"));

    private static int updateCounter;

    private static Function<DynamoDbClient, Object> update(String expression, Map<String, String> names, Map<String, AttributeValue> values, ReturnValue ret, String condition) {
        String sk = "u" + (updateCounter++);
        return c -> {
            Map<String, AttributeValue> item = new LinkedHashMap<>(TEMPLATE);
            item.put("sk", s(sk));
            c.putItem(r -> r.tableName(MAIN).item(item));
            List<Object> out = new ArrayList<>();
            try {
                out.add(c.updateItem(r -> {
                    r.tableName(MAIN).key(map("pk", s("upd"), "sk", s(sk))).updateExpression(expression);
                    if (names != null) r.expressionAttributeNames(names);
                    if (values != null) r.expressionAttributeValues(values);
                    if (ret != null) r.returnValues(ret);
                    if (condition != null) r.conditionExpression(condition);
                }));
            } catch (DynamoDbException e) {
                out.add(Canonical.error(e));
            }
            out.add(c.getItem(r -> r.tableName(MAIN).key(map("pk", s("upd"), "sk", s(sk)))));
            return out;
        };
    }

    static void updates(List<Case> all) {
        Object[][] ok = {
                {"SET n = n + :one", map(":one", n("1"))}, {"SET n = n - :one", map(":one", n("1.5"))}, {"SET n = :one - n", map(":one", n("1"))},
                {"SET x = :v", map(":v", s("new"))}, {"SET x = if_not_exists(x, :v)", map(":v", n("0"))}, {"SET n = if_not_exists(n, :v)", map(":v", n("0"))},
                {"SET l = list_append(l, :v)", map(":v", l(s("d")))}, {"SET l = list_append(:v, l)", map(":v", l(s("z")))},
                {"SET l[1] = :v", map(":v", s("B"))}, {"SET l[10] = :v", map(":v", s("end"))}, {"SET m.a = :v", map(":v", n("2"))},
                {"SET m.inner.deep = :v, m.b = :w", map(":v", s("D"), ":w", bool(true))}, {"SET n = s", null}, {"SET a = n, b = a", null},
                {"SET n = :v REMOVE s", map(":v", n("0"))}, {"REMOVE s, m.a", null}, {"REMOVE l[0]", null}, {"REMOVE l[7]", null},
                {"REMOVE missing", null}, {"ADD n :v", map(":v", n("5"))}, {"ADD newn :v", map(":v", n("5"))}, {"ADD ss :v", map(":v", ss("y", "z"))},
                {"ADD ns :v", map(":v", ns("3"))}, {"ADD newset :v", map(":v", ss("q"))}, {"ADD bs :v", map(":v", bs(b(3)))}, {"DELETE ss :v", map(":v", ss("x"))},
                {"DELETE ss :v", map(":v", ss("x", "y"))}, {"DELETE ns :v", map(":v", ns("7"))}, {"DELETE missing :v", map(":v", ss("x"))},
                {"SET #n = #n + :one", map(":one", n("1"))}, {"set n = :v add ns :w delete ss :x remove s", map(":v", n("1"), ":w", ns("9"), ":x", ss("y"))},
                {"SET m.inner = :v", map(":v", m("x", l()))}, {"SET g = :v", map(":v", s("G6"))}, {"REMOVE g", null}, {"SET l[0] = l[2]", null},
                {"SET n = n + n", null}, {"SET m.z = list_append(:a, :b)", map(":a", l(n("1")), ":b", l(n("2")))},
        };
        for (Object[] o : ok) {
            String expression = (String) o[0];
            @SuppressWarnings("unchecked") Map<String, AttributeValue> values = (Map<String, AttributeValue>) o[1];
            Map<String, String> names = expression.contains("#n") ? names("#n", "n") : null;
            for (ReturnValue ret : new ReturnValue[]{ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD, ReturnValue.UPDATED_NEW}) {
                add(all, "update " + expression + " returning " + ret, update(expression, names, values, ret, null));
            }
        }
        Object[][] bad = {
                {"SET pk = :v", map(":v", s("x"))}, {"REMOVE sk", null}, {"SET n = n + :v", map(":v", s("x"))}, {"SET s = s + :v", map(":v", n("1"))},
                {"SET x = missing + :v", map(":v", n("1"))}, {"SET x = missing", null}, {"SET l = list_append(l, :v)", map(":v", s("x"))},
                {"SET l = list_append(n, :v)", map(":v", l())}, {"ADD s :v", map(":v", n("1"))}, {"ADD ss :v", map(":v", ns("1"))},
                {"ADD l :v", map(":v", l(s("x")))}, {"DELETE ss :v", map(":v", s("x"))}, {"DELETE n :v", map(":v", ns("1"))}, {"SET m.a.b = :v", map(":v", n("1"))},
                {"SET missing.a = :v", map(":v", n("1"))}, {"SET n.x = :v", map(":v", n("1"))}, {"SET l.x = :v", map(":v", n("1"))}, {"SET m[0] = :v", map(":v", n("1"))},
                {"SET n = :v, n = :w", map(":v", n("1"), ":w", n("2"))}, {"SET m = :v REMOVE m.a", map(":v", n("1"))}, {"SET l[0] = :v REMOVE l.x", map(":v", n("1"))},
                {"SET n = :v SET s = :w", map(":v", n("1"), ":w", s("x"))}, {"SET n = :undefined", map(":v", n("1"))}, {"SET #undefined = :v", map(":v", n("1"))},
                {"SET n = :v", map(":v", n("1"), ":w", n("2"))}, {"SET name = :v", map(":v", n("1"))}, {"SET n = nope(n)", null}, {"SET n = if_not_exists(:v, n)", map(":v", n("1"))},
                {"SET n = list_append(l)", null}, {"SET g = :v", map(":v", n("1"))}, {"ADD n :v", map(":v", n("1e126"))},
        };
        for (Object[] o : bad) {
            String expression = (String) o[0];
            @SuppressWarnings("unchecked") Map<String, AttributeValue> values = (Map<String, AttributeValue>) o[1];
            add(all, "update refused: " + expression, update(expression, null, values, ReturnValue.ALL_NEW, null));
        }
        addTypeOnly(all, "update syntax: no section", update("n = :v", null, map(":v", n("1")), null, null));
        addTypeOnly(all, "update syntax: trailing comma", update("SET n = :v,", null, map(":v", n("1")), null, null));
        addTypeOnly(all, "update syntax: remove with value", update("REMOVE n = :v", null, map(":v", n("1")), null, null));
        add(all, "update with condition holding", update("SET n = :v", null, map(":v", n("0"), ":c", n("10")), ReturnValue.ALL_OLD, "n = :c"));
        add(all, "update with condition failing", update("SET n = :v", null, map(":v", n("0"), ":c", n("11")), ReturnValue.ALL_OLD, "n = :c"));
        add(all, "update creates missing item", c -> c.updateItem(r -> r.tableName(MAIN).key(map("pk", s("upd"), "sk", s("created"))).updateExpression("SET v = :v")
                .expressionAttributeValues(map(":v", n("1"))).returnValues(ReturnValue.ALL_NEW)));
        add(all, "update remove on missing item creates keys", c -> c.updateItem(r -> r.tableName(MAIN).key(map("pk", s("upd"), "sk", s("created2"))).updateExpression("REMOVE v")
                .returnValues(ReturnValue.ALL_NEW)));
        add(all, "update ADD on missing item", c -> c.updateItem(r -> r.tableName(MAIN).key(map("pk", s("upd"), "sk", s("created3"))).updateExpression("ADD c :one, tags :t")
                .expressionAttributeValues(map(":one", n("1"), ":t", ss("a"))).returnValues(ReturnValue.ALL_NEW)));
        add(all, "update key moves gsi entry", c -> {
            c.updateItem(r -> r.tableName(MAIN).key(map("pk", s("upd"), "sk", s("created3"))).updateExpression("SET g = :g").expressionAttributeValues(map(":g", s("G7"))));
            return c.query(q -> q.tableName(MAIN).indexName("gsi_g").keyConditionExpression("g = :g").expressionAttributeValues(map(":g", s("G7"))));
        });
    }

    // ---- batches and table listing

    static void limits(List<Case> all) {
        add(all, "batch get", c -> c.batchGetItem(r -> r.requestItems(Map.of(MAIN, KeysAndAttributes.builder().keys(
                map("pk", s("p1"), "sk", s("s1")), map("pk", s("p2"), "sk", s("s2")), map("pk", s("p9"), "sk", s("s2"))).build()))));
        add(all, "batch get projected", c -> c.batchGetItem(r -> r.requestItems(Map.of(MAIN, KeysAndAttributes.builder().projectionExpression("sk, n").keys(
                map("pk", s("p1"), "sk", s("s1")), map("pk", s("p2"), "sk", s("s2"))).build()))));
        List<Map<String, AttributeValue>> keys100 = new ArrayList<>(), keys101 = new ArrayList<>();
        for (int i = 0; i < 101; i++) (i < 100 ? keys100 : keys101).add(map("pk", s("p" + (i % 5)), "sk", s("s" + (i / 5))));
        keys101.addAll(0, keys100);
        add(all, "batch get 100 keys", c -> c.batchGetItem(r -> r.requestItems(Map.of(MAIN, KeysAndAttributes.builder().keys(keys100).build()))));
        addTypeOnly(all, "batch get 101 keys", c -> c.batchGetItem(r -> r.requestItems(Map.of(MAIN, KeysAndAttributes.builder().keys(keys101).build()))));
        add(all, "batch get duplicate keys", c -> c.batchGetItem(r -> r.requestItems(Map.of(MAIN, KeysAndAttributes.builder().keys(
                map("pk", s("p1"), "sk", s("s1")), map("pk", s("p1"), "sk", s("s1"))).build()))));
        add(all, "batch get unknown table", c -> c.batchGetItem(r -> r.requestItems(Map.of("diff_none", KeysAndAttributes.builder().keys(map("pk", s("p1"))).build()))));
        add(all, "batch get bad key", c -> c.batchGetItem(r -> r.requestItems(Map.of(MAIN, KeysAndAttributes.builder().keys(map("pk", s("p1"))).build()))));
        List<WriteRequest> writes25 = new ArrayList<>(), writes26 = new ArrayList<>();
        for (int i = 0; i < 26; i++)
            (i < 25 ? writes25 : writes26).add(WriteRequest.builder().putRequest(PutRequest.builder().item(map("pk", s("batch"), "sk", s("w" + i), "i", n(Integer.toString(i)))).build()).build());
        writes26.addAll(0, writes25);
        add(all, "batch write 25", c -> c.batchWriteItem(r -> r.requestItems(Map.of(MAIN, writes25))));
        addTypeOnly(all, "batch write 26", c -> c.batchWriteItem(r -> r.requestItems(Map.of(MAIN, writes26))));
        add(all, "batch write duplicate keys", c -> c.batchWriteItem(r -> r.requestItems(Map.of(MAIN, List.of(writes25.get(0), writes25.get(0))))));
        add(all, "batch write put and delete same key", c -> c.batchWriteItem(r -> r.requestItems(Map.of(MAIN, List.of(writes25.get(1),
                WriteRequest.builder().deleteRequest(d -> d.key(map("pk", s("batch"), "sk", s("w1")))).build())))));
        add(all, "batch write deletes", c -> c.batchWriteItem(r -> r.requestItems(Map.of(MAIN, List.of(
                WriteRequest.builder().deleteRequest(d -> d.key(map("pk", s("batch"), "sk", s("w1")))).build(),
                WriteRequest.builder().deleteRequest(d -> d.key(map("pk", s("batch"), "sk", s("w2")))).build())))));
        add(all, "batch write missing key", c -> c.batchWriteItem(r -> r.requestItems(Map.of(MAIN, List.of(
                WriteRequest.builder().putRequest(p -> p.item(map("pk", s("batch")))).build())))));
        add(all, "batch write unknown table", c -> c.batchWriteItem(r -> r.requestItems(Map.of("diff_none", List.of(writes25.get(0))))));
        add(all, "after batch writes", c -> c.query(q -> q.tableName(MAIN).keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("batch")))));
        add(all, "list tables", c -> c.listTables());
        add(all, "list tables paged", c -> c.listTables(r -> r.limit(2)).tableNames());
        add(all, "list tables after diff_bin", c -> c.listTables(r -> r.exclusiveStartTableName("diff_bin").limit(3)).tableNames());
        add(all, "describe unknown table", c -> c.describeTable(r -> r.tableName("diff_none")));
        addTypeOnly(all, "create existing table", c -> c.createTable(r -> r.tableName(NUM).attributeDefinitions(attr("pk", "S")).keySchema(key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
        add(all, "create table with undefined key", c -> c.createTable(r -> r.tableName("diff_x").attributeDefinitions(attr("pk", "S")).keySchema(key("id", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST)));
        add(all, "delete unknown table", c -> c.deleteTable(r -> r.tableName("diff_none")));
    }

    // ---- DynamoDB's expression limits, right at each limit: both endpoints accept and agree. One past the limit,
    // DynamoDB refuses while dynalite 4.0.0 accepts (it implements none of these limits), so those cases are in
    // ExpressionLimitsTest, stated as DynamoDB words them.

    static void expressionLimits(List<Case> all) {
        add(all, "IN with 100 operands", scanFilter(ExpressionLimitsTest.inWith(100), null, map(":v", n("4.5"), ":w", n("100"))));
        add(all, "filter of 300 operators", scanFilter(ExpressionLimitsTest.comparisonsJoinedByOr(150, true), null, map(":v", n("4.5"))));
        add(all, "filter of 4096 bytes", scanFilter(ExpressionLimitsTest.padded("n = :v", 4096), null, map(":v", n("4.5"))));
        add(all, "update of 300 operators", update(ExpressionLimitsTest.sumsOf(300), null, map(":v", n("1")), ReturnValue.ALL_NEW, null));
        add(all, "update of 4096 bytes", update(ExpressionLimitsTest.padded("SET n = n + :v", 4096), null, map(":v", n("1")), ReturnValue.UPDATED_NEW, null));
        String longestName = "#" + "n".repeat(254);
        add(all, "placeholder of 255 bytes", scanFilter(longestName + " = :v", names(longestName, "n"), map(":v", n("4.5"))));
        add(all, "path of 32 levels", scanFilter(ExpressionLimitsTest.pathOf(32) + " = :v", null, map(":v", n("1"))));
    }
}
