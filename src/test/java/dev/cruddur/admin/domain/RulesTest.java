package dev.cruddur.admin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RulesTest {
    @Test
    void messageTextIsTrimmedAndBetweenOneAnd1024Characters() {
        assertThat(MessageText.check("  hi \n")).isEqualTo(new MessageText.Accepted("hi"));
        assertThat(MessageText.check(" \t\n")).isInstanceOf(MessageText.Refused.class);
        assertThat(MessageText.check(null)).isInstanceOf(MessageText.Refused.class);
        assertThat(MessageText.check("a".repeat(1024))).isInstanceOf(MessageText.Accepted.class);
        assertThat(((MessageText.Refused) MessageText.check("a".repeat(1025))).reason())
                .isEqualTo("The message is 1025 characters long; Cruddur allows at most 1024.");
        // an emoji is one character to Cruddur's Python, two UTF-16 units to Java
        assertThat(MessageText.check("😀".repeat(1024))).isInstanceOf(MessageText.Accepted.class);
    }

    @Test
    void usersAreFoundByHandleWithOrWithoutAtAndByUuid() {
        User u = new User("5a3f0c1e-0000-4000-8000-000000000001", "andrewbrown", "Andrew Brown");
        assertThat(u.matches("@AndrewBrown")).isTrue();
        assertThat(u.matches("5a3f0c1e-0000-4000-8000-000000000001")).isTrue();
        assertThat(u.matches("andrew")).isFalse();
        assertThat(u.initials()).isEqualTo("AB");
        assertThat(new User("x", "londo", "Londo").initials()).isEqualTo("LO");
    }

    @Test
    void anOutgoingMessageKeepsMicrosecondsAndItsCanonicalKey() {
        OutgoingMessage m = new OutgoingMessage("g", DemoFixture.LONDO, "x", "u",
                java.time.Instant.parse("2026-11-25T08:15:00.123456789Z"));
        assertThat(m.sortKey()).isEqualTo("2026-11-25T08:15:00.123456+00:00");
    }
}
