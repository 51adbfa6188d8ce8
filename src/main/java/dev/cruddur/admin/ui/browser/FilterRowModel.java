package dev.cruddur.admin.ui.browser;

import dev.cruddur.admin.app.browse.FilterOperator;
import dev.cruddur.admin.app.browse.FilterRow;
import dev.cruddur.admin.app.browse.ValueType;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable row of the filter builder: attribute, operator, value (and a second for BETWEEN), value type. */
public final class FilterRowModel {
    private final StringProperty attribute = new SimpleStringProperty(this, "attribute", "");
    private final ObjectProperty<FilterOperator> operator = new SimpleObjectProperty<>(this, "operator", FilterOperator.EQ);
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final StringProperty value2 = new SimpleStringProperty(this, "value2", "");
    private final ObjectProperty<ValueType> type = new SimpleObjectProperty<>(this, "type", ValueType.S);

    public static FilterRowModel of(String attribute, FilterOperator op, String value, ValueType type) {
        FilterRowModel row = new FilterRowModel();
        row.attribute.set(attribute);
        row.operator.set(op);
        row.value.set(value);
        row.type.set(type);
        return row;
    }

    public StringProperty attributeProperty() { return attribute; }
    public ObjectProperty<FilterOperator> operatorProperty() { return operator; }
    public StringProperty valueProperty() { return value; }
    public StringProperty value2Property() { return value2; }
    public ObjectProperty<ValueType> typeProperty() { return type; }

    /** A row left entirely empty is no condition (the builder shows one empty row to start from). */
    boolean blank() {
        return attribute.get().isBlank() && value.get().isBlank() && value2.get().isBlank();
    }

    FilterRow toRow() {
        return new FilterRow(attribute.get().strip(), operator.get(), value.get(), value2.get(), type.get());
    }
}
