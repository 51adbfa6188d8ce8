package dev.cruddur.admin.engine.expr;

import java.util.ArrayList;
import java.util.List;

/** projection := path (, path)*; paths may not overlap or conflict. */
public final class ProjectionParser extends ParserBase {
    private ProjectionParser(String input, ExpressionContext context) throws ExpressionException {
        super(input, context);
    }

    public static List<Path> parse(String input, ExpressionContext context) throws ExpressionException {
        ProjectionParser p = new ProjectionParser(input, context);
        List<Path> paths = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        do {
            Path path = p.path();
            p.checkPathClash(seen, path);
            paths.add(path);
        } while (p.peek().is(",") && ++p.position > 0);
        p.expectEnd();
        p.throwFirst("reserved", "attrName", "pathOverlap", "pathConflict");
        return paths;
    }
}
