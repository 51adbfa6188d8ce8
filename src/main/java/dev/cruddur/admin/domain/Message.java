package dev.cruddur.admin.domain;

import java.util.List;

/** One row of pattern A: a message of a conversation, with its sender. */
public record Message(String messageUuid, String groupUuid, User sender, String text,
                      SortKeyTime createdAt, List<String> problems) {
    public Message {
        problems = List.copyOf(problems);
    }

    public boolean flagged() {
        return !problems.isEmpty();
    }
}
