package dev.cruddur.admin.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Watches every DynamoDB call of a client and tells listeners its operation, latency and items
 * read: the status bar's figures come from here, measured once, in one place.
 */
public final class CallRecorder implements ExecutionInterceptor {
    /**
     * One finished call. {@code itemsRead} is -1 for calls that read no items; {@code errorCode} is
     * the service's error code of a failed call ("ResourceNotFoundException"), empty when it had none
     * (a timeout, a refused connection) or did not fail.
     */
    public record Call(String operation, long nanos, int itemsRead, boolean failed, String errorCode) {
        public Call(String operation, long nanos, int itemsRead, boolean failed) {
            this(operation, nanos, itemsRead, failed, "");
        }

        public double millis() {
            return nanos / 1_000_000.0;
        }
    }

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("cruddur.started");
    private final List<Consumer<Call>> listeners = new CopyOnWriteArrayList<>();
    private volatile Call last;

    public void addListener(Consumer<Call> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Call> listener) {
        listeners.remove(listener);
    }

    public Call last() {
        return last;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        publish(attributes, itemsRead(context.response()), null);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        String code = context.exception() instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorCode() != null ? e.awsErrorDetails().errorCode() : "";
        publish(attributes, -1, code);
    }

    /** {@code failure} is null for a call that succeeded, else its error code (empty when it has none). */
    private void publish(ExecutionAttributes attributes, int items, String failure) {
        Long started = attributes.getAttribute(STARTED);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Call call = new Call(operation, started == null ? 0 : System.nanoTime() - started, items, failure != null,
                failure == null ? "" : failure);
        last = call;
        for (Consumer<Call> listener : listeners) listener.accept(call);
    }

    private static int itemsRead(SdkResponse response) {
        if (response instanceof QueryResponse q) return q.count() == null ? q.items().size() : q.count();
        if (response instanceof ScanResponse s) return s.count() == null ? s.items().size() : s.count();
        if (response instanceof GetItemResponse g) return g.hasItem() ? 1 : 0;
        if (response instanceof BatchGetItemResponse b) return b.responses().values().stream().mapToInt(List::size).sum();
        return -1;
    }
}
