package org.openoqs.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on the loopback interface between a terminal and the central service, which a test switches
 * to misbehave the way networks do: refuse connections, swallow them (connect succeeds, nothing ever comes back),
 * or forward slowly. It sees only encrypted bytes; it counts how many connections are open at once, which is how
 * many sessions the terminal holds with the service. Given several targets it is also the tiny load balancer of
 * {@link ScaleOutOnPostgresIT}: each new connection goes to the next target in turn.
 */
final class FaultProxy implements AutoCloseable {

    enum Mode {
        /** Pass bytes both ways. */
        FORWARD,
        /** Close every new connection at once: the service is down (the client gets EOF / connection reset). */
        REFUSE,
        /** Accept and never answer: a hanging service or a black-holed route; only the client's timeouts help. */
        STALL
    }

    private final List<InetSocketAddress> targets;
    private final AtomicInteger[] connectionsPerTarget;
    private final AtomicInteger nextTarget = new AtomicInteger();
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile Mode mode = Mode.FORWARD;
    private volatile long delayMillis;

    FaultProxy(int... targetPorts) throws IOException {
        this.targets = Arrays.stream(targetPorts)
                .mapToObj(port -> new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).toList();
        this.connectionsPerTarget = new AtomicInteger[targetPorts.length];
        Arrays.setAll(connectionsPerTarget, i -> new AtomicInteger());
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Switches the behaviour for new connections and drops the ones open, as a real outage would. */
    void switchTo(Mode newMode) {
        mode = newMode;
        dropConnections();
    }

    /** Every chunk from the client waits this long before it is forwarded: a slow service. */
    void delayEachChunk(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** Closes every open connection and starts counting {@link #mostOpenConnections()} afresh. */
    void dropConnections() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
        mostOpen.set(0);
    }

    int mostOpenConnections() {
        return mostOpen.get();
    }

    int acceptedConnections() {
        return accepted.get();
    }

    /** Connections forwarded to target {@code index} (in the order given to the constructor). */
    int connectionsTo(int index) {
        return connectionsPerTarget[index].get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            accepted.incrementAndGet();
            switch (mode) {
                case REFUSE -> closeQuietly(client);
                case STALL -> track(client); // held open, never read, closed by dropConnections or the client
                case FORWARD -> threads.execute(() -> connect(client));
            }
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        int index = Math.floorMod(nextTarget.getAndIncrement(), targets.size());
        try {
            server.connect(targets.get(index), 5_000);
            connectionsPerTarget[index].incrementAndGet();
        } catch (IOException unreachable) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        track(client);
        open.add(server);
        threads.execute(() -> pump(client, server, true));
        threads.execute(() -> pump(server, client, false));
    }

    private void track(Socket client) {
        open.add(client);
        long clients = open.stream().filter(s -> s.getLocalPort() == port()).count();
        mostOpen.accumulateAndGet((int) clients, Math::max);
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long delay = delayMillis;
                if (fromClient && delay > 0) {
                    Thread.sleep(delay);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException ended) {
            // one side closed
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        dropConnections();
        threads.shutdownNow();
    }
}
