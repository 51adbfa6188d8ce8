package dev.cruddur.admin.store;

import java.util.ArrayList;
import java.util.List;

/** What an endpoint supports, detected once per connection. */
public record Capabilities(boolean transactions, boolean streams, boolean timeToLive) {
    public static final Capabilities ALL = new Capabilities(true, true, true);

    /** What the endpoint cannot do, in the words of the status bar; empty when it can do everything. */
    public List<String> limitations() {
        List<String> out = new ArrayList<>();
        if (!transactions) out.add("no transactions: writes are ordered");
        if (!streams) out.add("no streams");
        if (!timeToLive) out.add("no TTL");
        return out;
    }

    public String summary() {
        return "transactions " + (transactions ? "✓" : "✗") + " · streams " + (streams ? "✓" : "✗")
                + " · TTL " + (timeToLive ? "✓" : "✗");
    }
}
