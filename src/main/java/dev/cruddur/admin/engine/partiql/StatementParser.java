package dev.cruddur.admin.engine.partiql;

import dev.cruddur.admin.engine.expr.Condition;
import dev.cruddur.admin.engine.expr.Operand;
import dev.cruddur.admin.engine.expr.Path;
import dev.cruddur.admin.engine.expr.UpdateAction;
import dev.cruddur.admin.engine.model.AttributeValue;
import dev.cruddur.admin.engine.model.Numbers;
import dev.cruddur.admin.engine.partiql.StatementLexer.Kind;
import dev.cruddur.admin.engine.partiql.StatementLexer.Token;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recursive-descent parser for DynamoDB's PartiQL: SELECT, INSERT, UPDATE, DELETE and EXISTS(SELECT …).
 * Parameters ({@code ?}) are bound while parsing, in order; a count that differs from the statement's is refused.
 */
public final class StatementParser {
    private final List<Token> tokens;
    private final List<AttributeValue> parameters;
    private int position;
    private int parametersUsed;

    private StatementParser(List<Token> tokens, List<AttributeValue> parameters) {
        this.tokens = tokens;
        this.parameters = parameters;
    }

    public static Statement parse(String text, List<AttributeValue> parameters) throws StatementException {
        StatementParser p = new StatementParser(StatementLexer.tokens(text), parameters == null ? List.of() : parameters);
        Statement s = p.statement();
        if (p.peek().is(";")) p.next();
        if (p.peek().kind() != Kind.EOF) throw p.unexpected();
        if (p.parametersUsed != p.parameters.size()) throw new ParameterCountException();
        return s;
    }

    /** DynamoDB reports a parameter count mismatch in its own words, without the "wasn't well formed" prefix. */
    public static final class ParameterCountException extends StatementException {
        ParameterCountException() { super("Number of parameters in request and statement don't match."); }
    }

    /**
     * A number literal DynamoDB cannot store (more than 38 significant digits, or a magnitude outside
     * 1E-130..9.99…E+125), refused in the words PutItem uses for the same number, without the "wasn't well
     * formed" prefix: the statement is well formed, its value is not.
     */
    public static final class InvalidNumberException extends StatementException {
        InvalidNumberException(String message) { super(message); }
    }

    // ---- statements

    private Statement statement() throws StatementException {
        Token t = peek();
        if (t.isKeyword("SELECT")) return select();
        if (t.isKeyword("INSERT")) return insert();
        if (t.isKeyword("UPDATE")) return update();
        if (t.isKeyword("DELETE")) return delete();
        if (t.isKeyword("EXISTS")) {
            next();
            expect("(");
            Statement.Select s = select();
            expect(")");
            return new Statement.Exists(s);
        }
        throw new StatementException("Unsupported statement: expected SELECT, INSERT, UPDATE, DELETE or EXISTS but found " + describe(t));
    }

    private Statement.Select select() throws StatementException {
        keyword("SELECT");
        List<Path> projection = null;
        if (peek().is("*")) {
            next();
        } else {
            projection = new ArrayList<>();
            do projection.add(path()); while (accept(","));
        }
        keyword("FROM");
        String table = name("table name");
        String index = null;
        if (accept(".")) index = name("index name");
        Condition where = null;
        if (acceptKeyword("WHERE")) where = condition();
        List<Statement.OrderKey> order = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            keyword("BY");
            do {
                String key = name("key attribute");
                boolean desc = false;
                if (acceptKeyword("DESC")) desc = true;
                else acceptKeyword("ASC");
                order.add(new Statement.OrderKey(key, desc));
            } while (accept(","));
        }
        return new Statement.Select(projection, table, index, where, order);
    }

    private Statement insert() throws StatementException {
        keyword("INSERT");
        keyword("INTO");
        String table = name("table name");
        keyword("VALUE");
        AttributeValue item = value();
        if (!(item instanceof AttributeValue.M m)) throw new StatementException("Unsupported insert value: the VALUE of an INSERT must be a tuple {'name': value, …}");
        return new Statement.Insert(table, m.values());
    }

    private Statement update() throws StatementException {
        keyword("UPDATE");
        String table = name("table name");
        List<UpdateAction> actions = new ArrayList<>();
        while (true) {
            if (acceptKeyword("SET")) {
                do actions.add(assignment()); while (accept(","));
            } else if (acceptKeyword("REMOVE")) {
                do actions.add(new UpdateAction.Remove(path())); while (accept(","));
            } else {
                break;
            }
        }
        if (actions.isEmpty()) throw new StatementException("Expected SET or REMOVE but found " + describe(peek()));
        keyword("WHERE");
        Condition where = condition();
        String returning = null;
        if (acceptKeyword("RETURNING")) {
            String which = acceptKeyword("ALL") ? "ALL" : acceptKeyword("MODIFIED") ? "UPDATED" : null;
            if (which == null) throw new StatementException("Expected ALL or MODIFIED after RETURNING but found " + describe(peek()));
            String age = acceptKeyword("OLD") ? "OLD" : acceptKeyword("NEW") ? "NEW" : null;
            if (age == null) throw new StatementException("Expected OLD or NEW but found " + describe(peek()));
            expect("*");
            returning = which + "_" + age;
        }
        return new Statement.Update(table, actions, where, returning);
    }

    private UpdateAction assignment() throws StatementException {
        Path target = path();
        expect("=");
        Token t = peek();
        if (t.kind() == Kind.WORD && peekAt(1).is("(")) {
            String fn = t.text().toLowerCase(Locale.ROOT);
            if (fn.equals("set_add") || fn.equals("set_delete")) {
                next();
                expect("(");
                Path of = path();
                expect(",");
                AttributeValue v = value();
                expect(")");
                if (!of.equals(target)) throw new StatementException(fn + " must name the attribute it assigns: " + render(target));
                if (!(v instanceof AttributeValue.SS || v instanceof AttributeValue.NS || v instanceof AttributeValue.BS))
                    throw new StatementException(fn + " takes a set value such as <<'a', 'b'>>");
                Operand.Literal lit = new Operand.Literal("?", v);
                return fn.equals("set_add") ? new UpdateAction.Add(target, lit) : new UpdateAction.Delete(target, lit);
            }
        }
        return new UpdateAction.Set(target, setValue());
    }

    private Operand setValue() throws StatementException {
        Operand left = setTerm();
        while (peek().is("+") || peek().is("-")) {
            char op = next().text().charAt(0);
            left = new Operand.Arithmetic(op, left, setTerm());
        }
        return left;
    }

    private Operand setTerm() throws StatementException {
        Token t = peek();
        if (t.kind() == Kind.WORD && peekAt(1).is("(")) {
            String fn = t.text().toLowerCase(Locale.ROOT);
            if (!fn.equals("list_append") && !fn.equals("if_not_exists"))
                throw new StatementException("Unsupported function in SET: " + t.text());
            next();
            expect("(");
            List<Operand> args = new ArrayList<>();
            args.add(setTerm());
            expect(",");
            args.add(setTerm());
            expect(")");
            return new Operand.Function(fn, args);
        }
        return operand();
    }

    private Statement delete() throws StatementException {
        keyword("DELETE");
        keyword("FROM");
        String table = name("table name");
        keyword("WHERE");
        Condition where = condition();
        String returning = null;
        if (acceptKeyword("RETURNING")) {
            keyword("ALL");
            keyword("OLD");
            expect("*");
            returning = "ALL_OLD";
        }
        return new Statement.Delete(table, where, returning);
    }

    // ---- conditions

    private Condition condition() throws StatementException {
        Condition left = conjunction();
        while (acceptKeyword("OR")) left = new Condition.Or(left, conjunction());
        return left;
    }

    private Condition conjunction() throws StatementException {
        Condition left = negation();
        while (acceptKeyword("AND")) left = new Condition.And(left, negation());
        return left;
    }

    private Condition negation() throws StatementException {
        if (acceptKeyword("NOT")) return new Condition.Not(negation());
        return predicate();
    }

    private Condition predicate() throws StatementException {
        Token t = peek();
        if (t.is("(")) {
            next();
            Condition c = condition();
            expect(")");
            return c;
        }
        if (t.kind() == Kind.WORD && peekAt(1).is("(")) {
            String fn = t.text().toLowerCase(Locale.ROOT);
            switch (fn) {
                case "begins_with", "contains", "attribute_type" -> {
                    next();
                    expect("(");
                    Operand subject = operand();
                    expect(",");
                    Operand argument = operand();
                    expect(")");
                    if (!(subject instanceof Path)) throw new StatementException(fn + " takes an attribute path as its first argument");
                    return new Condition.Call(fn, List.of(subject, argument));
                }
                case "size" -> { }
                default -> throw new StatementException("Unsupported function: " + t.text());
            }
        }
        Operand left = operand();
        if (acceptKeyword("IS")) {
            boolean negated = acceptKeyword("NOT");
            if (acceptKeyword("MISSING")) {
                if (!(left instanceof Path)) throw new StatementException("IS MISSING takes an attribute path");
                return new Condition.Call(negated ? "attribute_exists" : "attribute_not_exists", List.of(left));
            }
            if (acceptKeyword("NULL")) {
                Condition isNull = new Condition.Compare("=", left, new Operand.Literal("NULL", new AttributeValue.Null()));
                return negated ? new Condition.Not(isNull) : isNull;
            }
            throw new StatementException("Expected MISSING or NULL after IS but found " + describe(peek()));
        }
        boolean negated = acceptKeyword("NOT");
        if (acceptKeyword("BETWEEN")) {
            Operand low = operand();
            keyword("AND");
            Condition c = new Condition.Between(left, low, operand());
            return negated ? new Condition.Not(c) : c;
        }
        if (acceptKeyword("IN")) {
            String close;
            if (accept("[")) close = "]";
            else { expect("("); close = ")"; }
            List<Operand> candidates = new ArrayList<>();
            if (!peek().is(close)) do candidates.add(operand()); while (accept(","));
            expect(close);
            if (candidates.isEmpty()) throw new StatementException("IN needs at least one value");
            Condition c = new Condition.In(left, candidates);
            return negated ? new Condition.Not(c) : c;
        }
        if (negated) throw new StatementException("Expected BETWEEN or IN after NOT but found " + describe(peek()));
        Token op = peek();
        if (op.kind() == Kind.PUNCT && List.of("=", "<>", "<", "<=", ">", ">=").contains(op.text())) {
            next();
            return new Condition.Compare(op.text(), left, operand());
        }
        throw new StatementException("Expected a comparison but found " + describe(op));
    }

    /** A path, a literal, a parameter, or size(path). */
    private Operand operand() throws StatementException {
        Token t = peek();
        if (t.kind() == Kind.WORD && t.text().equalsIgnoreCase("size") && peekAt(1).is("(")) {
            next();
            expect("(");
            Path p = path();
            expect(")");
            return new Operand.Function("size", List.of(p));
        }
        if (t.kind() == Kind.NAME || (t.kind() == Kind.WORD && !isLiteralWord(t))) return path();
        return new Operand.Literal(t.text(), value());
    }

    private static boolean isLiteralWord(Token t) {
        return t.isKeyword("true") || t.isKeyword("false") || t.isKeyword("null");
    }

    // ---- paths and values

    private Path path() throws StatementException {
        List<Object> elements = new ArrayList<>();
        elements.add(name("attribute name"));
        while (true) {
            if (peek().is(".") && (peekAt(1).kind() == Kind.WORD || peekAt(1).kind() == Kind.NAME)) {
                next();
                elements.add(name("attribute name"));
            } else if (peek().is("[")) {
                next();
                Token i = next();
                if (i.kind() == Kind.NUMBER && i.text().matches("\\d+")) elements.add(Integer.parseInt(i.text()));
                else if (i.kind() == Kind.STRING) elements.add(i.text());
                else throw new StatementException("Expected a list index or a quoted key in [] but found " + describe(i));
                expect("]");
            } else {
                return new Path(elements);
            }
        }
    }

    private AttributeValue value() throws StatementException {
        Token t = next();
        switch (t.kind()) {
            case STRING: return new AttributeValue.S(t.text());
            case NUMBER: return number(t.text());
            case PARAM:
                if (parametersUsed >= parameters.size()) throw new ParameterCountException();
                return parameters.get(parametersUsed++);
            case WORD:
                if (t.isKeyword("true")) return new AttributeValue.Bool(true);
                if (t.isKeyword("false")) return new AttributeValue.Bool(false);
                if (t.isKeyword("null")) return new AttributeValue.Null();
                throw new StatementException("Expected a value but found " + describe(t));
            default:
        }
        if (t.is("-") && peek().kind() == Kind.NUMBER) return number("-" + next().text());
        if (t.is("[")) {
            List<AttributeValue> values = new ArrayList<>();
            if (!peek().is("]")) do values.add(value()); while (accept(","));
            expect("]");
            return new AttributeValue.L(values);
        }
        if (t.is("{")) {
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            if (!peek().is("}")) {
                do {
                    Token key = next();
                    if (key.kind() != Kind.STRING && key.kind() != Kind.NAME)
                        throw new StatementException("Expected a quoted attribute name in a tuple but found " + describe(key));
                    expect(":");
                    if (values.put(key.text(), value()) != null) throw new StatementException("Duplicate attribute in a tuple: " + key.text());
                } while (accept(","));
            }
            expect("}");
            return new AttributeValue.M(values);
        }
        if (t.is("<<")) {
            List<AttributeValue> members = new ArrayList<>();
            if (!peek().is(">>")) do members.add(value()); while (accept(","));
            expect(">>");
            return set(members);
        }
        throw new StatementException("Expected a value but found " + describe(t));
    }

    private static AttributeValue set(List<AttributeValue> members) throws StatementException {
        if (members.isEmpty()) throw new StatementException("A set literal must not be empty");
        if (members.stream().allMatch(m -> m instanceof AttributeValue.S)) {
            List<String> v = new ArrayList<>();
            for (AttributeValue m : members) if (!v.contains(((AttributeValue.S) m).value())) v.add(((AttributeValue.S) m).value());
            return new AttributeValue.SS(v);
        }
        if (members.stream().allMatch(m -> m instanceof AttributeValue.N)) {
            List<BigDecimal> v = new ArrayList<>();
            for (AttributeValue m : members) {
                BigDecimal d = ((AttributeValue.N) m).value();
                if (v.stream().noneMatch(x -> x.compareTo(d) == 0)) v.add(d);
            }
            return new AttributeValue.NS(v);
        }
        if (members.stream().allMatch(m -> m instanceof AttributeValue.B)) {
            List<byte[]> v = new ArrayList<>();
            for (AttributeValue m : members) v.add(((AttributeValue.B) m).value());
            return new AttributeValue.BS(v);
        }
        throw new StatementException("A set literal must hold only strings, only numbers or only binaries");
    }

    /** A number literal, by the same rules (and in the same words) as an N value of PutItem or a parameter. */
    private static AttributeValue number(String text) throws StatementException {
        try {
            return new AttributeValue.N(Numbers.parse(text));
        } catch (Numbers.InvalidNumber e) {
            throw new InvalidNumberException(e.getMessage());
        }
    }

    // ---- tokens

    private String name(String what) throws StatementException {
        Token t = next();
        if (t.kind() == Kind.WORD || t.kind() == Kind.NAME) return t.text();
        throw new StatementException("Expected " + what + " but found " + describe(t));
    }

    private Token peek() { return tokens.get(position); }
    private Token peekAt(int ahead) { return tokens.get(Math.min(position + ahead, tokens.size() - 1)); }
    private Token next() {
        Token t = tokens.get(position);
        if (t.kind() != Kind.EOF) position++;
        return t;
    }

    private boolean accept(String punct) {
        if (!peek().is(punct)) return false;
        next();
        return true;
    }

    private boolean acceptKeyword(String word) {
        if (!peek().isKeyword(word)) return false;
        next();
        return true;
    }

    private void expect(String punct) throws StatementException {
        if (!accept(punct)) throw new StatementException("Expected '" + punct + "' but found " + describe(peek()));
    }

    private void keyword(String word) throws StatementException {
        if (!acceptKeyword(word)) throw new StatementException("Expected " + word + " but found " + describe(peek()));
    }

    private StatementException unexpected() {
        return new StatementException("Unexpected " + describe(peek()));
    }

    private static String describe(Token t) {
        return t.kind() == Kind.EOF ? "end of statement" : "'" + t.text() + "' at position " + t.start();
    }

    private static String render(Path p) {
        StringBuilder b = new StringBuilder();
        for (Object e : p.elements()) {
            if (e instanceof Integer i) b.append('[').append(i).append(']');
            else b.append(b.length() == 0 ? "" : ".").append(e);
        }
        return b.toString();
    }
}
