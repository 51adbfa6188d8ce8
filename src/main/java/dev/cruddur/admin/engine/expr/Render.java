package dev.cruddur.admin.engine.expr;

import dev.cruddur.admin.engine.model.AttributeValue;

import java.util.Base64;

/** Values as DynamoDB prints them inside error messages. */
final class Render {
    private Render() {}

    static String scalar(AttributeValue v) {
        if (v instanceof AttributeValue.S s) return s.value();
        if (v instanceof AttributeValue.N n) return n.text();
        if (v instanceof AttributeValue.B b) return Base64.getEncoder().encodeToString(b.value());
        if (v instanceof AttributeValue.Bool b) return String.valueOf(b.value());
        return v.toString();
    }
}
