package dev.cruddur.admin.engine;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.List;
import java.util.function.Function;

import static dev.cruddur.admin.engine.DiffData.*;
import static dev.cruddur.admin.engine.DifferentialTest.*;

/** Table-level actions compared with dynalite: ListTables paging, tags. */
final class DiffApiCases {
    private DiffApiCases() {}

    private static void add(List<Case> all, String name, Function<DynamoDbClient, Object> call) {
        all.add(new Case(name, call, true));
    }

    private static String arn(DynamoDbClient c, String table) {
        return c.describeTable(d -> d.tableName(table)).table().tableArn();
    }

    static void tablesAndTags(List<Case> all) {
        for (int limit = 1; limit <= 7; limit++) {
            int l = limit;
            add(all, "list tables limit " + l, c -> c.listTables(r -> r.limit(l)));
        }
        for (String start : List.of("a", "diff_big", "diff_bin", "diff_main", "diff_m", "diff_text", "zzz", "DIFF")) {
            add(all, "list tables after " + start, c -> c.listTables(r -> r.exclusiveStartTableName(start)));
            add(all, "list tables after " + start + " limit 2", c -> c.listTables(r -> r.exclusiveStartTableName(start).limit(2)));
        }
        add(all, "list tables page by page", c -> {
            StringBuilder pages = new StringBuilder();
            String start = null;
            for (int i = 0; i < 10; i++) {
                String s = start;
                ListTablesResponse r = c.listTables(q -> q.limit(2).exclusiveStartTableName(s));
                pages.append(r.tableNames()).append(" next ").append(r.lastEvaluatedTableName()).append("; ");
                start = r.lastEvaluatedTableName();
                if (start == null) break;
            }
            return pages.toString();
        });
        for (ReturnConsumedCapacity mode : List.of(ReturnConsumedCapacity.TOTAL, ReturnConsumedCapacity.INDEXES)) {
            for (boolean consistent : List.of(true, false)) {
                add(all, "batch get capacity per table " + mode + (consistent ? " consistent" : ""), c -> {
                    BatchGetItemResponse r = c.batchGetItem(b -> b.returnConsumedCapacity(mode).requestItems(java.util.Map.of(
                            MAIN, KeysAndAttributes.builder().consistentRead(consistent).keys(map("pk", s("p1"), "sk", s("s1")), map("pk", s("p1"), "sk", s("s2")),
                                    map("pk", s("p1"), "sk", s("none"))).build(),
                            BIG, KeysAndAttributes.builder().consistentRead(consistent).keys(map("pk", s("big"), "rk", n("1")), map("pk", s("big"), "rk", n("2"))).build())));
                    return r.consumedCapacity().stream().map(ConsumedCapacity::toString).sorted().toList() + " " + r.responses().get(MAIN).size();
                });
            }
        }
        add(all, "tags of an untagged table", c -> c.listTagsOfResource(r -> r.resourceArn(arn(c, MAIN))).tags());
        add(all, "tag a table", c -> c.tagResource(r -> r.resourceArn(arn(c, MAIN)).tags(
                Tag.builder().key("team").value("messages").build(), Tag.builder().key("env").value("test").build())));
        add(all, "tags after tagging", c -> c.listTagsOfResource(r -> r.resourceArn(arn(c, MAIN))).tags());
        add(all, "retag a table", c -> c.tagResource(r -> r.resourceArn(arn(c, MAIN)).tags(
                Tag.builder().key("env").value("prod").build(), Tag.builder().key("a").value("").build())));
        add(all, "tags after retagging", c -> c.listTagsOfResource(r -> r.resourceArn(arn(c, MAIN))).tags());
        add(all, "untag a table", c -> c.untagResource(r -> r.resourceArn(arn(c, MAIN)).tagKeys("team", "missing")));
        add(all, "tags after untagging", c -> c.listTagsOfResource(r -> r.resourceArn(arn(c, MAIN))).tags());
        add(all, "tags of another table", c -> c.listTagsOfResource(r -> r.resourceArn(arn(c, NUM))).tags());
        String missing = "arn:aws:dynamodb:us-east-1:000000000000:table/diff_none";
        add(all, "tags of a missing table", c -> c.listTagsOfResource(r -> r.resourceArn(missing)));
        add(all, "tag a missing table", c -> c.tagResource(r -> r.resourceArn(missing).tags(Tag.builder().key("k").value("v").build())));
        add(all, "untag a missing table", c -> c.untagResource(r -> r.resourceArn(missing).tagKeys("k")));
        add(all, "tag with no tags", c -> c.tagResource(r -> r.resourceArn(arn(c, MAIN)).tags(List.of())));
        add(all, "untag with no keys", c -> c.untagResource(r -> r.resourceArn(arn(c, MAIN)).tagKeys(List.of())));
        add(all, "tag without tags", c -> c.tagResource(r -> r.resourceArn(arn(c, MAIN))));
        add(all, "tag a malformed table arn", c -> c.tagResource(r -> r.resourceArn("arn:aws:s3:x:y:z/abc").tags(Tag.builder().key("k").value("v").build())));
        add(all, "tag with an empty key", c -> c.tagResource(r -> r.resourceArn(arn(c, MAIN)).tags(Tag.builder().key("").value("v").build())));
    }
}
