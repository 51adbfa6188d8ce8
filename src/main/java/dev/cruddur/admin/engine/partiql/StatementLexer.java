package dev.cruddur.admin.engine.partiql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens. Single quotes delimit strings, double quotes delimit names
 * (both double their quote to escape it); {@code <<} and {@code >>} delimit set literals.
 */
public final class StatementLexer {
    private StatementLexer() {}

    public enum Kind { WORD, NAME, STRING, NUMBER, PARAM, PUNCT, EOF }

    /** A token and where it starts, so the editor can colour the same tokens the engine reads. */
    public record Token(Kind kind, String text, int start, int end) {
        boolean is(String punct) { return kind == Kind.PUNCT && text.equals(punct); }
        boolean isKeyword(String word) { return kind == Kind.WORD && text.equalsIgnoreCase(word); }
    }

    public static List<Token> tokens(String input) throws StatementException {
        List<Token> out = new ArrayList<>();
        int i = 0, n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            int start = i;
            if (c == '-' && i + 1 < n && input.charAt(i + 1) == '-') {
                while (i < n && input.charAt(i) != '\n') i++;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(input.charAt(i)) || input.charAt(i) == '_')) i++;
                out.add(new Token(Kind.WORD, input.substring(start, i), start, i));
            } else if (c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) throw new StatementException("Unterminated " + (c == '"' ? "quoted identifier" : "string literal") + " at position " + start);
                    char d = input.charAt(i);
                    if (d == c) {
                        if (i + 1 < n && input.charAt(i + 1) == c) { text.append(c); i += 2; continue; }
                        i++;
                        break;
                    }
                    text.append(d);
                    i++;
                }
                out.add(new Token(c == '"' ? Kind.NAME : Kind.STRING, text.toString(), start, i));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(input.charAt(i + 1)))) {
                while (i < n && Character.isDigit(input.charAt(i))) i++;
                if (i < n && input.charAt(i) == '.') { i++; while (i < n && Character.isDigit(input.charAt(i))) i++; }
                if (i < n && (input.charAt(i) == 'e' || input.charAt(i) == 'E')) {
                    int save = i++;
                    if (i < n && (input.charAt(i) == '+' || input.charAt(i) == '-')) i++;
                    if (i < n && Character.isDigit(input.charAt(i))) { while (i < n && Character.isDigit(input.charAt(i))) i++; }
                    else i = save;
                }
                out.add(new Token(Kind.NUMBER, input.substring(start, i), start, i));
            } else if (c == '?') {
                i++;
                out.add(new Token(Kind.PARAM, "?", start, i));
            } else if (c == '<' || c == '>' || c == '!') {
                i++;
                if (i < n) {
                    char d = input.charAt(i);
                    if (d == '=' || (c == '<' && (d == '>' || d == '<')) || (c == '>' && d == '>')) i++;
                }
                String text = input.substring(start, i);
                if (text.equals("!")) throw new StatementException("Unexpected character '!' at position " + start);
                out.add(new Token(Kind.PUNCT, text.equals("!=") ? "<>" : text, start, i));
            } else if ("()[]{}.,=+-*/:;".indexOf(c) >= 0) {
                i++;
                out.add(new Token(Kind.PUNCT, String.valueOf(c), start, i));
            } else {
                throw new StatementException("Unexpected character '" + c + "' at position " + start);
            }
        }
        out.add(new Token(Kind.EOF, "<EOF>", n, n));
        return out;
    }
}
