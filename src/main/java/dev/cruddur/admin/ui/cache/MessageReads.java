package dev.cruddur.admin.ui.cache;

import dev.cruddur.admin.app.DirectMessages;
import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.OutgoingMessage;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.SendResult;
import dev.cruddur.admin.domain.User;
import java.util.Optional;

/**
 * Patterns A and B, and the writes that make their cached pages stale, as the conversation views
 * ask for them. Called off the FX thread. {@link #DIRECT} goes straight to DynamoDB; the window's
 * {@link CacheAsideReads} goes through the session's cache when one is open.
 */
public interface MessageReads {
    Page<Conversation> conversations(DirectMessages on, User viewer, Optional<String> cursor, int limit);

    Page<Message> messages(DirectMessages on, String groupUuid, Optional<String> cursor, int limit);

    SendResult send(DirectMessages on, OutgoingMessage outgoing);

    SendResult startConversation(DirectMessages on, OutgoingMessage first, User to);

    MessageReads DIRECT = new MessageReads() {
        @Override
        public Page<Conversation> conversations(DirectMessages on, User viewer, Optional<String> cursor, int limit) {
            return on.conversations(viewer, cursor, limit);
        }

        @Override
        public Page<Message> messages(DirectMessages on, String groupUuid, Optional<String> cursor, int limit) {
            return on.messages(groupUuid, cursor, limit);
        }

        @Override
        public SendResult send(DirectMessages on, OutgoingMessage outgoing) {
            return on.send(outgoing);
        }

        @Override
        public SendResult startConversation(DirectMessages on, OutgoingMessage first, User to) {
            return on.startConversation(first, to);
        }
    };
}
