package dev.cruddur.admin.cache;

import io.grpc.ManagedChannel;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import momento.sdk.CacheClient;

/**
 * The gRPC idle timeout of the channels inside Momento's Java SDK 1.21 client (data plane and
 * control plane), read and shrunk by reflection: the SDK offers no setting for it, and a test
 * cannot wait the default 30 minutes. Test use only; breaks loudly if the SDK's insides move.
 */
final class SdkChannels {
    private SdkChannels() {
    }

    static Duration idleTimeout(CacheClient client) throws ReflectiveOperationException {
        Object impl = channelImpl(dataChannels(client).get(0));
        return Duration.ofMillis(idleTimeoutField(impl).getLong(impl));
    }

    /** Sets the idle timeout of every SDK channel; it takes effect when each channel next falls idle. */
    static void shrinkIdleTimeout(CacheClient client, Duration timeout) throws ReflectiveOperationException {
        List<ManagedChannel> channels = new ArrayList<>(dataChannels(client));
        channels.add((ManagedChannel) field(field(field(client, "scsControlClient"), "controlGrpcStubsManager"), "channel"));
        for (ManagedChannel channel : channels) {
            Object impl = channelImpl(channel);
            idleTimeoutField(impl).setLong(impl, timeout.toMillis());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ManagedChannel> dataChannels(CacheClient client) throws ReflectiveOperationException {
        return (List<ManagedChannel>) field(field(field(client, "scsDataClient"), "scsDataGrpcStubsManager"), "channels");
    }

    // the builder wraps gRPC's ManagedChannelImpl in an orphan-detecting wrapper
    private static Object channelImpl(ManagedChannel channel) throws ReflectiveOperationException {
        return field(channel, "delegate");
    }

    private static Field idleTimeoutField(Object channelImpl) throws NoSuchFieldException {
        Field idle = channelImpl.getClass().getDeclaredField("idleTimeoutMillis");
        idle.setAccessible(true);
        return idle;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name + " in " + owner.getClass());
    }
}
