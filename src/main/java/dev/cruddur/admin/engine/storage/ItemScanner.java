package dev.cruddur.admin.engine.storage;

import dev.cruddur.admin.engine.api.Values;
import dev.cruddur.admin.engine.model.AttributeValue;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads only the named top-level attributes of a stored item's JSON text, skipping the rest without building
 * it. Replaying a log needs just the keys (and index keys, TTL attribute) of each item, and a full parse of
 * 100,000 items would dominate reopen time. Stored text is our own ASCII output, so the grammar is small.
 */
final class ItemScanner {
    private ItemScanner() {}

    static Map<String, AttributeValue> attributes(String json, Set<String> wanted) {
        Map<String, AttributeValue> found = new HashMap<>(8);
        int i = 1, n = json.length();
        while (i < n && json.charAt(i) == '"') {
            int nameEnd = endOfString(json, i);
            String name = unescape(json, i + 1, nameEnd);
            int valueStart = nameEnd + 2; // skip `":`
            int valueEnd = endOfValue(json, valueStart);
            if (wanted.contains(name)) found.put(name, scalar(json, valueStart, valueEnd));
            i = valueEnd;
            if (i < n && json.charAt(i) == ',') i++;
        }
        return found;
    }

    /** {"S":"…"}, {"N":"…"} or {"B":"…"} read directly; anything else through the full reader. */
    private static AttributeValue scalar(String json, int start, int end) {
        // start is the '{' of {"S":"text"}: the type letter sits at +2, the text's opening quote at +5
        if (json.charAt(start + 3) != '"' || json.charAt(start + 4) != ':' || json.charAt(start + 5) != '"') {
            return Values.itemFromText("{\"v\":" + json.substring(start, end) + "}").get("v");
        }
        char type = json.charAt(start + 2);
        int textStart = start + 6, textEnd = endOfString(json, start + 5);
        switch (type) {
            case 'S': return new AttributeValue.S(unescape(json, textStart, textEnd));
            case 'N': return new AttributeValue.N(new BigDecimal(json.substring(textStart, textEnd)));
            case 'B': return new AttributeValue.B(Base64.getDecoder().decode(json.substring(textStart, textEnd)));
            default: return Values.itemFromText("{\"v\":" + json.substring(start, end) + "}").get("v");
        }
    }

    /** Index of the closing quote of the string whose opening quote is at {@code quote}. */
    private static int endOfString(String s, int quote) {
        for (int i = quote + 1; ; i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') return i;
        }
    }

    /** Index just after the JSON value starting at {@code start}. */
    private static int endOfValue(String s, int start) {
        char c = s.charAt(start);
        if (c == '"') return endOfString(s, start) + 1;
        if (c != '{' && c != '[') {
            int i = start;
            while (i < s.length() && ",}]".indexOf(s.charAt(i)) < 0) i++;
            return i;
        }
        int depth = 0;
        for (int i = start; ; i++) {
            char d = s.charAt(i);
            if (d == '"') i = endOfString(s, i);
            else if (d == '{' || d == '[') depth++;
            else if (d == '}' || d == ']') {
                if (--depth == 0) return i + 1;
            }
        }
    }

    private static String unescape(String s, int from, int to) {
        if (s.indexOf('\\', from) < 0 || s.indexOf('\\', from) >= to) return s.substring(from, to);
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '\\') { b.append(c); continue; }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> { b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16)); i += 4; }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    /**
     * Whether the text is exactly one JSON object (strict grammar, nothing after it). Replay checks every item
     * with this before storing it: a damaged line must count as damage, never be served. It builds nothing,
     * so it costs a fraction of a parse.
     */
    static boolean isJsonObject(String s) {
        if (s.isEmpty() || s.charAt(0) != '{') return false;
        int end = skipValue(s, 0, 0);
        return end == s.length();
    }

    /** Index just after the JSON value at {@code i}, or -1 when it is not one. */
    private static int skipValue(String s, int i, int depth) {
        if (i >= s.length() || depth > 64) return -1;
        char c = s.charAt(i);
        switch (c) {
            case '{': {
                i++;
                if (i < s.length() && s.charAt(i) == '}') return i + 1;
                while (true) {
                    if (i >= s.length() || s.charAt(i) != '"') return -1;
                    i = skipString(s, i);
                    if (i < 0 || i >= s.length() || s.charAt(i) != ':') return -1;
                    i = skipValue(s, i + 1, depth + 1);
                    if (i < 0 || i >= s.length()) return -1;
                    char d = s.charAt(i);
                    if (d == '}') return i + 1;
                    if (d != ',') return -1;
                    i++;
                }
            }
            case '[': {
                i++;
                if (i < s.length() && s.charAt(i) == ']') return i + 1;
                while (true) {
                    i = skipValue(s, i, depth + 1);
                    if (i < 0 || i >= s.length()) return -1;
                    char d = s.charAt(i);
                    if (d == ']') return i + 1;
                    if (d != ',') return -1;
                    i++;
                }
            }
            case '"': return skipString(s, i);
            case 't': return s.startsWith("true", i) ? i + 4 : -1;
            case 'f': return s.startsWith("false", i) ? i + 5 : -1;
            case 'n': return s.startsWith("null", i) ? i + 4 : -1;
            default: return skipNumber(s, i);
        }
    }

    private static int skipString(String s, int quote) {
        for (int i = quote + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') return i + 1;
            if (c < 0x20 || c > 0x7F) return -1; // stored text is ASCII without control characters: anything else is damage
            if (c == '\\') {
                if (++i >= s.length()) return -1;
                char e = s.charAt(i);
                if (e == 'u') {
                    if (i + 4 >= s.length()) return -1;
                    for (int k = 1; k <= 4; k++) if (Character.digit(s.charAt(i + k), 16) < 0) return -1;
                    i += 4;
                } else if ("\"\\/bfnrt".indexOf(e) < 0) return -1;
            }
        }
        return -1;
    }

    private static int skipNumber(String s, int i) {
        int start = i, n = s.length();
        if (i < n && s.charAt(i) == '-') i++;
        int digits = i;
        while (i < n && Character.isDigit(s.charAt(i))) i++;
        if (i == digits) return -1;
        if (i < n && s.charAt(i) == '.') {
            int f = ++i;
            while (i < n && Character.isDigit(s.charAt(i))) i++;
            if (i == f) return -1;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int e = i;
            while (i < n && Character.isDigit(s.charAt(i))) i++;
            if (i == e) return -1;
        }
        return i > start ? i : -1;
    }
}
