package dev.cruddur.admin.engine.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; whitespace separates, nothing else is skipped. */
final class Lexer {
    enum Kind { IDENT, NAME_REF, VALUE_REF, NUMBER, PUNCT, EOF }

    record Token(Kind kind, String text, int position) {
        boolean is(String punct) { return kind == Kind.PUNCT && text.equals(punct); }
        boolean isKeyword(String word) { return kind == Kind.IDENT && text.equalsIgnoreCase(word); }
    }

    static List<Token> tokens(String input) throws ExpressionException {
        List<Token> out = new ArrayList<>();
        int i = 0, n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            int start = i;
            if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(input.charAt(i)) || input.charAt(i) == '_')) i++;
                out.add(new Token(Kind.IDENT, input.substring(start, i), start));
            } else if (c == '#' || c == ':') {
                i++;
                while (i < n && (Character.isLetterOrDigit(input.charAt(i)) || input.charAt(i) == '_')) i++;
                if (i == start + 1) throw syntax(input, start, String.valueOf(c));
                out.add(new Token(c == '#' ? Kind.NAME_REF : Kind.VALUE_REF, input.substring(start, i), start));
            } else if (Character.isDigit(c)) {
                while (i < n && Character.isDigit(input.charAt(i))) i++;
                out.add(new Token(Kind.NUMBER, input.substring(start, i), start));
            } else if (c == '<' || c == '>') {
                i++;
                if (i < n && (input.charAt(i) == '=' || (c == '<' && input.charAt(i) == '>'))) i++;
                out.add(new Token(Kind.PUNCT, input.substring(start, i), start));
            } else if ("()[].,=+-".indexOf(c) >= 0) {
                i++;
                out.add(new Token(Kind.PUNCT, String.valueOf(c), start));
            } else {
                throw syntax(input, start, String.valueOf(c));
            }
        }
        out.add(new Token(Kind.EOF, "<EOF>", n));
        return out;
    }

    static ExpressionException syntax(String input, int position, String token) {
        int from = Math.max(0, position - 10), to = Math.min(input.length(), position + token.length() + 10);
        return new ExpressionException("Syntax error; token: \"" + token + "\", near: \"" + input.substring(from, to) + "\"");
    }
}
