package dev.cruddur.admin.engine;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A comparable text of a response or error: attributes sorted by name, set members sorted, list order kept,
 * item order kept (order is part of what is compared).
 */
final class Canonical {
    private Canonical() {}

    /** "ok ..." or "error Code: message". */
    static String outcome(Supplier<Object> call) {
        try {
            return "ok " + of(call.get());
        } catch (DynamoDbException e) {
            return "error " + e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        }
    }

    static String of(Object o) {
        if (o == null) return "null";
        if (o instanceof AttributeValue v) return value(v);
        if (o instanceof Map<?, ?> m) {
            TreeMap<String, String> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), of(v)));
            return sorted.toString();
        }
        if (o instanceof List<?> l) return l.stream().map(Canonical::of).collect(Collectors.joining(", ", "[", "]"));
        if (o instanceof QueryResponse q)
            return "items=" + of(q.hasItems() ? q.items() : null) + " count=" + q.count() + " scanned=" + q.scannedCount()
                    + " lek=" + of(q.hasLastEvaluatedKey() ? q.lastEvaluatedKey() : null);
        if (o instanceof ScanResponse q)
            return "items=" + of(q.hasItems() ? q.items() : null) + " count=" + q.count() + " scanned=" + q.scannedCount()
                    + " lek=" + of(q.hasLastEvaluatedKey() ? q.lastEvaluatedKey() : null);
        if (o instanceof GetItemResponse g) return "item=" + of(g.hasItem() ? g.item() : null);
        if (o instanceof PutItemResponse p) return "attributes=" + of(p.hasAttributes() ? p.attributes() : null);
        if (o instanceof UpdateItemResponse p) return "attributes=" + of(p.hasAttributes() ? p.attributes() : null);
        if (o instanceof DeleteItemResponse p) return "attributes=" + of(p.hasAttributes() ? p.attributes() : null);
        if (o instanceof BatchGetItemResponse b) {
            TreeMap<String, String> sorted = new TreeMap<>();
            // batch results come in no particular order: sort each table's items
            b.responses().forEach((t, items) -> sorted.put(t, items.stream().map(Canonical::of).sorted().collect(Collectors.toList()).toString()));
            return "responses=" + sorted + " unprocessed=" + b.unprocessedKeys().size();
        }
        return String.valueOf(o);
    }

    static String value(AttributeValue v) {
        if (v.s() != null) return "S:" + v.s();
        if (v.n() != null) return "N:" + v.n();
        if (v.b() != null) return "B:" + Base64.getEncoder().encodeToString(v.b().asByteArray());
        if (v.bool() != null) return "BOOL:" + v.bool();
        if (Boolean.TRUE.equals(v.nul())) return "NULL";
        if (v.hasSs()) return "SS:" + new ArrayList<>(v.ss()).stream().sorted().toList();
        if (v.hasNs()) return "NS:" + new ArrayList<>(v.ns()).stream().sorted().toList();
        if (v.hasBs()) return "BS:" + v.bs().stream().map(SdkBytes::asByteArray).map(b -> Base64.getEncoder().encodeToString(b)).sorted().toList();
        if (v.hasL()) return "L:" + of(v.l());
        if (v.hasM()) return "M:" + of(v.m());
        return "?" + v;
    }
}
