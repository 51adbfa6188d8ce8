package dev.cruddur.admin.app.browse;

import dev.cruddur.admin.engine.partiql.StatementException;
import dev.cruddur.admin.engine.partiql.StatementLexer;
import dev.cruddur.admin.store.DynamoConnection;
import dev.cruddur.admin.store.StatementRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the PartiQL tab and the {@code partiql} command call: run a statement a page at a time, say whether
 * it writes (for the read-only lock), split it into coloured tokens, and render it as code to paste
 * elsewhere. Tokens come from the embedded engine's own lexer, so the editor colours what the engine reads.
 */
public final class PartiqlStatements {
    /** What a token is, for colouring. */
    public enum TokenKind { KEYWORD, FUNCTION, NAME, STRING, NUMBER, PARAMETER, PUNCTUATION }

    public record StatementToken(TokenKind kind, int start, int end, String text) {}

    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS", "MISSING", "NULL",
            "BETWEEN", "ORDER", "BY", "ASC", "DESC", "INSERT", "INTO", "VALUE", "UPDATE", "SET", "REMOVE", "DELETE", "RETURNING",
            "ALL", "MODIFIED", "OLD", "NEW", "EXISTS", "TRUE", "FALSE");
    private static final Set<String> FUNCTIONS = Set.of("BEGINS_WITH", "CONTAINS", "ATTRIBUTE_TYPE", "SIZE", "LIST_APPEND",
            "SET_ADD", "SET_DELETE", "IF_NOT_EXISTS");
    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "EXISTS");

    private final DynamoConnection connection;
    private final StatementRunner runner;

    public PartiqlStatements(DynamoConnection connection) {
        this.connection = connection;
        this.runner = new StatementRunner(connection);
    }

    /** One page; pass the previous page's token for the next. Parameters are as typed (DynamoDB JSON or plain JSON). */
    public StatementRunner.StatementPage page(String statement, List<String> parameters, Optional<String> nextToken, int pageSize) {
        return page(statement, StatementRunner.Parameters.typed(parameters), nextToken, pageSize);
    }

    /** One page, with parameters read once for all the statement's pages ({@link StatementRunner.Parameters#typed}). */
    public StatementRunner.StatementPage page(String statement, StatementRunner.Parameters parameters, Optional<String> nextToken, int pageSize) {
        boolean writes = writes(statement);
        StatementRunner.StatementPage page = runner.execute(statement, parameters, writes, nextToken, pageSize);
        // the SDK's request names no item, so the cache hears of a PartiQL write from here
        if (writes) connection.writes().report(StatementKeys.of(statement, parameters.dynamoJson()));
        return page;
    }

    /** Whether the connection lets this statement run now (a write on a locked AWS connection does not). */
    public boolean allowed(String statement) {
        return !writes(statement) || connection.writable();
    }

    /** The parameters as typed, as DynamoDB JSON text (for copy-as). */
    public static List<String> normalized(List<String> parameters) {
        return StatementRunner.Parameters.typed(parameters).dynamoJson();
    }

    /** Whether a statement changes data: its first word is INSERT, UPDATE, DELETE (or EXISTS, a transaction check). */
    public static boolean writes(String statement) {
        for (StatementToken t : tokens(statement)) return WRITES.contains(t.text().toUpperCase(Locale.ROOT));
        String first = statement.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return WRITES.contains(first);
    }

    /** The statement's tokens with their kinds; a statement the lexer cannot finish is coloured up to where it stops. */
    public static List<StatementToken> tokens(String statement) {
        String text = statement;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                List<StatementToken> out = new ArrayList<>();
                List<StatementLexer.Token> raw = StatementLexer.tokens(text);
                for (int i = 0; i < raw.size(); i++) {
                    StatementLexer.Token t = raw.get(i);
                    if (t.kind() == StatementLexer.Kind.EOF) break;
                    out.add(new StatementToken(kind(t, i + 1 < raw.size() ? raw.get(i + 1) : null), t.start(), t.end(), t.text()));
                }
                return out;
            } catch (StatementException e) {
                // an unterminated string or name: colour what comes before its opening quote
                int cut = Math.max(text.lastIndexOf('\''), text.lastIndexOf('"'));
                if (cut < 0) return List.of();
                text = text.substring(0, cut);
            }
        }
        return List.of();
    }

    private static TokenKind kind(StatementLexer.Token t, StatementLexer.Token next) {
        return switch (t.kind()) {
            case WORD -> {
                String upper = t.text().toUpperCase(Locale.ROOT);
                if (FUNCTIONS.contains(upper) && next != null && next.text().equals("(")) yield TokenKind.FUNCTION;
                yield KEYWORDS.contains(upper) ? TokenKind.KEYWORD : TokenKind.NAME;
            }
            case NAME -> TokenKind.NAME;
            case STRING -> TokenKind.STRING;
            case NUMBER -> TokenKind.NUMBER;
            case PARAM -> TokenKind.PARAMETER;
            default -> TokenKind.PUNCTUATION;
        };
    }

    /** The table a statement names (after FROM, INTO or UPDATE), for completions and copy-as; empty when none. */
    public static Optional<String> table(String statement) {
        List<StatementToken> tokens = tokens(statement);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String w = tokens.get(i).text().toUpperCase(Locale.ROOT);
            if ((w.equals("FROM") || w.equals("INTO") || (w.equals("UPDATE") && i == 0)) && tokens.get(i + 1).kind() == TokenKind.NAME)
                return Optional.of(tokens.get(i + 1).text());
        }
        return Optional.empty();
    }
}
