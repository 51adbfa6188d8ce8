package dev.cruddur.admin.engine.expr;

import dev.cruddur.admin.engine.model.AttributeValue;

import java.util.List;

/** Something that yields a value in an expression: a path, a :value, or a function such as size(). */
public sealed interface Operand permits Path, Operand.Literal, Operand.Function, Operand.Arithmetic {

    record Literal(String placeholder, AttributeValue value) implements Operand {}

    /** size(), if_not_exists(), list_append(); condition functions parse as this too and are checked by position. */
    record Function(String name, List<Operand> args) implements Operand {}

    /** SET a = b + c / b - c. */
    record Arithmetic(char operator, Operand left, Operand right) implements Operand {}
}
