package dev.cruddur.admin.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The settings that change how one instant is written.
 *
 * @param displayZones     zones to show the instant in (Python {@code isoformat()} with that zone's offset)
 * @param postgresTimeZone Postgres's {@code TimeZone} setting (Cruddur's: UTC); psycopg3's connection zone
 * @param browserZone      the zone the frontend's browser runs in (luxon's display zone)
 * @param machineZone      the zone of the machine Cruddur's Python backend runs on
 * @param now              the "now" relative times are counted from
 */
public record RenderSettings(List<ZoneId> displayZones, ZoneId postgresTimeZone, ZoneId browserZone,
                             ZoneId machineZone, Instant now) {

    public static final ZoneId UTC = ZoneId.of("UTC");

    public RenderSettings {
        displayZones = List.copyOf(displayZones);
        Objects.requireNonNull(postgresTimeZone);
        Objects.requireNonNull(browserZone);
        Objects.requireNonNull(machineZone);
        Objects.requireNonNull(now);
    }

    /** Cruddur's own setup: Postgres, the backend and the browser in UTC; New York and London shown. */
    public static RenderSettings defaults(Instant now) {
        return new RenderSettings(List.of(ZoneId.of("America/New_York"), ZoneId.of("Europe/London")), UTC, UTC, UTC,
                now);
    }

    public RenderSettings withDisplayZones(List<ZoneId> zones) {
        return new RenderSettings(zones, postgresTimeZone, browserZone, machineZone, now);
    }

    public RenderSettings withPostgresTimeZone(ZoneId zone) {
        return new RenderSettings(displayZones, zone, browserZone, machineZone, now);
    }

    public RenderSettings withBrowserZone(ZoneId zone) {
        return new RenderSettings(displayZones, postgresTimeZone, zone, machineZone, now);
    }

    public RenderSettings withMachineZone(ZoneId zone) {
        return new RenderSettings(displayZones, postgresTimeZone, browserZone, zone, now);
    }

    public RenderSettings withNow(Instant instant) {
        return new RenderSettings(displayZones, postgresTimeZone, browserZone, machineZone, instant);
    }

    static ZoneId normalise(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? UTC : zone;
    }
}
