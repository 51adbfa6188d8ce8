package dev.cruddur.admin.engine.expr;

import java.util.List;

/** A parsed condition (ConditionExpression, FilterExpression, KeyConditionExpression). */
public sealed interface Condition {
    record Compare(String operator, Operand left, Operand right) implements Condition {}
    record Between(Operand value, Operand low, Operand high) implements Condition {}
    record In(Operand value, List<Operand> candidates) implements Condition {}
    record And(Condition left, Condition right) implements Condition {}
    record Or(Condition left, Condition right) implements Condition {}
    record Not(Condition inner) implements Condition {}
    record Call(String name, List<Operand> args) implements Condition {}
}
