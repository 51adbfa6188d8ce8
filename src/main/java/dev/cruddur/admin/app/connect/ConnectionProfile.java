package dev.cruddur.admin.app.connect;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.store.DynamoTarget;
import dev.cruddur.admin.users.PostgresTarget;
import java.net.URI;
import java.util.Objects;

/**
 * A saved way to reach Cruddur's table. Credentials are never part of a profile: an AWS profile
 * names a profile of {@code ~/.aws/config} (or none: the default chain) and a region. The optional
 * Postgres part names Cruddur's users database: {@code CONNECTION_URL}, {@code PROD_CONNECTION_URL}
 * (Cruddur's own variables) or a {@code postgresql://user@host:port/db} URL without password (the
 * password comes from {@code ~/.pgpass} or {@code PGPASSWORD}, never from this file).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionProfile(String name, Kind kind, String endpoint, String awsProfile, String region,
                                String table, String dataDir, String postgres) {

    public enum Kind {
        /** A DynamoDB-compatible endpoint given by URL (dynalite, DynamoDB Local, LocalStack). */
        LOCAL,
        /** Real AWS through the default credential chain or a named profile; opens read-only. */
        AWS,
        /** The embedded engine, started in-process on a data directory. */
        EMBEDDED
    }

    public static final String DEFAULT_LOCAL_URL = "http://127.0.0.1:8000";

    public ConnectionProfile {
        Objects.requireNonNull(kind, "kind");
        name = name == null || name.isBlank() ? kind.name().charAt(0) + kind.name().substring(1).toLowerCase() : name.strip();
        table = table == null || table.isBlank() ? TableKeys.DEFAULT_TABLE : table.strip();
        endpoint = blankToNull(endpoint);
        awsProfile = blankToNull(awsProfile);
        region = blankToNull(region);
        dataDir = blankToNull(dataDir);
        postgres = blankToNull(postgres);
    }

    public ConnectionProfile(String name, Kind kind, String endpoint, String awsProfile, String region, String table, String dataDir) {
        this(name, kind, endpoint, awsProfile, region, table, dataDir, null);
    }

    public static ConnectionProfile local(String name, String url, String table) {
        return new ConnectionProfile(name, Kind.LOCAL, url, null, null, table, null);
    }

    public static ConnectionProfile aws(String name, String awsProfile, String region, String table) {
        return new ConnectionProfile(name, Kind.AWS, null, awsProfile, region, table, null);
    }

    public static ConnectionProfile embedded(String name, String dataDir, String table) {
        return new ConnectionProfile(name, Kind.EMBEDDED, null, null, null, table, dataDir);
    }

    /** The first start's profile: a local endpoint on the usual port. */
    /** The first start's connection: the embedded endpoint, with the demo data. */
    public static ConnectionProfile defaultProfile() {
        return embedded("Embedded", null, TableKeys.DEFAULT_TABLE);
    }

    /** What is wrong with the profile, in plain words; null when it can be used. */
    @JsonIgnore
    public String problem() {
        String pg = postgresProblem(postgres);
        if (pg != null) return pg;
        return switch (kind) {
            case LOCAL -> endpointProblem(endpoint);
            case AWS -> region != null && !region.matches("[a-z]{2}(-[a-z]+)+-\\d") ? "'" + region + "' is not an AWS region (e.g. us-east-1)." : null;
            case EMBEDDED -> null;
        };
    }

    /** What is wrong with the Postgres part; null when it is absent or usable. A saved URL may not hold a password. */
    static String postgresProblem(String spec) {
        if (spec == null || spec.equals(PostgresSpec.DEV_VARIABLE) || spec.equals(PostgresSpec.PROD_VARIABLE)) return null;
        try {
            PostgresTarget.parse(spec, java.util.Map.of(), false, false);
            return null;
        } catch (IllegalArgumentException e) {
            return "Postgres: " + e.getMessage();
        }
    }

    /** What is wrong with an endpoint URL, in plain words (the window's profiles and the command line share it); null when usable. */
    public static String endpointProblem(String url) {
        if (url == null) return "Give the endpoint's URL, e.g. " + DEFAULT_LOCAL_URL + ".";
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                return "'" + url + "' is not an endpoint URL (expected e.g. " + DEFAULT_LOCAL_URL + ").";
            }
            // URI accepts any number of digits as a port; a socket takes 1 to 65535 (-1: the scheme's own)
            if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
                return "'" + url + "' names port " + uri.getPort() + ": a port is between 1 and 65535.";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "'" + url + "' is not an endpoint URL (expected e.g. " + DEFAULT_LOCAL_URL + ").";
        }
    }

    /** The DynamoDB target of a LOCAL or AWS profile (an EMBEDDED one needs its engine started first). */
    public DynamoTarget target() {
        return switch (kind) {
            case LOCAL -> DynamoTarget.endpoint(URI.create(endpoint.strip()), table);
            case AWS -> DynamoTarget.aws(java.util.Optional.ofNullable(awsProfile), region, table);
            case EMBEDDED -> throw new IllegalStateException("an embedded profile's endpoint is known once the engine runs");
        };
    }

    /** One line for lists and the top bar: "Local · http://… · table". */
    @JsonIgnore
    public String summary() {
        String where = switch (kind) {
            case LOCAL -> endpoint;
            case AWS -> "AWS " + (region == null ? DynamoTarget.DEFAULT_REGION : region) + (awsProfile == null ? "" : " (" + awsProfile + ")");
            case EMBEDDED -> "Embedded" + (dataDir == null ? "" : " · " + dataDir);
        };
        return where + " · " + table + (postgres == null ? "" : " · users from " + postgres);
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, kind, endpoint, awsProfile, region, table, dataDir, postgres);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
