package dev.cruddur.admin.store;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the DynamoDB API is: an endpoint URL (the embedded engine, dynalite, DynamoDB Local,
 * LocalStack) or real AWS through the default credential chain and an optional named profile.
 */
public record DynamoTarget(Optional<URI> endpoint, Optional<String> profile, String region, String table) {
    public static final String DEFAULT_REGION = "us-east-1";

    public DynamoTarget {
        Objects.requireNonNull(endpoint);
        Objects.requireNonNull(profile);
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        Objects.requireNonNull(table);
    }

    public static DynamoTarget endpoint(URI endpoint, String table) {
        return new DynamoTarget(Optional.of(endpoint), Optional.empty(), DEFAULT_REGION, table);
    }

    public static DynamoTarget aws(Optional<String> profile, String region, String table) {
        return new DynamoTarget(Optional.empty(), profile, region, table);
    }

    public boolean isAws() {
        return endpoint.isEmpty();
    }

    /** The region a named profile of the AWS config sets, if it sets one (read with the SDK's own rules). */
    public static Optional<String> regionOfProfile(String profile) {
        try {
            return software.amazon.awssdk.profiles.ProfileFile.defaultProfileFile().profile(profile)
                    .flatMap(p -> p.property(software.amazon.awssdk.profiles.ProfileProperty.REGION));
        } catch (RuntimeException e) {
            return Optional.empty(); // an unreadable config file: fall back like a profile without a region
        }
    }

    /** True for endpoints on this machine: 127.0.0.0/8, ::1 and localhost. */
    public boolean isLoopback() {
        return endpoint.map(u -> {
            String host = String.valueOf(u.getHost()).toLowerCase();
            return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        }).orElse(false);
    }

    /** A short description for messages and the top bar: the URL, or "AWS us-east-1 (profile p)". */
    public String describe() {
        return endpoint.map(URI::toString)
                .orElseGet(() -> "AWS " + region + profile.map(p -> " (profile " + p + ")").orElse(""));
    }
}
