package dev.cruddur.admin.engine.expr;

/** One action of an UpdateExpression, in the order written. */
public sealed interface UpdateAction {
    Path path();
    record Set(Path path, Operand value) implements UpdateAction {}
    record Remove(Path path) implements UpdateAction {}
    record Add(Path path, Operand.Literal value) implements UpdateAction {}
    record Delete(Path path, Operand.Literal value) implements UpdateAction {}
}
