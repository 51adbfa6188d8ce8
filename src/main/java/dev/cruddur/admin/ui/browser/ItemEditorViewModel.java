package dev.cruddur.admin.ui.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cruddur.admin.store.ItemEditor;
import dev.cruddur.admin.store.ItemEditor.TextShape;
import dev.cruddur.admin.store.ItemJson;
import dev.cruddur.admin.store.TableShape;
import dev.cruddur.admin.ui.common.PlainErrors;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One item in the editor: the text (DynamoDB JSON or plain JSON, switchable), checked as it is
 * typed (it parses; the key attributes are there, of the key's type, and unchanged when editing),
 * and saved through {@link ItemEditor}: a new item only where its key is free, an edit only when
 * the stored item is still the one that was read. A refused edit offers to reload the item.
 */
public final class ItemEditorViewModel {
    public enum Kind { CREATE, EDIT }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    // Properties
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<TextShape> shape = new ReadOnlyObjectWrapper<>(this, "shape", TextShape.DYNAMODB_JSON);
    private final ReadOnlyObjectWrapper<Kind> kind = new ReadOnlyObjectWrapper<>(this, "kind");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canReload = new ReadOnlyBooleanWrapper(this, "canReload");
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(this, "saved");

    private final ItemBrowserViewModel browser;
    private final String table;
    private final TableShape tableShape;
    private ItemBrowserViewModel.Row row;
    private String readImage;

    ItemEditorViewModel(ItemBrowserViewModel browser, ItemBrowserViewModel.Row row) {
        this.browser = browser;
        this.table = browser.tableProperty().get();
        this.tableShape = browser.shapeProperty().get();
        this.row = row;
        text.addListener((o, a, b) -> validate());
        if (row == null) {
            kind.set(Kind.CREATE);
            text.set(pretty(template()));
        } else {
            kind.set(Kind.EDIT);
            readImage = row.dynamoJson();
            text.set(pretty(readImage));
        }
        validate();
    }

    public StringProperty textProperty() { return text; }
    public ReadOnlyObjectProperty<TextShape> shapeProperty() { return shape.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Kind> kindProperty() { return kind.getReadOnlyProperty(); }
    /** Why the text cannot be saved as it is (shown inline), or null. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** Why the last save was refused, or null. */
    public ReadOnlyStringProperty refusalProperty() { return refusal.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canReloadProperty() { return canReload.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty savedProperty() { return saved.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty writableProperty() { return browser.writableProperty(); }
    public String table() { return table; }

    // Commands

    /**
     * The editor's current text as a GetItem of its key or a PutItem of the whole item; empty while
     * the text does not parse (the problem line says why).
     */
    public Optional<String> copyAs(dev.cruddur.admin.app.browse.ItemCopyAs.Operation operation,
            dev.cruddur.admin.app.browse.ItemCopyAs.Language language) {
        return asDynamoJson().flatMap(json -> browser.copyItemAs(json, operation, language));
    }

    /** Starts a new item from a copy of an existing one (Duplicate): change its key, then save. */
    void startFrom(String dynamoJson) {
        kind.set(Kind.CREATE);
        readImage = null;
        row = null;
        text.set(pretty(shape.get() == TextShape.DYNAMODB_JSON ? dynamoJson : ItemJson.dynamoToPlain(dynamoJson)));
        status.set("A copy: change its key, then save it as a new item.");
    }

    /** Shows the item in the other notation; refused (with the reason inline) while the text does not parse. */
    public boolean switchTo(TextShape next) {
        if (next == shape.get()) return true;
        Optional<String> dynamo = asDynamoJson();
        if (dynamo.isEmpty()) {
            problem.set("Fix the text before switching: " + problem.get());
            return false;
        }
        shape.set(next);
        text.set(pretty(next == TextShape.DYNAMODB_JSON ? dynamo.get() : ItemJson.dynamoToPlain(dynamo.get())));
        return true;
    }

    public void save() {
        validate();
        if (!valid.get() || busy.get()) return;
        Optional<String> readOnly = browser.whyReadOnly();
        if (readOnly.isPresent()) {
            refusal.set(readOnly.get());
            return;
        }
        ItemEditor editor = browser.editor();
        String t = text.get();
        TextShape s = shape.get();
        String image = readImage;
        Kind k = kind.get();
        Map<String, Object> key = keyOf(asDynamoJson().orElseThrow());
        busy.set(true);
        refusal.set(null);
        canReload.set(false);
        browser.tasks().run(p -> {
            ItemEditor.SaveOutcome outcome = k == Kind.CREATE ? editor.create(table, t, s, false) : editor.replace(table, image, t, s);
            Optional<ItemBrowserViewModel.Row> stored = outcome instanceof ItemEditor.Saved
                    ? browser.fetch(table, tableShape, key) : Optional.empty();
            return new Object[] {outcome, stored};
        }, (Object[] result) -> {
            busy.set(false);
            ItemEditor.SaveOutcome outcome = (ItemEditor.SaveOutcome) result[0];
            @SuppressWarnings("unchecked")
            Optional<ItemBrowserViewModel.Row> stored = (Optional<ItemBrowserViewModel.Row>) result[1];
            if (outcome instanceof ItemEditor.Refused refused) {
                refusal.set(refused.reason());
                canReload.set(k == Kind.EDIT);
                return;
            }
            ItemEditor.Saved ok = (ItemEditor.Saved) outcome;
            ItemBrowserViewModel.Row now = stored.orElse(new ItemBrowserViewModel.Row(
                    row == null ? Map.of() : row.values(), ok.dynamoJson()));
            browser.replaceRow(row, now);
            row = now;
            readImage = now.dynamoJson();
            kind.set(Kind.EDIT);
            status.set("Saved to " + table + ".");
            saved.set(true);
        }, failure -> {
            busy.set(false);
            refusal.set(PlainErrors.describe(failure));
        });
    }

    /** Reads the item as it is stored now, replacing the text (after a refused, stale save). */
    public void reload() {
        if (readImage == null || busy.get()) return;
        Map<String, Object> key = keyOf(readImage);
        busy.set(true);
        browser.tasks().run(p -> browser.fetch(table, tableShape, key), (Optional<ItemBrowserViewModel.Row> found) -> {
            busy.set(false);
            canReload.set(false);
            refusal.set(null);
            if (found.isEmpty()) {
                if (row != null) browser.removeRow(row);
                row = null;
                readImage = null;
                kind.set(Kind.CREATE);
                status.set("The item was deleted meanwhile: saving now creates it again.");
                validate();
                return;
            }
            ItemBrowserViewModel.Row now = found.get();
            browser.replaceRow(row, now);
            row = now;
            readImage = now.dynamoJson();
            text.set(pretty(shape.get() == TextShape.DYNAMODB_JSON ? readImage : ItemJson.dynamoToPlain(readImage)));
            status.set("Reloaded: this is the item as stored now. Make your change again.");
        }, failure -> {
            busy.set(false);
            refusal.set(PlainErrors.describe(failure));
        });
    }

    /** Deletes the item being edited. */
    public void delete(Runnable onDone) {
        if (readImage == null || busy.get()) return;
        Optional<String> readOnly = browser.whyReadOnly();
        if (readOnly.isPresent()) {
            refusal.set(readOnly.get());
            return;
        }
        ItemEditor editor = browser.editor();
        Map<String, Object> key = keyOf(readImage);
        busy.set(true);
        browser.tasks().run(p -> {
            editor.delete(table, key);
            return true;
        }, ok -> {
            busy.set(false);
            if (row != null) browser.removeRow(row);
            onDone.run();
        }, failure -> {
            busy.set(false);
            refusal.set(PlainErrors.describe(failure));
        });
    }

    // Validation, without I/O: it runs on each keystroke

    private void validate() {
        Optional<String> dynamo = asDynamoJson();
        if (dynamo.isEmpty()) {
            valid.set(false);
            return;
        }
        Optional<String> wrong = keyProblem(dynamo.get());
        problem.set(wrong.orElse(null));
        valid.set(wrong.isEmpty());
    }

    /** The text as DynamoDB JSON; empty (and the problem set) when it does not parse. */
    private Optional<String> asDynamoJson() {
        String t = text.get();
        try {
            if (shape.get() == TextShape.DYNAMODB_JSON) {
                ItemJson.dynamoToPlain(t);
                return Optional.of(t);
            }
            return Optional.of(ItemJson.plainToDynamo(t));
        } catch (ItemJson.Malformed e) {
            problem.set("Not " + (shape.get() == TextShape.DYNAMODB_JSON ? "DynamoDB JSON" : "JSON") + " " + e.describe());
        } catch (RuntimeException e) {
            problem.set("Not " + (shape.get() == TextShape.DYNAMODB_JSON ? "DynamoDB JSON" : "JSON") + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<String> keyProblem(String dynamoJson) {
        if (tableShape == null) return Optional.of("The table's keys are still being read.");
        JsonNode item = tree(dynamoJson);
        JsonNode read = readImage == null ? null : tree(readImage);
        for (TableShape.Key key : tableShape.keys()) {
            JsonNode v = item.get(key.name());
            if (v == null) return Optional.of("The key attribute '" + key.name() + "' is missing.");
            String type = v.fieldNames().hasNext() ? v.fieldNames().next() : "";
            if (!type.equals(key.type())) return Optional.of("The key attribute '" + key.name() + "' must be of type " + key.type() + ", not " + type + ".");
            if (v.get(type).asText().isEmpty()) return Optional.of("The key attribute '" + key.name() + "' is empty.");
            if (kind.get() == Kind.EDIT && read != null && !v.equals(read.get(key.name()))) {
                return Optional.of("The key attribute '" + key.name() + "' changed: keys cannot be edited. Use Duplicate to copy the item under a new key.");
            }
        }
        return Optional.empty();
    }

    /** The key's plain values (String, BigDecimal or byte[]) from DynamoDB JSON. */
    private Map<String, Object> keyOf(String dynamoJson) {
        JsonNode item = tree(dynamoJson);
        Map<String, Object> key = new LinkedHashMap<>();
        for (TableShape.Key k : tableShape.keys()) {
            JsonNode v = item.get(k.name()).get(k.type());
            key.put(k.name(), switch (k.type()) {
                case "N" -> new BigDecimal(v.asText());
                case "B" -> Base64.getDecoder().decode(v.asText());
                default -> v.asText();
            });
        }
        return key;
    }

    private String template() {
        if (tableShape == null) return "{}";
        Map<String, Object> item = new LinkedHashMap<>();
        for (TableShape.Key k : tableShape.keys()) item.put(k.name(), Map.of(k.type(), k.type().equals("N") ? "0" : ""));
        try {
            return JSON.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Indented, with the table's key attributes first (the order a person reads an item in). */
    private String pretty(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object && tableShape != null) {
                com.fasterxml.jackson.databind.node.ObjectNode ordered = JSON.createObjectNode();
                for (String k : tableShape.keyNames()) if (object.has(k)) ordered.set(k, object.get(k));
                object.fields().forEachRemaining(e -> {
                    if (!ordered.has(e.getKey())) ordered.set(e.getKey(), e.getValue());
                });
                node = ordered;
            }
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
