package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.ApiException;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.expr.Condition;
import dev.cruddur.admin.engine.expr.Operand;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.ValueOrder;
import dev.cruddur.admin.engine.partiql.Statement;
import dev.cruddur.admin.engine.storage.HashBucket;
import dev.cruddur.admin.engine.storage.ItemKey;
import dev.cruddur.admin.engine.storage.KeyAttribute;
import dev.cruddur.admin.engine.storage.RowKey;
import dev.cruddur.admin.engine.storage.ScanOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A SELECT of ExecuteStatement. When its WHERE pins the partition key (an equality, an IN, or ORs of
 * equalities) it reads those partitions as Query does, narrowed by a sort key condition; otherwise it
 * scans, as DynamoDB does. The whole WHERE is the filter, applied after Limit items were read, through
 * the same page builder as Query and Scan; NextToken carries the last evaluated key.
 */
final class StatementSelect {
    private StatementSelect() {}

    static ObjectNode run(Engine engine, Statement.Select s, JsonNode request) {
        Integer limit = Json.integer(request, "Limit");
        if (limit != null && limit < 1)
            throw ApiException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        Map<String, AttributeValue> start = decodeToken(Json.string(request, "NextToken"));
        ObjectNode readParameters = Json.object();
        readParameters.put("TableName", s.table());
        if (s.index() != null) readParameters.put("IndexName", s.index());
        readParameters.put("ConsistentRead", Json.bool(request, "ConsistentRead"));
        ReadRequest read = new ReadRequest(readParameters, false);
        RequestSupport.enumValue(request, "ReturnConsumedCapacity", "returnConsumedCapacity", java.util.Set.of("INDEXES", "TOTAL", "NONE"));

        return engine.db.read(() -> {
            ReadRequest.Source source = read.source(engine);
            KeyAttribute hash = source.hash(), range = source.range();
            List<AttributeValue> partitions = pinnedPartitions(s.where(), hash);
            boolean forward = true;
            if (!s.orderBy().isEmpty()) {
                if (s.where() == null) throw ApiException.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
                if (partitions == null)
                    throw ApiException.validation("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
                for (Statement.OrderKey k : s.orderBy()) {
                    if (k.attribute().equals(hash.name())) {
                        partitions.sort((a, b) -> ValueOrder.comparable(a, b) ? ValueOrder.compareSameType(a, b) : 0);
                        if (k.descending()) java.util.Collections.reverse(partitions);
                    } else if (range != null && k.attribute().equals(range.name())) {
                        forward = !k.descending();
                    } else {
                        throw ApiException.validation("Variable reference [" + k.attribute() + "] in ORDER BY clause must be a key attribute of the table or index");
                    }
                }
            }
            RequestSupport.checkKeyPaths(source.definition(), s.projection());
            KeyCondition rangeCondition = partitions == null || range == null ? null : rangeCondition(s.where(), range);
            // the conjuncts the partition lookup and the sort key range enforce exactly need no filtering:
            // without a filter, stored items go into the page as they are stored, unparsed
            Condition filter = partitions == null ? s.where() : residual(s.where(), hash, range, rangeCondition);
            PageCollector page = new PageCollector(limit, filter, s.projection(), false, source.startKeyNames(), source.fetch());
            if (partitions != null) {
                int from = 0;
                RowKey startRow = null;
                if (start != null) {
                    from = partitions.indexOf(start.get(hash.name()));
                    if (from < 0) throw invalidToken();
                    startRow = startRow(source, start);
                }
                for (int i = from; i < partitions.size() && !page.full(); i++) {
                    AttributeValue partition = partitions.get(i);
                    if (!partition.type().equals(hash.type())) continue;
                    Query.readPartition(source.items().partition(HashBucket.of(partition)), rangeCondition,
                            i == from ? startRow : null, forward, page);
                }
            } else {
                HashBucket startBucket = null;
                RowKey startRow = null;
                if (start != null) {
                    AttributeValue h = start.get(hash.name());
                    if (h == null) throw invalidToken();
                    startBucket = HashBucket.of(h);
                    startRow = startRow(source, start);
                }
                source.items().scan(startBucket, startRow, e -> page.offer(e.getValue()));
            }
            ObjectNode collected = page.response();
            ObjectNode response = Json.object();
            response.set("Items", collected.get("Items"));
            if (collected.has("LastEvaluatedKey")) {
                response.put("NextToken", encodeToken(collected.get("LastEvaluatedKey")));
                response.set("LastEvaluatedKey", collected.get("LastEvaluatedKey"));
            }
            double units = RequestSupport.readUnits(page.readBytes(), read.consistent);
            RequestSupport.consumedCapacity(response, request, s.table(), source.index() == null ? units : 0,
                    source.index() == null ? Map.of() : Map.of(source.index().name(), units));
            return response;
        });
    }

    /** The WHERE without its first hash-pinning conjunct and the conjunct the sort key range came from; null when nothing is left. */
    private static Condition residual(Condition where, KeyAttribute hash, KeyAttribute range, KeyCondition rangeCondition) {
        List<Condition> rest = new ArrayList<>(StatementSupport.conjuncts(where));
        for (int i = 0; i < rest.size(); i++) {
            if (hashValues(rest.get(i), hash.name(), new ArrayList<>())) {
                rest.remove(i);
                break;
            }
        }
        if (rangeCondition != null) {
            for (int i = 0; i < rest.size(); i++) {
                KeyCondition k = rangeCondition(rest.get(i), range);
                if (k != null && k.equals(rangeCondition)) {
                    rest.remove(i);
                    break;
                }
            }
        }
        Condition out = null;
        for (Condition c : rest) out = out == null ? c : new Condition.And(out, c);
        return out;
    }

    /** The partition key values the WHERE pins (equality, IN, or ORs of equalities), or null when it pins none. */
    static List<AttributeValue> pinnedPartitions(Condition where, KeyAttribute hash) {
        for (Condition c : StatementSupport.conjuncts(where)) {
            List<AttributeValue> values = new ArrayList<>();
            if (hashValues(c, hash.name(), values)) {
                List<AttributeValue> distinct = new ArrayList<>();
                for (AttributeValue v : values) if (!distinct.contains(v)) distinct.add(v);
                return distinct;
            }
        }
        return null;
    }

    private static boolean hashValues(Condition c, String hash, List<AttributeValue> out) {
        AttributeValue v = StatementSupport.equalityValue(c, hash);
        if (v != null) { out.add(v); return true; }
        if (c instanceof Condition.In in && StatementSupport.isAttribute(in.value(), hash)) {
            for (Operand o : in.candidates()) {
                if (!(o instanceof Operand.Literal l)) return false;
                out.add(l.value());
            }
            return true;
        }
        if (c instanceof Condition.Or or) return hashValues(or.left(), hash, out) && hashValues(or.right(), hash, out);
        return false;
    }

    /** The first conjunct a sort key range can serve, as a key condition; the WHERE still filters every row. */
    static KeyCondition rangeCondition(Condition where, KeyAttribute range) {
        for (Condition c : StatementSupport.conjuncts(where)) {
            if (c instanceof Condition.Compare cmp && !cmp.operator().equals("<>")) {
                boolean left = StatementSupport.isAttribute(cmp.left(), range.name()) && cmp.right() instanceof Operand.Literal;
                boolean right = StatementSupport.isAttribute(cmp.right(), range.name()) && cmp.left() instanceof Operand.Literal;
                if (!left && !right) continue;
                AttributeValue v = ((Operand.Literal) (left ? cmp.right() : cmp.left())).value();
                if (!v.type().equals(range.type())) continue;
                String op = left ? cmp.operator() : switch (cmp.operator()) { case "<" -> ">"; case "<=" -> ">="; case ">" -> "<"; case ">=" -> "<="; default -> "="; };
                String name = switch (op) { case "=" -> "EQ"; case "<" -> "LT"; case "<=" -> "LE"; case ">" -> "GT"; default -> "GE"; };
                return new KeyCondition(name, List.of(v));
            }
            if (c instanceof Condition.Between b && StatementSupport.isAttribute(b.value(), range.name())
                    && b.low() instanceof Operand.Literal lo && b.high() instanceof Operand.Literal hi
                    && lo.value().type().equals(range.type()) && hi.value().type().equals(range.type())
                    && ValueOrder.compareSameType(lo.value(), hi.value()) <= 0) {
                return new KeyCondition("BETWEEN", List.of(lo.value(), hi.value()));
            }
            if (c instanceof Condition.Call call && call.name().equals("begins_with") && StatementSupport.isAttribute(call.args().get(0), range.name())
                    && call.args().get(1) instanceof Operand.Literal p && p.value().type().equals(range.type())
                    && (range.type().equals("S") || range.type().equals("B"))) {
                return new KeyCondition("BEGINS_WITH", List.of(p.value()));
            }
        }
        return null;
    }

    private static RowKey startRow(ReadRequest.Source source, Map<String, AttributeValue> start) {
        AttributeValue r = source.range() == null ? null : start.get(source.range().name());
        if (source.range() != null && r == null) throw invalidToken();
        if (source.index() == null) return RowKey.of(r);
        ItemKey tableKey;
        try {
            tableKey = RequestSupport.key(source.definition(), Query.tableKeyOf(source, start));
        } catch (ApiException e) {
            throw invalidToken();
        }
        return new RowKey(r, ScanOrder.prefix(tableKey.hash(), tableKey.range()), tableKey.hash(), tableKey.range(), 0);
    }

    static String encodeToken(JsonNode lastEvaluatedKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastEvaluatedKey.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeToken(String token) {
        if (token == null) return null;
        try {
            return Values.item(Json.MAPPER.readTree(Base64.getUrlDecoder().decode(token)));
        } catch (Exception e) {
            throw invalidToken();
        }
    }

    private static ApiException invalidToken() { return ApiException.validation("The provided NextToken is invalid"); }

}
