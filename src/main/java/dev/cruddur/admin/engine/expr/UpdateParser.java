package dev.cruddur.admin.engine.expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** update := (SET set, ... | REMOVE path, ... | ADD path :v, ... | DELETE path :v, ...)+ each section at most once. */
public final class UpdateParser extends ParserBase {
    private static final Map<String, Integer> FUNCTIONS = Map.of("if_not_exists", 2, "list_append", 2);
    private static final Map<String, String> OPERAND_TYPE_NAMES = Map.of(
            "S", "STRING", "N", "NUMBER", "B", "BINARY", "NULL", "NULL", "BOOL", "BOOLEAN", "L", "LIST", "M", "MAP");

    private final List<Path> seenPaths = new ArrayList<>();
    private final Set<String> sections = new HashSet<>();

    private UpdateParser(String input, ExpressionContext context) throws ExpressionException {
        super(input, context);
    }

    public static List<UpdateAction> parse(String input, ExpressionContext context) throws ExpressionException {
        UpdateParser p = new UpdateParser(input, context);
        List<UpdateAction> actions = p.sections();
        p.throwFirst("reserved", "unknownFunction", "section", "attrName", "attrVal", "pathOverlap", "pathConflict", "operand", "function");
        return actions;
    }

    private List<UpdateAction> sections() throws ExpressionException {
        List<UpdateAction> actions = new ArrayList<>();
        do {
            Lexer.Token t = next();
            String keyword = t.kind() == Lexer.Kind.IDENT ? t.text().toUpperCase() : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(keyword)) { position--; throw syntaxError(); }
            if (!sections.add(keyword)) error("section", "The \"" + keyword + "\" section can only be used once in an update expression;");
            do {
                actions.add(action(keyword));
            } while (peek().is(",") && ++position > 0);
        } while (peek().kind() != Lexer.Kind.EOF);
        return actions;
    }

    private UpdateAction action(String section) throws ExpressionException {
        Path path = path();
        checkPathClash(seenPaths, path);
        switch (section) {
            case "SET" -> {
                expect("=");
                return new UpdateAction.Set(path, setValue());
            }
            case "REMOVE" -> { return new UpdateAction.Remove(path); }
            default -> {
                Operand.Literal value = literal();
                String type = immediateType(value);
                if (type != null && OPERAND_TYPE_NAMES.containsKey(type) && !(section.equals("ADD") && type.equals("N")))
                    error("operand", "Incorrect operand type for operator or function; operator: " + section + ", operand type: " + OPERAND_TYPE_NAMES.get(type));
                return section.equals("ADD") ? new UpdateAction.Add(path, value) : new UpdateAction.Delete(path, value);
            }
        }
    }

    private Operand setValue() throws ExpressionException {
        Operand left = setOperand();
        if (peek().is("+") || peek().is("-")) {
            char op = next().text().charAt(0);
            countOperator();
            Operand right = setOperand();
            for (Operand o : List.of(left, right)) {
                String type = immediateType(o);
                if (type != null && !type.equals("N")) {
                    error("function", "Incorrect operand type for operator or function; operator or function: " + op + ", operand type: " + type);
                    break;
                }
            }
            return new Operand.Arithmetic(op, left, right);
        }
        return left;
    }

    private Operand setOperand() throws ExpressionException {
        Lexer.Token t = peek();
        if (t.kind() == Lexer.Kind.VALUE_REF) return literal();
        if (t.kind() == Lexer.Kind.IDENT && peek(1).is("(")) {
            position += 2;
            List<Operand> args = arguments(this::setValue);
            checkFunction(t.text(), args);
            return new Operand.Function(t.text(), List.copyOf(args));
        }
        if (atPathStart()) return path();
        throw syntaxError();
    }

    private void checkFunction(String name, List<Operand> args) {
        if (!knownWithArity(FUNCTIONS, name, args, "function")) return;
        if (name.equals("if_not_exists") && !(args.get(0) instanceof Path)) {
            error("function", "Operator or function requires a document path; operator or function: " + name);
        } else if (name.equals("list_append")) {
            for (Operand a : args) {
                String type = immediateType(a);
                if (type != null && !type.equals("L")) {
                    error("function", "Incorrect operand type for operator or function; operator or function: list_append, operand type: " + type);
                    return;
                }
            }
        }
    }
}
