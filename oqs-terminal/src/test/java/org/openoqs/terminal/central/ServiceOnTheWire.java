package org.openoqs.terminal.central;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for the central service on a real socket (the JDK's HTTP server on loopback; TLS is left out, the
 * ports' code paths are the same): each endpoint the terminal's ports call answers in the shape the real service
 * does, or the whole service is {@link Mode#DOWN} (HTTP 503, as behind a load balancer) or {@link Mode#HANGING}
 * (requests accepted, never answered until it is up again). It counts the requests open at once — the session cap
 * as the service sees it.
 */
public final class ServiceOnTheWire implements AutoCloseable {

    public enum Mode { UP, DOWN, HANGING }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);
    private final AtomicReference<CountDownLatch> release = new AtomicReference<>(new CountDownLatch(0));
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Duration answerAfter = Duration.ZERO;

    /**
     * Generous on purpose: the tests time requests, not connections, and on a 2-core machine shared with other builds
     * a loopback connect once took over 2 s (EveryPortOutageShowsInHealthTest failed on it in a clean-clone run at
     * load average 16).
     */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    public ServiceOnTheWire() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The terminal's transport to this service, with {@code requestTimeout}. */
    public CentralServiceHttp transport(Duration requestTimeout) {
        try {
            return new CentralServiceHttp(uri(), SSLContext.getDefault(), CONNECT_TIMEOUT, requestTimeout);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void setMode(Mode next) {
        if (next == Mode.HANGING) {
            release.set(new CountDownLatch(1));
        }
        mode.set(next);
        if (next != Mode.HANGING) {
            release.get().countDown(); // hanging requests end (their callers have long timed out)
        }
    }

    /** Every answer takes this long (so that concurrent calls overlap at the service). */
    public void setAnswerAfter(Duration delay) {
        answerAfter = delay;
    }

    public int mostOpenAtOnce() {
        return mostOpen.get();
    }

    public int requests() {
        return requests.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        requests.incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Mode now = mode.get();
            if (now == Mode.HANGING) {
                release.get().await(30, TimeUnit.SECONDS);
                return; // closed without an answer
            }
            if (now == Mode.DOWN) {
                send(exchange, 503, "{\"message\":\"maintenance\"}");
                return;
            }
            if (!answerAfter.isZero()) {
                Thread.sleep(answerAfter.toMillis());
            }
            answer(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/api/v1/facility")) {
            send(exchange, 200, "{\"characterCode\":\"0\",\"optIns\":{\"eKarteSharing\":\"1\"}}");
        } else if (path.equals("/api/v1/devices/sessions") && method.equals("POST")) {
            send(exchange, 200, "{\"token\":\"session-1\",\"expiresAt\":\"" + Instant.now().plusSeconds(3600) + "\"}");
        } else if (path.startsWith("/api/v1/cards/") && path.endsWith("/confirmations")) {
            // the service decides on the card: here it refuses (a refusal is an answer: the service is reachable)
            send(exchange, 409, "{\"errorCode\":\"OQSF9002\",\"message\":\"カードを確認できません\"}");
        } else if (path.startsWith("/api/v1/bulk/")) {
            send(exchange, 200, "<OQSmuquc01res/>");
        } else if (path.equals("/api/v1/eps/reader-settings")) {
            send(exchange, 200, "{\"ePrescription\":\"1\",\"selectionTiming\":\"1\",\"readerAsks\":true}");
        } else if (path.equals("/api/v1/distribution/packages")) {
            send(exchange, 200, "{\"packages\":[]}");
        } else if (path.equals("/api/v1/certificates/renew")) {
            send(exchange, 200, "{\"certificate\":\"PEM\",\"caCertificate\":\"PEM\"}");
        } else if (path.equals("/api/v1/clins/bundles") && method.equals("POST")) {
            send(exchange, 201, "{\"outcome\":\"CREATED\",\"identifier\":\"1^2026^0113810014^0001\"}");
        } else if (path.equals("/api/v1/qualifications/inquiry")) {
            send(exchange, 400, "{\"errorCode\":\"OQSF9002\",\"message\":\"拒否\"}");
        } else {
            send(exchange, 404, "{\"message\":\"not found\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("<") ? "application/xml"
                : "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        setMode(Mode.UP);
        server.stop(0);
        threads.shutdownNow();
    }
}
