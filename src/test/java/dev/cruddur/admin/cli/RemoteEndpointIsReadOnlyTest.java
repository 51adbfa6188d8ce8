package dev.cruddur.admin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cruddur.admin.domain.DemoFixture;
import dev.cruddur.admin.testsupport.TestEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An endpoint that is not on this machine is read-only until unlocked, as AWS is: the embedded engine
 * reached through this machine's own non-loopback address (a byte-for-byte TCP relay, as a DynamoDB Local
 * on another host would be reached) refuses every write verb of the command line with one plain line and
 * changes nothing; reads work; {@code --unlock-writes} lets the write through.
 */
@Timeout(180)
class RemoteEndpointIsReadOnlyTest {
    @RegisterExtension
    static final TestEndpoint SERVER = TestEndpoint.embedded();

    private static ServerSocket relay;
    private static String remote;
    private static final String TABLE = "remote-locked";

    @BeforeAll
    static void relayOnANonLoopbackAddress() throws IOException {
        Optional<InetAddress> address = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address");
        relay = new ServerSocket();
        relay.bind(new InetSocketAddress(address.get(), 0));
        Thread accept = new Thread(() -> {
            while (!relay.isClosed()) {
                try {
                    Socket client = relay.accept();
                    Socket engine = new Socket("127.0.0.1", SERVER.uri().getPort());
                    pump(client.getInputStream(), engine.getOutputStream(), engine);
                    pump(engine.getInputStream(), client.getOutputStream(), client);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "relay");
        accept.setDaemon(true);
        accept.start();
        remote = "http://" + address.get().getHostAddress() + ":" + relay.getLocalPort();
        CommandLineTest.Run created = CommandLineTest.run(Map.of(), "--endpoint", SERVER.uri().toString(), "--table", TABLE, "schema-load");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(CommandLineTest.run(Map.of(), "--endpoint", SERVER.uri().toString(), "--table", TABLE, "seed").code()).isZero();
    }

    private static void pump(InputStream in, OutputStream out, Socket to) {
        Thread t = new Thread(() -> {
            try (to) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // either side closed
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    static void closeRelay() throws IOException {
        if (relay != null) relay.close();
    }

    private static CommandLineTest.Run remote(String... args) {
        List<String> all = new ArrayList<>(List.of("--endpoint", remote, "--table", TABLE));
        all.addAll(List.of(args));
        return CommandLineTest.run(Map.of(), all.toArray(String[]::new));
    }

    private static String items() {
        return CommandLineTest.run(Map.of(), "--endpoint", SERVER.uri().toString(), "--table", TABLE, "scan", "--limit", "100000").out();
    }

    @Test
    void everyWriteVerbIsRefusedUntilUnlocked(@TempDir Path dir) throws IOException {
        String before = items();
        assertThat(before.lines()).hasSizeGreaterThan(10);
        Path file = dir.resolve("items.jsonl");
        Files.writeString(file, "{\"pk\":{\"S\":\"MSG#" + DemoFixture.LONDO_GROUP + "\"},\"sk\":{\"S\":\"2026-01-01T00:00:00.000000+00:00\"},\"message\":{\"S\":\"imported\"}}\n");
        List<String[]> writes = List.of(
                new String[] {"send", "--from", "londo", "--group", DemoFixture.LONDO_GROUP, "--text", "over the network"},
                new String[] {"new-conversation", "--from", "bayko", "--to", "londo", "--text", "hello"},
                new String[] {"partiql", "DELETE FROM \"" + TABLE + "\" WHERE pk = 'MSG#" + DemoFixture.LONDO_GROUP + "' AND sk = 'x'"},
                new String[] {"partiql", "INSERT INTO \"" + TABLE + "\" VALUE {'pk': 'NOTE#1', 'sk': 'a'}"},
                new String[] {"import", file.toString()},
                new String[] {"seed", "--users", "2", "--conversations", "1", "--messages", "1"},
                new String[] {"time", "migrate", "--confirm", TABLE},
                new String[] {"drop", "--confirm", TABLE});
        for (String[] write : writes) {
            CommandLineTest.Run refused = remote(write);
            assertThat(refused.code()).as(String.join(" ", write) + ": " + refused.out() + refused.err()).isNotZero();
            assertThat(refused.err()).as(String.join(" ", write)).contains("is read-only").contains("--unlock-writes");
        }
        assertThat(items()).isEqualTo(before);
        // reads are not locked, and the unlock lets a write through
        CommandLineTest.Run read = remote("get-conversation", "--group", DemoFixture.LONDO_GROUP);
        assertThat(read.code()).as(read.err()).isZero();
        CommandLineTest.Run unlocked = remote("--unlock-writes", "send", "--from", "londo", "--group", DemoFixture.LONDO_GROUP, "--text", "unlocked");
        assertThat(unlocked.code()).as(unlocked.err()).isZero();
        assertThat(items()).contains("unlocked");
    }
}
