package dev.cruddur.admin.cli;

import dev.cruddur.admin.app.connect.ConnectionProfile;
import dev.cruddur.admin.app.connect.PostgresSpec;
import dev.cruddur.admin.users.PostgresTarget;
import dev.cruddur.admin.domain.TableKeys;
import dev.cruddur.admin.store.DynamoTarget;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares: where DynamoDB is and which table. */
public final class ConnectionOptions {
    @Option(names = "--endpoint", paramLabel = "URL",
            description = "DynamoDB endpoint URL (else AWS_ENDPOINT_URL_DYNAMODB, then AWS_ENDPOINT_URL).")
    String endpoint;

    @Option(names = "--aws", description = "Use real AWS through the default credential chain (never implied).")
    boolean aws;

    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile from the AWS config.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region (else the profile's or AWS_REGION, else us-east-1).")
    String region;

    @Option(names = "--table", paramLabel = "NAME",
            description = "Table name (default: " + TableKeys.DEFAULT_TABLE + ").")
    String table;

    @Option(names = "--unlock-writes", description = "Allow writes on an AWS connection or an endpoint not on this machine (read-only otherwise).")
    boolean unlockWrites;

    @Option(names = "--embedded", description = "Use the embedded endpoint and its data (the default when no endpoint is given).")
    boolean embedded;

    @Option(names = "--postgres", paramLabel = "URL",
            description = "Cruddur's Postgres for its users: a postgresql:// URL (password from PGPASSWORD or ~/.pgpass), "
                    + "or CONNECTION_URL / PROD_CONNECTION_URL to use Cruddur's variable. Read only.")
    String postgres;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    /** Options given before the command name fill in what the command's own options left out. */
    ConnectionOptions orElse(ConnectionOptions outer) {
        ConnectionOptions merged = new ConnectionOptions();
        merged.endpoint = endpoint != null ? endpoint : outer.endpoint;
        merged.aws = aws || outer.aws;
        merged.profile = profile != null ? profile : outer.profile;
        merged.region = region != null ? region : outer.region;
        merged.table = table != null ? table : outer.table;
        merged.unlockWrites = unlockWrites || outer.unlockWrites;
        merged.debug = debug || outer.debug;
        merged.postgres = postgres != null ? postgres : outer.postgres;
        merged.embedded = embedded || outer.embedded;
        return merged;
    }

    /** True when the command should use the embedded endpoint: asked for, or nothing else named. */
    boolean usesEmbedded(Map<String, String> env) {
        if (embedded && (aws || endpoint != null)) throw new BadInput("Give one of --embedded, --endpoint or --aws.");
        return embedded || (!aws && endpointUrl(env) == null);
    }

    private String endpointUrl(Map<String, String> env) {
        return endpoint != null ? endpoint : firstNonBlank(env.get("AWS_ENDPOINT_URL_DYNAMODB"), env.get("AWS_ENDPOINT_URL"));
    }

    /** Resolves the target from the options and the environment; bad input is a {@link BadInput}. */
    DynamoTarget target(Map<String, String> env) {
        String url = endpointUrl(env);
        if (aws && endpoint != null) throw new BadInput("Give either --endpoint or --aws, not both.");
        String resolvedRegion = firstNonBlank(region,
                profile == null ? null : DynamoTarget.regionOfProfile(profile).orElse(null),
                env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
        if (aws) {
            return DynamoTarget.aws(Optional.ofNullable(profile), resolvedRegion, tableName());
        }
        if (url == null) {
            throw new BadInput("No DynamoDB endpoint: pass --embedded, --endpoint http://127.0.0.1:8000 "
                    + "(or set AWS_ENDPOINT_URL_DYNAMODB), or --aws for real AWS.");
        }
        String problem = ConnectionProfile.endpointProblem(url);
        if (problem != null) throw new BadInput(problem);
        URI uri = URI.create(url.strip());
        return new DynamoTarget(Optional.of(uri), Optional.ofNullable(profile), resolvedRegion, tableName());
    }

    /** Cruddur's Postgres when {@code --postgres} names it. */
    Optional<PostgresTarget> postgresTarget(Map<String, String> env) {
        if (postgres == null) return Optional.empty();
        try {
            return Optional.of(PostgresSpec.resolve(postgres, env));
        } catch (IllegalArgumentException e) {
            throw new BadInput("--postgres: " + e.getMessage());
        }
    }

    String tableName() {
        return table == null || table.isBlank() ? TableKeys.DEFAULT_TABLE : table;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
