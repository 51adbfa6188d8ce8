package dev.cruddur.admin.engine.expr;

import java.util.List;
import java.util.stream.Collectors;

/** A document path: attribute names (String) and list indexes (Integer), already resolved from #names. */
public record Path(List<Object> elements) implements Operand {
    public String head() { return (String) elements.get(0); }
    public boolean isNested() { return elements.size() > 1; }

    /** DynamoDB's rendering in error messages: [a, b, [0]]. */
    @Override public String toString() {
        return elements.stream().map(e -> e instanceof Integer i ? "[" + i + "]" : (String) e)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
