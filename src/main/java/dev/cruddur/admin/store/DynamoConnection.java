package dev.cruddur.admin.store;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One connection to a DynamoDB API: the SDK client, the table, what the endpoint can do, and the
 * write lock that keeps remote (AWS) connections read-only until the user unlocks them.
 */
public final class DynamoConnection implements AutoCloseable {
    private final DynamoTarget target;
    private final DynamoDbClient client;
    private final CallRecorder recorder = new CallRecorder();
    private final ItemWrites writes = new ItemWrites();
    private final AwsCredentialsProvider credentials;
    private volatile DynamoDbStreamsClient streams;
    private volatile Capabilities capabilities;
    private volatile boolean writesUnlocked;

    private DynamoConnection(DynamoTarget target) {
        this.target = target;
        this.credentials = credentialsFor(target);
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(target.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(plainHttpWithoutTls(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(target.isAws() ? 5 : 2))
                        .socketTimeout(Duration.ofSeconds(30))
                        .maxConnections(32)
                        .tcpKeepAlive(true)))
                .overrideConfiguration(overrides());
        target.endpoint().ifPresent(builder::endpointOverride);
        this.client = builder.build();
        // AWS, and any endpoint not on this machine (a shared DynamoDB Local, a LocalStack elsewhere), opens read-only
        this.writesUnlocked = target.isLoopback();
    }

    /** Set on clients of a plain-http endpoint: their TLS is made only if ever needed ({@link TlsOnFirstUse}). */
    private TlsOnFirstUse tlsOnFirstUse;

    private ApacheHttpClient.Builder plainHttpWithoutTls(ApacheHttpClient.Builder http) {
        if (target.endpoint().map(u -> "http".equalsIgnoreCase(u.getScheme())).orElse(false)) {
            if (tlsOnFirstUse == null) tlsOnFirstUse = new TlsOnFirstUse();
            http.socketFactory(tlsOnFirstUse);
        }
        return http;
    }

    /** Whether this connection set up TLS (tests: a plain-http endpoint never should). */
    boolean madeTls() {
        return tlsOnFirstUse == null || tlsOnFirstUse.tlsMade();
    }

    public static DynamoConnection open(DynamoTarget target) {
        return new DynamoConnection(target);
    }

    private ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(recorder)
                .addExecutionInterceptor(writes)
                // a local endpoint that is down should say so in about a second, not after a long back-off
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(target.isAws() ? 3 : 2).build())
                .apiCallTimeout(Duration.ofSeconds(target.isAws() ? 60 : 30))
                .build();
    }

    /**
     * Credentials come from the default chain or a named profile, never from the app. A local
     * endpoint accepts any signature, so it gets the environment's keys when set, else dummy ones.
     */
    private static AwsCredentialsProvider credentialsFor(DynamoTarget target) {
        if (target.profile().isPresent()) {
            return ProfileCredentialsProvider.builder().profileName(target.profile().get()).build();
        }
        if (target.isAws()) return DefaultCredentialsProvider.builder().build();
        if (System.getenv("AWS_ACCESS_KEY_ID") != null && System.getenv("AWS_SECRET_ACCESS_KEY") != null) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("cruddur-admin", "local"));
    }

    public DynamoTarget target() {
        return target;
    }

    public String table() {
        return target.table();
    }

    public DynamoDbClient client() {
        return client;
    }

    public CallRecorder recorder() {
        return recorder;
    }

    /** The keys of every item this connection's writes change, told as each write succeeds. */
    public ItemWrites writes() {
        return writes;
    }

    public DynamoDbStreamsClient streams() {
        DynamoDbStreamsClient s = streams;
        if (s == null) {
            synchronized (this) {
                if (streams == null) {
                    var builder = DynamoDbStreamsClient.builder()
                            .region(Region.of(target.region()))
                            .credentialsProvider(credentials)
                            .httpClientBuilder(plainHttpWithoutTls(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))));
                    target.endpoint().ifPresent(builder::endpointOverride);
                    streams = builder.build();
                }
                s = streams;
            }
        }
        return s;
    }

    /** Runs one SDK call, turning its failure into a plain {@link StoreException}. */
    public <T> T call(Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (SdkException e) {
            throw StoreFailures.translate(e, target.describe(), target.table());
        }
    }

    public boolean writable() {
        return writesUnlocked;
    }

    /** Unlocks writes for this session (an AWS or remote connection opens read-only). */
    public void unlockWrites() {
        writesUnlocked = true;
    }

    public void lockWrites() {
        writesUnlocked = false;
    }

    public void requireWritable() {
        if (!writesUnlocked) {
            throw new StoreException(StoreException.Kind.READ_ONLY, readOnlyReason());
        }
    }

    /** Why a write is refused while the connection is locked, in the words the window and the command line show. */
    public String readOnlyReason() {
        String which = target.isAws() ? "This AWS connection" : "This connection to " + target.describe() + " (not this machine)";
        return which + " is read-only: unlock writes for this session first (Unlock writes in the window, --unlock-writes on the command line).";
    }

    /**
     * What the endpoint supports, probed once: an empty transaction is a validation error where
     * transactions exist and an unknown operation where they do not (dynalite); likewise the
     * stream and TTL calls. Probes never write.
     */
    public Capabilities capabilities() {
        Capabilities c = capabilities;
        if (c == null) {
            synchronized (this) {
                if (capabilities == null) capabilities = probe();
                c = capabilities;
            }
        }
        return c;
    }

    private Capabilities probe() {
        boolean transactions = supported(() -> client.transactWriteItems(TransactWriteItemsRequest.builder().build()));
        boolean streamsOk = supported(() -> streams().listStreams(r -> r.limit(1)));
        boolean ttl = supported(() -> client.describeTimeToLive(DescribeTimeToLiveRequest.builder().tableName(table()).build()));
        return new Capabilities(transactions, streamsOk, ttl);
    }

    private boolean supported(Runnable probe) {
        try {
            probe.run();
            return true;
        } catch (DynamoDbException e) {
            return !unsupported(e);
        } catch (SdkException e) {
            if (unsupported(e)) return false;
            throw StoreFailures.translate(e, target.describe(), target.table());
        }
    }

    /** Whether a refusal says the endpoint lacks the operation (dynalite, older emulators), not that the call was wrong. */
    static boolean unsupported(SdkException e) {
        if (e instanceof DynamoDbException d) {
            String code = d.awsErrorDetails() == null ? "" : String.valueOf(d.awsErrorDetails().errorCode());
            return code.contains("UnknownOperation") || code.contains("UnsupportedOperation")
                    || code.contains("NotImplemented") || d.statusCode() == 501;
        }
        return String.valueOf(e.getMessage()).contains("UnknownOperation");
    }

    @Override
    public void close() {
        client.close();
        if (streams != null) streams.close();
    }
}
