package dev.cruddur.admin.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A timestamp that was read.
 *
 * @param input          the text as given
 * @param instant        the instant it denotes (for a DST-ambiguous naive value: the candidate Java and
 *                       Python's {@code fold=0} pick; the other one is in {@code dst})
 * @param form           the form it was recognised in
 * @param naive          it carried no offset, so {@code zone} was assumed
 * @param zone           the zone or offset it was read in: the written offset, or the assumed zone
 * @param fractionDigits digits after the seconds' decimal point as written (0 to 9)
 * @param guess          how an epoch's unit, or a form two writers share, was decided
 * @param dst            set when a naive local time falls in a DST gap or overlap of the assumed zone
 */
public record ParsedTime(String input, Instant instant, InputForm form, boolean naive, ZoneId zone,
                         int fractionDigits, Optional<String> guess, Optional<LocalTimeAmbiguity> dst) {

    /**
     * One line for the screen: the form, the zone a naive value was read in, the guess, the DST note.
     * For example "naive ISO 8601 with T (...); no offset, read in America/New_York".
     */
    public String summary() {
        StringBuilder s = new StringBuilder(form.label());
        if (naive) s.append("; no offset, read in ").append(zone.getId());
        guess.ifPresent(g -> s.append("; ").append(g));
        dst.ifPresent(d -> s.append("; ").append(d.describe()));
        return s.toString();
    }

    /** For a naive value, the wall time as written (which, in a DST gap, no clock showed). */
    public Optional<LocalDateTime> naiveWallTime() {
        if (!naive) return Optional.empty();
        return Optional.of(dst.map(LocalTimeAmbiguity::local).orElseGet(() -> LocalDateTime.ofInstant(instant, zone)));
    }
}
