package dev.cruddur.admin.app;

import dev.cruddur.admin.domain.User;
import java.util.List;
import java.util.stream.Collectors;

/** What a handle or uuid names: one user, nobody, or several users (a handle never guessed between them). */
public sealed interface UserLookup {
    record Found(User user) implements UserLookup {}

    record NotFound(String query) implements UserLookup {}

    record Ambiguous(String query, List<User> candidates) implements UserLookup {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }

        /** The refusal, every candidate listed so the caller can give a uuid instead. */
        public String reason() {
            return "'" + query.strip() + "' names " + candidates.size() + " users: "
                    + candidates.stream().map(u -> u.uuid() + " (@" + u.handle() + ", " + u.displayName() + ")")
                            .collect(Collectors.joining(", "))
                    + ". Give the uuid of the one you mean.";
        }
    }
}
