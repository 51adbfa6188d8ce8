package dev.cruddur.admin.engine.expr;

/** The type of an operand when it is known without reading the item (a literal, or a function's result). */
public final class OperandTypes {
    private OperandTypes() {}

    public static String staticType(Operand o) { return ParserBase.staticType(o); }

    /** The value an update action writes, as far as it is known before reading the item; null for REMOVE. */
    public static String staticType(UpdateAction a) {
        if (a instanceof UpdateAction.Set s) return staticType(s.value());
        if (a instanceof UpdateAction.Add add) return staticType(add.value());
        if (a instanceof UpdateAction.Delete del) return staticType(del.value());
        return null;
    }
}
