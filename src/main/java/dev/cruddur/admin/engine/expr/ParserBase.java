package dev.cruddur.admin.engine.expr;

import dev.cruddur.admin.engine.model.AttributeValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the three expression grammars share: tokens, paths, placeholders, and DynamoDB's habit of
 * reporting the first error of the most important category rather than the first error found.
 */
abstract class ParserBase {
    final String input;
    final List<Lexer.Token> tokens;
    final ExpressionContext context;
    int position;
    private final Map<String, String> errors = new LinkedHashMap<>();

    /** DynamoDB's documented expression limits (developer guide, "Expression parameters"). */
    static final int MAX_EXPRESSION_BYTES = 4096;
    static final int MAX_OPERATORS = 300;
    static final int MAX_IN_OPERANDS = 100;
    static final int MAX_NESTING_LEVELS = 32;

    private int operators;

    ParserBase(String input, ExpressionContext context) throws ExpressionException {
        if (input.isEmpty()) throw new ExpressionException("The expression can not be empty;");
        // before any parsing, so that no expression, however nested or malformed, costs more than 4 KB of work
        int size = input.length() * 3 <= MAX_EXPRESSION_BYTES ? input.length() : utf8Length(input);
        if (size > MAX_EXPRESSION_BYTES)
            throw new ExpressionException("Expression size has exceeded the maximum allowed size; expression size: " + size);
        this.input = input;
        this.context = context;
        this.tokens = Lexer.tokens(input);
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) { bytes += 4; i++; }
            else bytes += 3;
        }
        return bytes;
    }

    /**
     * Counts one operator (a comparator, AND, OR, NOT, BETWEEN, IN, or an update's + and -; parentheses and
     * functions are not counted). DynamoDB stops at the first one over the limit and names that count.
     */
    void countOperator() throws ExpressionException {
        if (++operators > MAX_OPERATORS)
            throw new ExpressionException("The expression contains too many operators; operator count: " + operators);
    }

    Lexer.Token peek() { return tokens.get(position); }
    Lexer.Token peek(int ahead) { return tokens.get(Math.min(position + ahead, tokens.size() - 1)); }
    Lexer.Token next() { return tokens.get(position++); }

    /** Reads one operand; the condition and update grammars read a function's arguments with different rules. */
    interface OperandReader {
        Operand read() throws ExpressionException;
    }

    /** A function call's arguments, its name and "(" already read: none, or operands separated by commas, then ")". */
    List<Operand> arguments(OperandReader argument) throws ExpressionException {
        List<Operand> args = new ArrayList<>();
        if (!peek().is(")")) {
            args.add(argument.read());
            while (peek().is(",")) { position++; args.add(argument.read()); }
        }
        expect(")");
        return args;
    }

    /**
     * Whether a call names one of the grammar's functions with its number of operands; if not, the error is noted,
     * a wrong count under {@code arityCategory} (the grammars rank that error differently).
     */
    boolean knownWithArity(Map<String, Integer> functions, String name, List<Operand> args, String arityCategory) {
        Integer arity = functions.get(name);
        if (arity == null) {
            error("unknownFunction", "Invalid function name; function: " + name);
            return false;
        }
        if (arity != args.size()) {
            error(arityCategory, "Incorrect number of operands for operator or function; operator or function: " + name + ", number of operands: " + args.size());
            return false;
        }
        return true;
    }

    void expect(String punct) throws ExpressionException {
        if (!peek().is(punct)) throw syntaxError();
        position++;
    }

    void expectEnd() throws ExpressionException {
        if (peek().kind() != Lexer.Kind.EOF) throw syntaxError();
    }

    ExpressionException syntaxError() {
        Lexer.Token t = peek();
        return Lexer.syntax(input, Math.min(t.position(), input.length()), t.text());
    }

    void error(String category, String message) { errors.putIfAbsent(category, message); }

    /** The error DynamoDB would report, given the order in which it ranks the categories. */
    void throwFirst(String... order) throws ExpressionException {
        for (String category : order) {
            String m = errors.get(category);
            if (m != null) throw new ExpressionException(m);
        }
    }

    boolean atPathStart() {
        Lexer.Kind k = peek().kind();
        return k == Lexer.Kind.IDENT || k == Lexer.Kind.NAME_REF;
    }

    Path path() throws ExpressionException {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            if (peek().is(".")) {
                position++;
                if (!atPathStart()) throw syntaxError();
                elements.add(pathName());
            } else if (peek().is("[")) {
                position++;
                Lexer.Token n = next();
                if (n.kind() != Lexer.Kind.NUMBER) { position--; throw syntaxError(); }
                expect("]");
                try {
                    elements.add(Integer.valueOf(n.text()));
                } catch (NumberFormatException e) {
                    throw new ExpressionException("Syntax error; token: \"" + n.text() + "\", near: \"[" + n.text() + "]\"");
                }
            } else {
                if (elements.size() > MAX_NESTING_LEVELS)
                    throw new ExpressionException("The document path has too many nesting levels; nesting levels: " + elements.size());
                return new Path(List.copyOf(elements));
            }
        }
    }

    private String pathName() throws ExpressionException {
        Lexer.Token t = next();
        if (t.kind() == Lexer.Kind.IDENT) {
            if (ReservedWords.isReserved(t.text()))
                error("reserved", "Attribute name is a reserved keyword; reserved keyword: " + t.text());
            return t.text();
        }
        if (t.kind() == Lexer.Kind.NAME_REF) {
            String resolved = context.name(t.text());
            if (resolved == null) {
                error("attrName", "An expression attribute name used in the document path is not defined; attribute name: " + t.text());
                return t.text();
            }
            return resolved;
        }
        position--;
        throw syntaxError();
    }

    Operand.Literal literal() throws ExpressionException {
        Lexer.Token t = next();
        if (t.kind() != Lexer.Kind.VALUE_REF) { position--; throw syntaxError(); }
        AttributeValue v = context.value(t.text());
        if (v == null) error("attrVal", "An expression attribute value used in expression is not defined; attribute value: " + t.text());
        return new Operand.Literal(t.text(), v);
    }

    /** The type DynamoDB can tell before reading the item: a literal's, or what a function returns. */
    static String staticType(Operand o) {
        if (o instanceof Operand.Literal l && l.value() != null) return l.value().type();
        if (o instanceof Operand.Function f) {
            return switch (f.name()) {
                case "size" -> "N";
                case "list_append" -> "L";
                case "if_not_exists" -> f.args().size() == 2 ? staticType(f.args().get(1)) : null;
                default -> null;
            };
        }
        if (o instanceof Operand.Arithmetic) return "N";
        return null;
    }

    static String immediateType(Operand o) {
        return o instanceof Operand.Literal l && l.value() != null ? l.value().type() : null;
    }

    /** Paths conflict when one goes through a list where the other goes through a map, overlap when one contains the other. */
    void checkPathClash(List<Path> seen, Path path) {
        for (Path p : seen) {
            List<Object> a = p.elements(), b = path.elements();
            boolean diverged = false;
            for (int i = 0; i < a.size() && i < b.size(); i++) {
                if (a.get(i).getClass() != b.get(i).getClass()) {
                    error("pathConflict", "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: " + p + ", path two: " + path);
                    diverged = true;
                    break;
                }
                if (!a.get(i).equals(b.get(i))) { diverged = true; break; }
            }
            if (!diverged) {
                error("pathOverlap", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: " + p + ", path two: " + path);
                return;
            }
        }
        seen.add(path);
    }
}
