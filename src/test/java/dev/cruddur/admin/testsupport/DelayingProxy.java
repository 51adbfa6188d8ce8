package dev.cruddur.admin.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy that holds every answer from upstream for a while before passing it on:
 * a slow DynamoDB, for tests that need a reader's round trip to be long enough for a writer to
 * act in the middle of it. Requests pass straight through.
 */
public final class DelayingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final long delayMillis;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public DelayingProxy(URI upstreamEndpoint, Duration delay) throws IOException {
        this.upstream = new InetSocketAddress(upstreamEndpoint.getHost(), upstreamEndpoint.getPort());
        this.delayMillis = delay.toMillis();
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "delaying-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, 0);
                pump(server, client, delayMillis);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, long delay) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                boolean answerStarted = false;
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    // hold the first chunk of each answer; the rest of it follows at once
                    if (delay > 0 && !answerStarted) Thread.sleep(delay);
                    answerStarted = in.available() > 0;
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException ended) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "delaying-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(DelayingProxy::closeQuietly);
    }
}
