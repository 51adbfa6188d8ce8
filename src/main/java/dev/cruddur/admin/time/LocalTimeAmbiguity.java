package dev.cruddur.admin.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;

/** A wall-clock time that a zone's DST transition made non-existent (gap) or double (overlap). */
public sealed interface LocalTimeAmbiguity permits LocalTimeAmbiguity.Gap, LocalTimeAmbiguity.Overlap {

    LocalDateTime local();

    ZoneId zone();

    /** One sentence naming the transition and both candidates. */
    String describe();

    /**
     * The clocks jumped over {@code local}.
     *
     * @param shiftedForward {@code local} read with the offset before the jump, which lands after it
     *                       (Java, Python {@code fold=0} and Postgres read it so)
     * @param before         {@code local} read with the offset after the jump, which lands before it
     *                       (Python {@code fold=1})
     */
    record Gap(LocalDateTime local, ZoneId zone, ZoneOffsetTransition transition, Instant shiftedForward,
               Instant before) implements LocalTimeAmbiguity {
        @Override
        public String describe() {
            return "%s does not exist in %s: clocks jumped from %s to %s (%s to %s). Read as %s (%s), shifted forward by %s as Java, Python (fold=0) and Postgres do; the other candidate is %s (%s)."
                    .formatted(wall(local), zone.getId(), hm(transition.getDateTimeBefore()),
                            hm(transition.getDateTimeAfter()), transition.getOffsetBefore().getId(),
                            transition.getOffsetAfter().getId(),
                            wall(LocalDateTime.ofInstant(shiftedForward, zone)) + transition.getOffsetAfter().getId(),
                            shiftedForward, Durations.words(transition.getDuration()),
                            wall(LocalDateTime.ofInstant(before, zone)) + transition.getOffsetBefore().getId(), before);
        }
    }

    /**
     * The clocks went back over {@code local}, so it happened twice.
     *
     * @param earlier {@code local} at the offset before the change (Java and Python {@code fold=0})
     * @param later   {@code local} at the offset after the change (Python {@code fold=1}; Postgres picks this one)
     */
    record Overlap(LocalDateTime local, ZoneId zone, ZoneOffsetTransition transition, Instant earlier,
                   Instant later) implements LocalTimeAmbiguity {
        @Override
        public String describe() {
            return "%s happens twice in %s: clocks went back from %s to %s. Earlier at %s (%s), later at %s (%s). Read as the earlier, as Java and Python (fold=0) do; Postgres takes the later."
                    .formatted(wall(local), zone.getId(), hm(transition.getDateTimeBefore()),
                            hm(transition.getDateTimeAfter()), transition.getOffsetBefore().getId(), earlier,
                            transition.getOffsetAfter().getId(), later);
        }

        public ZoneOffset earlierOffset() {
            return transition.getOffsetBefore();
        }

        public ZoneOffset laterOffset() {
            return transition.getOffsetAfter();
        }
    }

    private static String wall(LocalDateTime t) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }

    private static String hm(LocalDateTime t) {
        return DateTimeFormatter.ofPattern("HH:mm").format(t);
    }
}
