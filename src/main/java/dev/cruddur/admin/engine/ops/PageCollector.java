package dev.cruddur.admin.engine.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cruddur.admin.engine.api.Json;
import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.expr.Condition;
import dev.cruddur.admin.engine.expr.ConditionEvaluator;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.expr.Projector;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.storage.StoredItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds one page of a Query or Scan. Items are taken until Limit items were read or 1 MB was read;
 * the filter applies after that, as in DynamoDB (so a page may hold fewer items than Limit, even none).
 */
final class PageCollector {
    private static final int PAGE_BYTES = 1024 * 1024;

    private final Integer limit;
    private final Condition filter;
    private final List<Path> projection;
    private final boolean countOnly;
    private final List<String> startKeyNames;
    /** For LSI reads of ALL_ATTRIBUTES with a partial projection: fetches the whole table item. */
    private final Function<StoredItem, StoredItem> fetch;

    private final ArrayNode items = Json.array();
    /**
     * With no filter and no projection a page is its items' stored text, joined as they are taken and written as
     * one raw value: a node per item cost the serializer a call (and often a copy) per item on a 100-item Query.
     */
    private final boolean storedText;
    private final List<String> itemsText = new java.util.ArrayList<>();
    private int scanned;
    private int count;
    private long pageBytes;
    private long readBytes;
    private StoredItem last;

    PageCollector(Integer limit, Condition filter, List<Path> projection, boolean countOnly, List<String> startKeyNames,
                  Function<StoredItem, StoredItem> fetch) {
        this.limit = limit;
        this.filter = filter;
        this.projection = projection;
        this.countOnly = countOnly;
        this.startKeyNames = startKeyNames;
        this.fetch = fetch;
        this.storedText = filter == null && projection == null;
    }

    boolean full() { return (limit != null && scanned >= limit) || pageBytes >= PAGE_BYTES; }

    /** Offers the next candidate; returns false when the page is full and iteration should stop. */
    boolean offer(StoredItem candidate) {
        if (full()) return false;
        scanned++;
        pageBytes += candidate.pageSize();
        readBytes += candidate.size();
        last = candidate;
        StoredItem stored = fetch == null ? candidate : fetch.apply(candidate);
        if (storedText) {
            count++;
            if (!countOnly) itemsText.add(stored.json());
            return true;
        }
        Map<String, AttributeValue> item = stored.parse();
        if (filter != null && !ConditionEvaluator.matches(filter, item)) return true;
        count++;
        if (!countOnly) items.add(Values.itemToJson(projection == null ? item : Projector.project(item, projection)));
        return true;
    }

    long readBytes() { return readBytes; }

    ObjectNode response() {
        ObjectNode r = Json.object();
        if (!countOnly && storedText)
            r.putPOJO("Items", new dev.cruddur.admin.engine.api.RawJsonArray(itemsText));
        else if (!countOnly) r.set("Items", items);
        r.put("Count", count);
        r.put("ScannedCount", scanned);
        if (full() && last != null) r.set("LastEvaluatedKey", Values.itemToJson(lastKey()));
        return r;
    }

    /**
     * The start key of the next page. When its names are the table's key (a table read, or an index whose keys
     * are the table's), the values are the stored item's key and the item need not be parsed: a full page of a
     * Query (Limit reached) would otherwise parse its last item whole for one or two attributes.
     */
    private Map<String, AttributeValue> lastKey() {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        int tableKeyCount = last.key().range() == null ? 1 : 2;
        if (startKeyNames.size() == tableKeyCount) {
            // startKeyNames begins with the table's hash and range (ReadRequest.source) and adds only other names
            key.put(startKeyNames.get(0), last.key().hash());
            if (tableKeyCount == 2) key.put(startKeyNames.get(1), last.key().range());
            return key;
        }
        Map<String, AttributeValue> item = last.parse();
        for (String name : startKeyNames) key.put(name, item.get(name));
        return key;
    }
}
