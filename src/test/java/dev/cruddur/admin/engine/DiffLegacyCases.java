package dev.cruddur.admin.engine;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.cruddur.admin.engine.DiffData.*;
import static dev.cruddur.admin.engine.DifferentialTest.*;

/**
 * The pre-expression parameters (AttributesToGet, KeyConditions, QueryFilter, ScanFilter, Expected,
 * AttributeUpdates, ConditionalOperator): answers, errors and mixing rules compared with dynalite.
 * Writes go to the partition "lg" of the main table, so they do not disturb the other groups' data.
 */
final class DiffLegacyCases {
    private DiffLegacyCases() {}

    private static void add(List<Case> all, String name, Function<DynamoDbClient, Object> call) {
        all.add(new Case("legacy " + name, call, true));
    }

    static Condition cond(ComparisonOperator op, AttributeValue... values) {
        return Condition.builder().comparisonOperator(op).attributeValueList(values).build();
    }

    private static Map<String, Condition> conds(Object... kv) {
        Map<String, Condition> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Condition) kv[i + 1]);
        return m;
    }

    private static Map<String, AttributeValue> lg(String sk) { return map("pk", s("lg"), "sk", s(sk)); }

    static void legacy(List<Case> all) {
        // AttributesToGet
        add(all, "get attributes to get", c -> c.getItem(r -> r.tableName(MAIN).key(map("pk", s("p1"), "sk", s("s2"))).attributesToGet("s", "n", "nothing")));
        add(all, "get attributes to get none there", c -> c.getItem(r -> r.tableName(MAIN).key(map("pk", s("p1"), "sk", s("s2"))).attributesToGet("nothing")));
        add(all, "get attributes to get dotted name", c -> c.getItem(r -> r.tableName(MAIN).key(map("pk", s("p1"), "sk", s("s2"))).attributesToGet("m.a", "m")));
        add(all, "get attributes to get duplicate", c -> c.getItem(r -> r.tableName(MAIN).key(map("pk", s("p1"), "sk", s("s2"))).attributesToGet("s", "s")));
        add(all, "get attributes to get with projection", c -> c.getItem(r -> r.tableName(MAIN).key(map("pk", s("p1"), "sk", s("s2")))
                .attributesToGet("s").projectionExpression("n")));
        add(all, "batch get attributes to get", c -> c.batchGetItem(r -> r.requestItems(Map.of(MAIN, KeysAndAttributes.builder()
                .keys(map("pk", s("p1"), "sk", s("s2")), map("pk", s("p2"), "sk", s("s3"))).attributesToGet("sk", "n").build()))));

        // KeyConditions
        add(all, "query key conditions hash", c -> c.query(r -> r.tableName(MAIN).keyConditions(conds("pk", cond(ComparisonOperator.EQ, s("p1"))))));
        for (Object[] range : new Object[][]{
                {ComparisonOperator.BETWEEN, new AttributeValue[]{s("s2"), s("s5")}}, {ComparisonOperator.BEGINS_WITH, new AttributeValue[]{s("s")}},
                {ComparisonOperator.GT, new AttributeValue[]{s("s3")}}, {ComparisonOperator.LE, new AttributeValue[]{s("s3")}},
                {ComparisonOperator.LT, new AttributeValue[]{s("s3")}}, {ComparisonOperator.GE, new AttributeValue[]{s("s8")}},
                {ComparisonOperator.EQ, new AttributeValue[]{s("s4")}}}) {
            ComparisonOperator op = (ComparisonOperator) range[0];
            AttributeValue[] values = (AttributeValue[]) range[1];
            add(all, "query key conditions range " + op, c -> c.query(r -> r.tableName(MAIN).keyConditions(conds(
                    "pk", cond(ComparisonOperator.EQ, s("p2")), "sk", cond(op, values)))));
        }
        add(all, "query key conditions backwards with limit", c -> c.query(r -> r.tableName(MAIN).scanIndexForward(false).limit(3)
                .keyConditions(conds("pk", cond(ComparisonOperator.EQ, s("p3"))))));
        add(all, "query key conditions on global index", c -> c.query(r -> r.tableName(MAIN).indexName("gsi_g")
                .keyConditions(conds("g", cond(ComparisonOperator.EQ, s("G0"))))));
        add(all, "query key conditions range only", c -> c.query(r -> r.tableName(MAIN).keyConditions(conds("sk", cond(ComparisonOperator.EQ, s("s1"))))));
        add(all, "query key conditions three", c -> c.query(r -> r.tableName(MAIN).keyConditions(conds(
                "pk", cond(ComparisonOperator.EQ, s("p1")), "sk", cond(ComparisonOperator.EQ, s("s1")), "n", cond(ComparisonOperator.EQ, n("1"))))));
        add(all, "query key conditions wrong count", c -> c.query(r -> r.tableName(MAIN).keyConditions(conds("pk", cond(ComparisonOperator.EQ, s("p1"), s("p2"))))));
        add(all, "query key conditions between reversed", c -> c.query(r -> r.tableName(MAIN).keyConditions(conds(
                "pk", cond(ComparisonOperator.EQ, s("p1")), "sk", cond(ComparisonOperator.BETWEEN, s("s5"), s("s2"))))));
        add(all, "query key conditions begins with number", c -> c.query(r -> r.tableName(MAIN).keyConditions(conds(
                "pk", cond(ComparisonOperator.EQ, s("p1")), "sk", cond(ComparisonOperator.BEGINS_WITH, n("1"))))));
        add(all, "query key conditions with filter expression", c -> c.query(r -> r.tableName(MAIN)
                .keyConditions(conds("pk", cond(ComparisonOperator.EQ, s("p1")))).filterExpression("attribute_exists(b)")));
        add(all, "query key conditions with key condition expression", c -> c.query(r -> r.tableName(MAIN)
                .keyConditions(conds("pk", cond(ComparisonOperator.EQ, s("p1")))).keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("p1")))));
        add(all, "query filter with filter expression", c -> c.query(r -> r.tableName(MAIN).keyConditionExpression("pk = :p").expressionAttributeValues(map(":p", s("p1")))
                .queryFilter(conds("n", cond(ComparisonOperator.NOT_NULL)))));

        // QueryFilter and ScanFilter, one operator at a time
        Object[][] filters = {
                {"n", cond(ComparisonOperator.GT, n("1"))}, {"n", cond(ComparisonOperator.LE, n("1.5"))}, {"n", cond(ComparisonOperator.EQ, n("3"))},
                {"n", cond(ComparisonOperator.NE, n("3"))}, {"s", cond(ComparisonOperator.BEGINS_WITH, s("b"))}, {"s", cond(ComparisonOperator.LT, s("b"))},
                {"s", cond(ComparisonOperator.GE, s("m"))}, {"b", cond(ComparisonOperator.NOT_NULL)}, {"b", cond(ComparisonOperator.NULL)},
                {"ss", cond(ComparisonOperator.CONTAINS, s("x"))}, {"ss", cond(ComparisonOperator.NOT_CONTAINS, s("y0"))},
                {"s", cond(ComparisonOperator.CONTAINS, s("an"))}, {"l", cond(ComparisonOperator.CONTAINS, s("a1"))},
                {"ns", cond(ComparisonOperator.CONTAINS, n("11"))}, {"n", cond(ComparisonOperator.IN, n("1.5"), n("3"), n("100"))},
                {"s", cond(ComparisonOperator.IN, s("m"))}, {"n", cond(ComparisonOperator.BETWEEN, n("-1.5"), n("4.5"))},
                {"s", cond(ComparisonOperator.BETWEEN, s("a"), s("c"))}, {"ss", cond(ComparisonOperator.EQ, ss("y0", "x"))},
                {"n", cond(ComparisonOperator.EQ, s("3"))}, {"missing", cond(ComparisonOperator.NE, s("x"))},
        };
        for (Object[] f : filters) {
            String attribute = (String) f[0];
            Condition condition = (Condition) f[1];
            String name = attribute + " " + condition.comparisonOperatorAsString() + " " + condition.attributeValueList();
            add(all, "scan filter " + name, c -> c.scan(r -> r.tableName(MAIN).scanFilter(conds(attribute, condition))));
            add(all, "query filter " + name, c -> c.query(r -> r.tableName(MAIN).keyConditions(conds("pk", cond(ComparisonOperator.EQ, s("p2"))))
                    .queryFilter(conds(attribute, condition))));
        }
        add(all, "scan filter two conditions and", c -> c.scan(r -> r.tableName(MAIN).scanFilter(conds(
                "n", cond(ComparisonOperator.GT, n("0")), "b", cond(ComparisonOperator.NOT_NULL)))));
        // (dynalite's ConditionalOperator OR gives up at the first condition that fails, so OR is covered in DocumentedBehaviourTest)
        add(all, "scan filter with limit and attributes", c -> c.scan(r -> r.tableName(MAIN).limit(7).attributesToGet("pk", "sk", "n")
                .scanFilter(conds("n", cond(ComparisonOperator.GT, n("0"))))));
        add(all, "scan filter count", c -> c.scan(r -> r.tableName(MAIN).select(Select.COUNT).scanFilter(conds("n", cond(ComparisonOperator.GT, n("0"))))));
        // refused filters
        add(all, "scan filter no values for EQ", c -> c.scan(r -> r.tableName(MAIN).scanFilter(conds("n", cond(ComparisonOperator.EQ)))));
        add(all, "scan filter value for NULL", c -> c.scan(r -> r.tableName(MAIN).scanFilter(conds("n", cond(ComparisonOperator.NULL, n("1"))))));
        add(all, "scan filter IN empty", c -> c.scan(r -> r.tableName(MAIN).scanFilter(conds("n", cond(ComparisonOperator.IN)))));
        add(all, "scan filter BETWEEN one value", c -> c.scan(r -> r.tableName(MAIN).scanFilter(conds("n", cond(ComparisonOperator.BETWEEN, n("1"))))));
        add(all, "scan filter mixed types", c -> c.scan(r -> r.tableName(MAIN).scanFilter(conds("n", cond(ComparisonOperator.IN, n("1"), s("1"))))));
        add(all, "scan filter LT on a set", c -> c.scan(r -> r.tableName(MAIN).scanFilter(conds("ss", cond(ComparisonOperator.LT, ss("x"))))));
        add(all, "scan filter CONTAINS a list", c -> c.scan(r -> r.tableName(MAIN).scanFilter(conds("l", cond(ComparisonOperator.CONTAINS, l(s("x")))))));
        add(all, "scan filter BEGINS_WITH a number", c -> c.scan(r -> r.tableName(MAIN).scanFilter(conds("n", cond(ComparisonOperator.BEGINS_WITH, n("1"))))));
        add(all, "scan filter BETWEEN reversed", c -> c.scan(r -> r.tableName(MAIN).scanFilter(conds("n", cond(ComparisonOperator.BETWEEN, n("5"), n("1"))))));
        add(all, "scan filter with filter expression", c -> c.scan(r -> r.tableName(MAIN).filterExpression("attribute_exists(n)")
                .scanFilter(conds("n", cond(ComparisonOperator.NOT_NULL)))));
        add(all, "scan attributes to get with projection", c -> c.scan(r -> r.tableName(MAIN).attributesToGet("n").projectionExpression("s")));
        add(all, "scan conditional operator with filter expression", c -> c.scan(r -> r.tableName(MAIN).filterExpression("attribute_exists(n)")
                .conditionalOperator(ConditionalOperator.OR)));
        add(all, "scan names without expressions", c -> c.scan(r -> r.tableName(MAIN).scanFilter(conds("n", cond(ComparisonOperator.NOT_NULL)))
                .expressionAttributeNames(names("#n", "n"))));

        // Expected on PutItem and DeleteItem
        add(all, "put expected not exists on a new item", c -> c.putItem(r -> r.tableName(MAIN).item(lg("a"))
                .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))));
        add(all, "put expected not exists on an existing item", c -> c.putItem(r -> r.tableName(MAIN).item(lg("a"))
                .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))));
        add(all, "put expected value", c -> c.putItem(r -> {
            Map<String, AttributeValue> item = lg("a");
            item.put("v", n("1"));
            r.tableName(MAIN).item(item).expected(Map.of("sk", ExpectedAttributeValue.builder().value(s("a")).build())).returnValues(ReturnValue.ALL_OLD);
        }));
        add(all, "put expected value differs", c -> c.putItem(r -> r.tableName(MAIN).item(lg("a"))
                .expected(Map.of("v", ExpectedAttributeValue.builder().value(n("2")).build()))));
        // (dynalite reads Exists=true with a Value as "exists", ignoring the value; DynamoDB compares: DocumentedBehaviourTest)
        add(all, "put expected comparison", c -> c.putItem(r -> {
            Map<String, AttributeValue> item = lg("a");
            item.put("v", n("2"));
            r.tableName(MAIN).item(item).expected(Map.of("v", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.LT).value(n("5")).build()));
        }));
        add(all, "put expected comparison list fails", c -> c.putItem(r -> r.tableName(MAIN).item(lg("a"))
                .expected(Map.of("v", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.BETWEEN).attributeValueList(n("5"), n("9")).build()))));
        // the condition that holds comes first: dynalite's OR stops at the first condition that fails
        Map<String, ExpectedAttributeValue> either = new LinkedHashMap<>();
        either.put("sk", ExpectedAttributeValue.builder().exists(true).value(s("a")).build());
        either.put("v", ExpectedAttributeValue.builder().value(n("9")).build());
        add(all, "put expected or", c -> c.putItem(r -> r.tableName(MAIN).item(lg("a")).conditionalOperator(ConditionalOperator.OR).expected(either)));
        add(all, "get after expected puts", c -> c.getItem(r -> r.tableName(MAIN).key(lg("a"))));
        Map<String, ExpectedAttributeValue> badExpected = new LinkedHashMap<>();
        badExpected.put("value and exists false", ExpectedAttributeValue.builder().value(n("1")).exists(false).build());
        badExpected.put("exists true without value", ExpectedAttributeValue.builder().exists(true).build());
        badExpected.put("nothing", ExpectedAttributeValue.builder().build());
        badExpected.put("exists and operator", ExpectedAttributeValue.builder().exists(true).comparisonOperator(ComparisonOperator.NOT_NULL).build());
        badExpected.put("list without operator", ExpectedAttributeValue.builder().attributeValueList(n("1")).build());
        badExpected.put("value and list", ExpectedAttributeValue.builder().value(n("1")).attributeValueList(n("1")).comparisonOperator(ComparisonOperator.EQ).build());
        badExpected.put("operator without value", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.GT).build());
        badExpected.put("NULL with a value", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NULL).value(n("1")).build());
        badExpected.put("mixed list", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.IN).attributeValueList(n("1"), s("1")).build());
        badExpected.forEach((name, e) -> add(all, "put expected " + name, c -> c.putItem(r -> r.tableName(MAIN).item(lg("a")).expected(Map.of("v", e)))));
        add(all, "put expected with condition expression", c -> c.putItem(r -> r.tableName(MAIN).item(lg("a")).conditionExpression("attribute_exists(pk)")
                .expected(Map.of("v", ExpectedAttributeValue.builder().exists(false).build()))));
        add(all, "delete expected fails", c -> c.deleteItem(r -> r.tableName(MAIN).key(lg("a"))
                .expected(Map.of("v", ExpectedAttributeValue.builder().exists(true).value(n("7")).build()))));

        // AttributeUpdates on UpdateItem
        Object[][] updates = {
                {"PUT", AttributeAction.PUT, s("x")}, {"default action", null, n("4")}, {"ADD number", AttributeAction.ADD, n("5")},
                {"ADD number again", AttributeAction.ADD, n("-1.5")}, {"ADD set", AttributeAction.ADD, ss("a", "b")},
                {"ADD list", AttributeAction.ADD, l(s("x"), n("1"))}, {"DELETE set member", AttributeAction.DELETE, ss("a")},
                {"DELETE attribute", AttributeAction.DELETE, null},
                {"ADD string", AttributeAction.ADD, s("x")}, {"DELETE with a string", AttributeAction.DELETE, s("x")}, {"PUT without value", AttributeAction.PUT, null},
        };
        String[] attributes = {"u1", "u2", "u3", "u3", "u4", "u5", "u4", "u1", "u6", "u6", "u6"};
        for (int i = 0; i < updates.length; i++) {
            Object[] u = updates[i];
            String attribute = attributes[i];
            AttributeValueUpdate.Builder b = AttributeValueUpdate.builder();
            if (u[1] != null) b.action((AttributeAction) u[1]);
            if (u[2] != null) b.value((AttributeValue) u[2]);
            AttributeValueUpdate update = b.build();
            add(all, "update attribute updates " + u[0], c -> c.updateItem(r -> r.tableName(MAIN).key(lg("u"))
                    .attributeUpdates(Map.of(attribute, update)).returnValues(ReturnValue.ALL_NEW)));
        }
        add(all, "update attribute updates ADD list twice", c -> c.updateItem(r -> r.tableName(MAIN).key(lg("u"))
                .attributeUpdates(Map.of("u5", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(l(s("y"))).build())).returnValues(ReturnValue.UPDATED_NEW)));
        add(all, "update attribute updates key", c -> c.updateItem(r -> r.tableName(MAIN).key(lg("u"))
                .attributeUpdates(Map.of("sk", AttributeValueUpdate.builder().value(s("z")).build()))));
        add(all, "update attribute updates with expected", c -> c.updateItem(r -> r.tableName(MAIN).key(lg("u"))
                .attributeUpdates(Map.of("u7", AttributeValueUpdate.builder().value(s("z")).build()))
                .expected(Map.of("u3", ExpectedAttributeValue.builder().value(n("3.5")).build())).returnValues(ReturnValue.UPDATED_OLD)));
        add(all, "update attribute updates with failing expected", c -> c.updateItem(r -> r.tableName(MAIN).key(lg("u"))
                .attributeUpdates(Map.of("u7", AttributeValueUpdate.builder().value(s("y")).build()))
                .expected(Map.of("u3", ExpectedAttributeValue.builder().exists(false).build()))));
        add(all, "update attribute updates with update expression", c -> c.updateItem(r -> r.tableName(MAIN).key(lg("u"))
                .attributeUpdates(Map.of("u7", AttributeValueUpdate.builder().value(s("y")).build())).updateExpression("REMOVE u1")));
        add(all, "update expected with update expression", c -> c.updateItem(r -> r.tableName(MAIN).key(lg("u")).updateExpression("REMOVE u1")
                .expected(Map.of("u3", ExpectedAttributeValue.builder().exists(false).build()))));
        add(all, "get after attribute updates", c -> c.getItem(r -> r.tableName(MAIN).key(lg("u"))));
    }

    static List<Case> all() {
        List<Case> all = new ArrayList<>();
        legacy(all);
        return all;
    }
}
