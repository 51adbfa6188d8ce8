package dev.cruddur.admin.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque page cursor handed to callers: a {@code LastEvaluatedKey} of string attributes,
 * packed as base64url of {@code name=value} lines. Callers never look inside it.
 */
public final class Cursor {
    private Cursor() {}

    public static Optional<String> of(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) return Optional.empty();
        StringBuilder out = new StringBuilder();
        new TreeMap<>(lastEvaluatedKey).forEach((name, value) -> {
            if (value.s() == null) throw new IllegalArgumentException("only string keys can be paged: " + name);
            out.append(escape(name)).append('=').append(escape(value.s())).append('\n');
        });
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The key a cursor stands for; a cursor that was not made here is refused as bad input. */
    public static Map<String, AttributeValue> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                if (line.isEmpty()) continue;
                int eq = line.indexOf('=');
                if (eq < 0) throw new IllegalArgumentException("no '='");
                key.put(unescape(line.substring(0, eq)), AttributeValue.fromS(unescape(line.substring(eq + 1))));
            }
            if (key.isEmpty()) throw new IllegalArgumentException("empty");
            return key;
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreException.Kind.INVALID, "That page cursor is not one this tool made.", e);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\e");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'e' ? '=' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
