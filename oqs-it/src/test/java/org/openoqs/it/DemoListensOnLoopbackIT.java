package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 15d: the real {@code oqs demo} listens on loopback unless {@code --bind} says otherwise. Rather than
 * sending traffic to a non-loopback address (which this workplace forbids), the test reads the kernel's table of
 * listening sockets ({@code /proc/net/tcp}, {@code tcp6}): every socket listening on the demo's port is bound to
 * 127.0.0.1, so no non-loopback address of this machine reaches it; and the loopback address does.
 */
class DemoListensOnLoopbackIT {

    @TempDir
    Path home;

    @Test
    void theDemoPortIsBoundToLoopbackOnly() throws Exception {
        try (DemoProcess demo = DemoProcess.start(home)) {
            URI web = URI.create(demo.properties().getProperty("web.url"));
            int port = web.getPort();
            assertThat(web.getHost()).isEqualTo("127.0.0.1");

            List<String> listening = listeningAddresses(port);
            assertThat(listening).as("sockets listening on port %d", port).isNotEmpty()
                    .allSatisfy(address -> assertThat(address).isEqualTo("127.0.0.1"));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    /** Local addresses of the sockets in state LISTEN on {@code port}, IPv4 dotted or IPv6 hex. */
    private static List<String> listeningAddresses(int port) throws Exception {
        List<String> addresses = new ArrayList<>();
        String hexPort = String.format("%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (local[1].equalsIgnoreCase(hexPort) && fields[3].equals("0A")) {
                    addresses.add(decode(local[0]));
                }
            }
        }
        return addresses;
    }

    // /proc/net/tcp writes IPv4 addresses as one little-endian 32-bit word; tcp6 as four such words.
    private static String decode(String hex) {
        if (hex.length() == 8) {
            long word = Long.parseLong(hex, 16);
            return (word & 0xff) + "." + ((word >> 8) & 0xff) + "." + ((word >> 16) & 0xff) + "." + ((word >> 24) & 0xff);
        }
        String lower = hex.toLowerCase(Locale.ROOT);
        // an IPv4-mapped address (::ffff:a.b.c.d, as Java binds an IPv4 address on a dual-stack socket) is the IPv4 one
        if (lower.length() == 32 && lower.startsWith("0000000000000000ffff0000")) {
            return decode(lower.substring(24));
        }
        return "ipv6:" + lower;
    }
}
