package dev.cruddur.admin.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * gRPC's Netty transport logs every HTTP/2 frame at FINE, headers included, and the
 * {@code authorization} header is the API key. These loggers are held at INFO so that turning
 * on debug logging (java.util.logging at ALL) never writes the key anywhere.
 */
final class TransportLogs {
    private static final List<String> FRAME_LOGGERS = List.of(
            "io.grpc.netty.shaded.io.grpc.netty.NettyClientHandler",
            "io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler");

    // java.util.logging keeps loggers weakly: hold them, or the level is forgotten
    private static final List<Logger> PINNED = new ArrayList<>();

    private TransportLogs() {}

    static synchronized void keepHeadersOutOfLogs() {
        if (!PINNED.isEmpty()) {
            return;
        }
        for (String name : FRAME_LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.INFO);
            PINNED.add(logger);
        }
    }
}
