package dev.cruddur.admin.time;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The short zone name a browser prints for {@code timeZoneName: 'short'} in en-US, as in luxon's
 * {@code DATETIME_FULL}.
 *
 * <p>Browsers take it from CLDR through ICU: en-US has abbreviations only for the North American
 * metazones (EST, CDT, AKST, HST, AST, ...), "UTC" and "GMT"; every other zone is written as its offset
 * ("GMT+1" for London in summer, "GMT+5:45" for Kathmandu). Java's own short names differ (BST, IST,
 * China's CST), so the metazone is recognised from Java's long English name, which comes from CLDR too.
 * Checked against Node 20 (ICU 78) for the zones in the tests; a few zones whose metazone changed
 * (America/Whitehorse, now "GMT-7" in ICU) still get Java's older name.
 */
final class LuxonZoneName {

    private static final Map<String, String> NORTH_AMERICAN = Map.ofEntries(
            Map.entry("Eastern Standard Time", "EST"), Map.entry("Eastern Daylight Time", "EDT"),
            Map.entry("Central Standard Time", "CST"), Map.entry("Central Daylight Time", "CDT"),
            Map.entry("Mountain Standard Time", "MST"), Map.entry("Mountain Daylight Time", "MDT"),
            Map.entry("Pacific Standard Time", "PST"), Map.entry("Pacific Daylight Time", "PDT"),
            Map.entry("Alaska Standard Time", "AKST"), Map.entry("Alaska Daylight Time", "AKDT"),
            Map.entry("Atlantic Standard Time", "AST"), Map.entry("Atlantic Daylight Time", "ADT"),
            Map.entry("Hawaii-Aleutian Standard Time", "HAST"), Map.entry("Hawaii-Aleutian Daylight Time", "HADT"),
            Map.entry("Greenwich Mean Time", "GMT"));

    private static final Set<String> UTC_IDS = Set.of("UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal",
            "Universal", "Etc/Zulu", "Zulu", "GMT", "Etc/GMT", "GMT0", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0",
            "Greenwich", "Etc/Greenwich", "Z");

    private static final Set<String> HAWAII = Set.of("Pacific/Honolulu", "Pacific/Johnston", "US/Hawaii", "HST");

    private static final DateTimeFormatter LONG_NAME = DateTimeFormatter.ofPattern("zzzz", Locale.US);

    private LuxonZoneName() {
    }

    static String shortName(ZonedDateTime t) {
        ZoneId zone = t.getZone();
        if (zone.equals(ZoneOffset.UTC) || UTC_IDS.contains(zone.getId())) return "UTC";
        if (!(zone instanceof ZoneOffset) && withinMetazone(zone, t.toInstant())) {
            String abbreviation = NORTH_AMERICAN.get(LONG_NAME.format(t));
            if (abbreviation != null) {
                if (HAWAII.contains(zone.getId())) return abbreviation.replace("HA", "H");
                if (!abbreviation.equals("GMT") || t.getOffset().getTotalSeconds() == 0) return abbreviation;
            }
        }
        return gmtOffset(t.getOffset());
    }

    /**
     * CLDR maps a zone to its metazone from 1970-01-01 00:00 UTC (or a later date where the zone
     * changed metazone) to 9999-12-31 23:59 UTC; outside that ICU has no name and writes the offset
     * (GMT-4 for New York in 1969's summer, GMT-4:56:02 for its local mean time, GMT+0 for London).
     */
    private static boolean withinMetazone(ZoneId zone, java.time.Instant instant) {
        java.time.Instant from = METAZONE_FROM.getOrDefault(zone.getId(), java.time.Instant.EPOCH);
        return !instant.isBefore(from) && instant.isBefore(METAZONES_END);
    }

    private static final java.time.Instant METAZONES_END = java.time.Instant.parse("9999-12-31T23:59:00Z");

    /** Zones whose North American metazone began after 1970 (Anchorage was Alaska-Hawaii, then Yukon, until late 1983). */
    private static final Map<String, java.time.Instant> METAZONE_FROM = Map.of(
            "America/Anchorage", java.time.Instant.parse("1983-11-30T09:00:00Z"));

    /** ICU's short localized GMT format: "GMT+5:45", "GMT-4", "GMT+0". */
    static String gmtOffset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        StringBuilder s = new StringBuilder("GMT").append(total < 0 ? '-' : '+').append(abs / 3600);
        int minutes = abs / 60 % 60;
        int seconds = abs % 60;
        if (minutes != 0 || seconds != 0) s.append(':').append(String.format("%02d", minutes));
        if (seconds != 0) s.append(':').append(String.format("%02d", seconds));
        return s.toString();
    }
}
