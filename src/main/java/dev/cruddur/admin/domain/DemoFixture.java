package dev.cruddur.admin.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The seed's demo data (data-model.md): Andrew Brown, Andrew Bayko and Londo Mollari; their
 * conversation {@value #MAIN_GROUP} of a hundred alternating messages a minute apart, starting a
 * day before seeding; and a short one with Londo. Everything but "now" is fixed.
 */
public final class DemoFixture {
    public static final String MAIN_GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
    public static final String LONDO_GROUP = uuid("group/andrewbrown-londo");
    public static final int MAIN_MESSAGES = 100;

    public static final User ANDREW_BROWN = new User(uuid("user/andrewbrown"), "andrewbrown", "Andrew Brown");
    public static final User ANDREW_BAYKO = new User(uuid("user/bayko"), "bayko", "Andrew Bayko");
    public static final User LONDO = new User(uuid("user/londo"), "londo", "Londo Mollari");
    public static final List<User> USERS = List.of(ANDREW_BROWN, ANDREW_BAYKO, LONDO);

    /** A conversation and its messages, oldest first. */
    public record Thread(String groupUuid, User first, User second, List<OutgoingMessage> messages) {}

    private static final String[] BROWN_LINES = {
        "Have you watched Babylon 5 yet?",
        "Season two is where it gets going, trust me.",
        "The Shadows are the best villains in TV sci-fi.",
        "G'Kar's speeches alone are worth the whole series.",
        "Did you notice the foreshadowing in the first episode?",
        "I still think the CGI holds up for the time.",
        "Londo is my favourite character, without a doubt.",
        "Which episode are you on now?",
        "Don't skip the Crusade spin-off, even if it's short.",
        "The soundtrack is underrated.",
    };
    private static final String[] BAYKO_LINES = {
        "Not yet, it's on my list.",
        "Okay, starting season one tonight.",
        "The make-up effects are better than I expected.",
        "Just met the Vorlons. Very mysterious.",
        "Season two, episode four now.",
        "I see why people love Londo.",
        "The station itself feels like a character.",
        "That ending! I did not see it coming.",
        "Sounds good, see you at the watch party.",
        "Any snacks you want me to bring?",
    };

    private DemoFixture() {}

    /** The demo conversations, dated relative to {@code now}. */
    public static List<Thread> threads(Instant now) {
        Instant start = now.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
        List<OutgoingMessage> main = new ArrayList<>();
        for (int i = 0; i < MAIN_MESSAGES; i++) {
            boolean brown = i % 2 == 0;
            String text = (brown ? BROWN_LINES : BAYKO_LINES)[(i / 2) % BROWN_LINES.length];
            main.add(new OutgoingMessage(MAIN_GROUP, brown ? ANDREW_BROWN : ANDREW_BAYKO, text,
                    uuid("message/main/" + i), start.plus(Duration.ofMinutes(i))));
        }
        Instant londoStart = now.minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);
        List<OutgoingMessage> londo = List.of(
                new OutgoingMessage(LONDO_GROUP, LONDO, "Ambassador Brown! We must talk about the Centauri Republic.",
                        uuid("message/londo/0"), londoStart),
                new OutgoingMessage(LONDO_GROUP, ANDREW_BROWN, "Happy to, ambassador. What's on your mind?",
                        uuid("message/londo/1"), londoStart.plus(Duration.ofMinutes(3))),
                new OutgoingMessage(LONDO_GROUP, LONDO, "Great Maker!", uuid("message/londo/2"),
                        londoStart.plus(Duration.ofMinutes(5))));
        return List.of(new Thread(MAIN_GROUP, ANDREW_BROWN, ANDREW_BAYKO, main),
                new Thread(LONDO_GROUP, ANDREW_BROWN, LONDO, londo));
    }

    /** A fixed uuid for a name, so the fixture is the same on every machine. */
    public static String uuid(String name) {
        return UUID.nameUUIDFromBytes(("cruddur-admin/demo/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
