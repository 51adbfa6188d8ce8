package dev.cruddur.admin.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.domain.Conversation;
import dev.cruddur.admin.domain.Message;
import dev.cruddur.admin.domain.Page;
import dev.cruddur.admin.domain.SortKeyTime;
import dev.cruddur.admin.domain.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cached page JSON: every field survives the round trip, anything else is unreadable with a reason. */
class CachedPageFormatTest {
    private static final User BAYKO = new User("u-bayko", "bayko", "Andrew Bayko");
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void conversationsRoundTripWithProblemsAndTimesAsStored() {
        Page<Conversation> page = new Page<>(List.of(
                new Conversation("g1", "u-brown", BAYKO, "see you", SortKeyTime.parse("2023-04-15T13:15:19.922515"), List.of("naive sk")),
                new Conversation("g2", "u-brown", new User("u-londo", "londo", ""), "Ambassador!",
                        SortKeyTime.parse("2026-11-25T08:15:00.000000+00:00"), List.of())),
                Optional.of("b3BhcXVl"));
        String json = CachedPageFormat.conversations(page, "u-brown", 20, 12345, NOW);
        CachedPageFormat.Decoded<Conversation> back = CachedPageFormat.readConversations(json);
        assertThat(back).isEqualTo(new CachedPageFormat.Valid<>(page, "u-brown", 20, 12345, NOW));
        assertThat(json).contains("\"format\":1", "\"last_message_at\":\"2023-04-15T13:15:19.922515\"", "\"next_cursor\":\"b3BhcXVl\"");
    }

    @Test
    void messagesRoundTripInPageOrderAndTheLastPageHasANullCursor() {
        Page<Message> page = new Page<>(List.of(
                new Message("m1", "g1", BAYKO, "first", SortKeyTime.parse("2026-11-25T08:00:00.000000+00:00"), List.of()),
                new Message("m2", "g1", BAYKO, "second \"quoted\" ✓", SortKeyTime.parse("2026-11-25T08:01:00.000000+00:00"), List.of())),
                Optional.empty());
        String json = CachedPageFormat.messages(page, "g1", 20, 7, NOW);
        assertThat(json).contains("\"next_cursor\":null");
        assertThat(CachedPageFormat.readMessages(json)).isEqualTo(new CachedPageFormat.Valid<>(page, "g1", 20, 7, NOW));
    }

    @Test
    void anythingElseIsUnreadableWithAReason() {
        String conversations = CachedPageFormat.conversations(new Page<>(List.of(), Optional.empty()), "u", 20, 1, NOW);
        assertThat(reason(CachedPageFormat.readMessages(conversations))).isEqualTo("holds conversations, expected messages");
        assertThat(reason(CachedPageFormat.readConversations(conversations.replace("\"format\":1", "\"format\":2"))))
                .isEqualTo("format 2, expected 1");
        assertThat(reason(CachedPageFormat.readConversations("{oops"))).isEqualTo("not JSON");
        assertThat(reason(CachedPageFormat.readConversations("42"))).isEqualTo("not a JSON object");
        assertThat(reason(CachedPageFormat.readConversations(conversations.replace("\"items\":[]", "\"items\":[{}]"))))
                .isEqualTo("'message_group_uuid' missing or not a string");
        assertThat(CachedPageFormat.prettyJson("{\"a\":1}")).contains("{\n  \"a\" : 1\n}");
        assertThat(CachedPageFormat.prettyJson("not json")).isEmpty();
    }

    private static String reason(CachedPageFormat.Decoded<?> decoded) {
        assertThat(decoded).isInstanceOf(CachedPageFormat.Unreadable.class);
        return ((CachedPageFormat.Unreadable<?>) decoded).reason();
    }
}
