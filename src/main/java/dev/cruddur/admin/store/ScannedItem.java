package dev.cruddur.admin.store;

import static dev.cruddur.admin.domain.TableKeys.PK;
import static dev.cruddur.admin.domain.TableKeys.SK;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item as a scan found it, whole, so a migration can write it again under another sort key
 * without reading it twice. Layers above the store see its keys, its string attributes and a
 * digest of its content, never SDK types.
 */
public final class ScannedItem {
    private final Map<String, AttributeValue> attributes;

    ScannedItem(Map<String, AttributeValue> attributes) {
        this.attributes = Map.copyOf(attributes);
    }

    /** An item of string attributes only (pk and sk included): for tests and hand-made rows. */
    public static ScannedItem ofStrings(Map<String, String> strings) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        strings.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        return new ScannedItem(item);
    }

    public String pk() {
        String pk = Items.string(attributes, PK);
        return pk == null ? "" : pk;
    }

    public String sk() {
        String sk = Items.string(attributes, SK);
        return sk == null ? "" : sk;
    }

    /** A string (or number) attribute's text, or null when absent or of another type. */
    public String attribute(String name) {
        return Items.string(attributes, name);
    }

    Map<String, AttributeValue> attributes() {
        return attributes;
    }

    /** The item under another sort key, with some string attributes replaced. */
    Map<String, AttributeValue> movedTo(String sortKey, Map<String, String> replaced) {
        Map<String, AttributeValue> moved = new HashMap<>(attributes);
        moved.put(SK, AttributeValue.fromS(sortKey));
        replaced.forEach((name, value) -> moved.put(name, AttributeValue.fromS(value)));
        return moved;
    }

    /**
     * A digest of every attribute but the sort key, with {@code replaced} applied first: two items
     * with the same digest are copies of one another whatever their sort keys. This is how a
     * migration interrupted between its put and its delete is recognised and finished.
     */
    public String contentDigest(Map<String, String> replaced) {
        Map<String, AttributeValue> content = new TreeMap<>(attributes);
        content.remove(SK);
        replaced.forEach((name, value) -> content.put(name, AttributeValue.fromS(value)));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // AttributeValue's toString is complete and stable for every type, sets included
            content.forEach((name, value) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(canonicalText(value).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 1);
            });
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String contentDigest() {
        return contentDigest(Map.of());
    }

    private static String canonicalText(AttributeValue v) {
        return switch (v.type()) {
            case S -> "S:" + v.s();
            case N -> "N:" + v.n();
            case B -> "B:" + Base64.getEncoder().encodeToString(v.b().asByteArray());
            case BOOL -> "BOOL:" + v.bool();
            case NUL -> "NULL";
            case SS -> "SS:" + new java.util.TreeSet<>(v.ss());
            case NS -> "NS:" + new java.util.TreeSet<>(v.ns());
            case BS -> "BS:" + v.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).sorted().toList();
            case L -> "L:" + v.l().stream().map(ScannedItem::canonicalText).toList();
            case M -> "M:" + new TreeMap<>(v.m()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + canonicalText(e.getValue())).toList();
            default -> String.valueOf(v);
        };
    }

    @Override
    public String toString() {
        return pk() + " / " + sk();
    }
}
