package dev.cruddur.admin.ui.common;

import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.User;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a {@link UserSearchList} finds users: the table's directory (in memory, answered at once) or
 * Cruddur's Postgres (a page at a time, in the background). The answer comes on the FX thread.
 */
@FunctionalInterface
public interface UserSearch {
    /** A page of users, or the reason there is none (for example Postgres unreachable). */
    record Result(Page<User> page, String error) {
        public static Result of(Page<User> page) {
            return new Result(page, null);
        }
    }

    void search(String query, Optional<String> cursor, Consumer<Result> show);
}
