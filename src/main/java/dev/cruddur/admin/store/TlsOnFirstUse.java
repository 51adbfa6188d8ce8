package dev.cruddur.admin.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.http.HttpHost;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.protocol.HttpContext;

/**
 * The https socket factory of a client whose endpoint is plain http (the embedded engine,
 * dynalite, DynamoDB Local on loopback). The SDK's Apache client otherwise sets up TLS as it is
 * built: the JSSE provider, an {@code SSLContext} and the JDK's whole trust store parsed (about 140
 * certificates and 150 classes), on the path to the window's first conversation, for a
 * connection that never speaks TLS. Here the TLS factory (Apache's default: the JDK's trust store,
 * hostname verification) is made only if an https connection is ever asked for.
 */
final class TlsOnFirstUse implements ConnectionSocketFactory {
    private volatile ConnectionSocketFactory tls;

    /** Whether TLS was set up (tests: a plain-http connection never does). */
    boolean tlsMade() {
        return tls != null;
    }

    private ConnectionSocketFactory tls() {
        ConnectionSocketFactory made = tls;
        if (made == null) {
            synchronized (this) {
                if (tls == null) tls = SSLConnectionSocketFactory.getSocketFactory();
                made = tls;
            }
        }
        return made;
    }

    @Override
    public Socket createSocket(HttpContext context) throws IOException {
        return tls().createSocket(context);
    }

    @Override
    public Socket connectSocket(int connectTimeout, Socket socket, HttpHost host, InetSocketAddress remoteAddress,
                                InetSocketAddress localAddress, HttpContext context) throws IOException {
        return tls().connectSocket(connectTimeout, socket, host, remoteAddress, localAddress, context);
    }
}
