package dev.cruddur.admin.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** condition := or; or := and (OR and)*; and := not (AND not)*; not := NOT not | primary. */
public final class ConditionParser extends ParserBase {
    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");
    private static final Map<String, Integer> FUNCTIONS = Map.of(
            "attribute_exists", 1, "attribute_not_exists", 1, "attribute_type", 2,
            "begins_with", 2, "contains", 2, "size", 1);

    private ConditionParser(String input, ExpressionContext context) throws ExpressionException {
        super(input, context);
    }

    public static Condition parse(String input, ExpressionContext context) throws ExpressionException {
        ConditionParser p = new ConditionParser(input, context);
        Condition c = p.or();
        p.expectEnd();
        p.throwFirst("parens", "unknownFunction", "misusedFunction", "reserved",
                "attrName", "attrVal", "operand", "distinct", "function");
        return c;
    }

    private Condition or() throws ExpressionException {
        Condition left = and();
        while (peek().isKeyword("OR")) {
            position++;
            countOperator();
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() throws ExpressionException {
        Condition left = not();
        while (peek().isKeyword("AND")) {
            position++;
            countOperator();
            left = new Condition.And(left, not());
        }
        return left;
    }

    private Condition not() throws ExpressionException {
        if (peek().isKeyword("NOT")) {
            position++;
            countOperator();
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() throws ExpressionException {
        if (peek().is("(")) {
            position++;
            boolean doubled = peek().is("(");
            Condition inner = or();
            expect(")");
            if (doubled && tokens.get(position - 2).is(")"))
                error("parens", "The expression has redundant parentheses;");
            return inner;
        }
        Operand first = operand();
        Lexer.Token t = peek();
        if (t.kind() == Lexer.Kind.PUNCT && COMPARATORS.contains(t.text())) {
            position++;
            countOperator();
            Operand second = operand();
            checkMisused(first, second);
            checkDistinct(t.text(), first, second);
            return new Condition.Compare(t.text(), first, second);
        }
        if (t.isKeyword("BETWEEN")) {
            position++;
            countOperator();
            Operand low = operand();
            if (!peek().isKeyword("AND")) throw syntaxError();
            position++;
            Operand high = operand();
            checkMisused(first, low, high);
            checkBetween(low, high);
            return new Condition.Between(first, low, high);
        }
        if (t.isKeyword("IN")) {
            position++;
            countOperator();
            expect("(");
            List<Operand> list = new ArrayList<>();
            list.add(operand());
            while (peek().is(",")) { position++; list.add(operand()); }
            expect(")");
            if (list.size() > MAX_IN_OPERANDS)
                throw new ExpressionException("The IN operator is provided with too many operands; number of operands: " + list.size());
            List<Operand> all = new ArrayList<>(list);
            all.add(0, first);
            checkMisused(all.toArray(Operand[]::new));
            return new Condition.In(first, List.copyOf(list));
        }
        if (first instanceof Operand.Function f) {
            if (f.name().equals("size"))
                error("misusedFunction", "The function is not allowed to be used this way in an expression; function: size");
            return new Condition.Call(f.name(), f.args());
        }
        throw syntaxError();
    }

    private Operand operand() throws ExpressionException {
        Lexer.Token t = peek();
        if (t.kind() == Lexer.Kind.VALUE_REF) return literal();
        if (t.kind() == Lexer.Kind.IDENT && peek(1).is("(")) {
            position += 2;
            List<Operand> args = arguments(this::operand);
            checkMisused(args.toArray(Operand[]::new));
            checkFunction(t.text(), args);
            return new Operand.Function(t.text(), List.copyOf(args));
        }
        if (t.is("(")) {
            // DynamoDB accepts a parenthesised operand but calls the parentheses redundant
            position++;
            Operand inner = operand();
            expect(")");
            error("parens", "The expression has redundant parentheses;");
            return inner;
        }
        if (atPathStart()) return path();
        throw syntaxError();
    }

    private void checkMisused(Operand... operands) {
        for (Operand o : operands) {
            if (o instanceof Operand.Function f && !f.name().equals("size")) {
                error("misusedFunction", "The function is not allowed to be used this way in an expression; function: " + f.name());
                return;
            }
        }
    }

    private void checkDistinct(String name, Operand a, Operand b) {
        if (a instanceof Path pa && b instanceof Path pb && pa.equals(pb))
            error("distinct", "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                    + name + ", first operand: " + pa);
    }

    private void checkFunction(String name, List<Operand> args) {
        if (!knownWithArity(FUNCTIONS, name, args, "operand")) return;
        if (args.size() == 2) checkDistinct(name, args.get(0), args.get(1));
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!(args.get(0) instanceof Path))
                    error("function", "Operator or function requires a document path; operator or function: " + name);
            }
            case "begins_with" -> {
                for (Operand a : args) {
                    String type = staticType(a);
                    if (type != null && !type.equals("S") && !type.equals("B")) {
                        error("function", "Incorrect operand type for operator or function; operator or function: " + name + ", operand type: " + type);
                        return;
                    }
                }
            }
            case "attribute_type" -> {
                String type = staticType(args.get(1));
                if (!"S".equals(type)) {
                    error("function", "Incorrect operand type for operator or function; operator or function: " + name
                            + ", operand type: " + (type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type));
                    return;
                }
                if (args.get(1) instanceof Operand.Literal l && l.value() instanceof dev.cruddur.admin.engine.model.AttributeValue.S s
                        && !Set.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M").contains(s.value()))
                    error("function", "Invalid attribute type name found; type: " + s.value() + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
            }
            case "size" -> {
                String type = staticType(args.get(0));
                if (type != null && Set.of("N", "BOOL", "NULL").contains(type))
                    error("function", "Incorrect operand type for operator or function; operator or function: size, operand type: " + type);
            }
            default -> { }
        }
    }

    private void checkBetween(Operand low, Operand high) {
        if (!(low instanceof Operand.Literal l) || !(high instanceof Operand.Literal h) || l.value() == null || h.value() == null) return;
        String t1 = l.value().type(), t2 = h.value().type();
        String bounds = "lower bound operand: AttributeValue: {" + t1 + ":" + Render.scalar(l.value()) + "}, upper bound operand: AttributeValue: {"
                + t2 + ":" + Render.scalar(h.value()) + "}";
        if (!t1.equals(t2)) {
            error("function", "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        } else if (dev.cruddur.admin.engine.model.ValueOrder.comparable(l.value(), h.value())
                && dev.cruddur.admin.engine.model.ValueOrder.compareSameType(l.value(), h.value()) > 0) {
            error("function", "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
        }
    }
}
