package dev.cruddur.admin.domain;

import java.util.List;

/**
 * One row of pattern B: a conversation as seen by its owner, naming the other participant and
 * the newest message. {@code problems} lists what was missing or unreadable in the stored item.
 */
public record Conversation(String groupUuid, String ownerUuid, User other, String lastMessage,
                           SortKeyTime lastMessageAt, List<String> problems) {
    public Conversation {
        problems = List.copyOf(problems);
    }

    public boolean flagged() {
        return !problems.isEmpty();
    }
}
