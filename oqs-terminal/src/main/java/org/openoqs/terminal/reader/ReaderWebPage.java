package org.openoqs.terminal.reader;

import org.openoqs.core.code.PrescriptionIssueSelect;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentChoices;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;

/**
 * The terminal's local reader page (a tiny JDK HTTP server on 127.0.0.1): the screen a patient or staff member uses
 * to confirm with a card — card, smartphone, face / PIN / 目視確認, the consent choices — and the 運転モード switch.
 * {@code POST /api/confirm} is the same operation for {@code oqs reader confirm}, answering a small JSON document.
 *
 * <p>Only loopback connections with a loopback {@code Host} are accepted. The token (kept in a file only the
 * terminal's user can read) is never part of a page: the page itself is served only to {@code GET /?key=<token>}
 * (the launch URL the terminal prints and writes to its owner-only files), and its forms carry a per-page nonce
 * instead, valid for {@link #NONCE_LIFETIME}. So a local process of another user that can reach the port, but cannot
 * read the token file, gets neither the page nor a nonce and cannot record a confirmation (issue 19 item 9).
 * {@code POST /api/confirm} (the CLI) carries the token in the {@code X-Reader-Token} header.
 */
public final class ReaderWebPage implements AutoCloseable {

    public static final String TOKEN_HEADER = "X-Reader-Token";
    /** How long a page's forms stay usable: a reception shift, after which the launch URL is opened again. */
    static final Duration NONCE_LIFETIME = Duration.ofHours(12);
    private static final int MAX_NONCES = 256;
    private static final int MAX_FORM_BYTES = 16 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Long> nonces = new ConcurrentHashMap<>();

    private final HttpServer server;
    private final ExecutorService executor;
    private final ReaderStation station;
    private final String token;

    private ReaderWebPage(HttpServer server, ExecutorService executor, ReaderStation station, String token) {
        this.server = server;
        this.executor = executor;
        this.station = station;
        this.token = token;
    }

    /** Starts the page on 127.0.0.1:{@code port} (0: any free port). */
    public static ReaderWebPage start(ReaderStation station, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "oqs-reader-page");
            t.setDaemon(true);
            return t;
        });
        ReaderWebPage page = new ReaderWebPage(server, executor, station, HexFormat.of().formatHex(random));
        server.createContext("/", page::handle);
        server.setExecutor(executor);
        server.start();
        return page;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The secret the CLI presents; the terminal writes it to a file only its user can read. */
    public String token() {
        return token;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRemoteAddress().getAddress().isLoopbackAddress() || !loopbackHost(ex)) {
                send(ex, 403, "text/plain", "forbidden");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if ("GET".equals(method) && "/".equals(path)) {
                if (!sameToken(query(ex).get("key"))) {
                    send(ex, 403, "text/html", ReaderPageHtml.launchRequired());
                    return;
                }
                send(ex, 200, "text/html", page(null));
            } else if ("POST".equals(method) && ("/confirm".equals(path) || "/api/confirm".equals(path)
                    || "/mode".equals(path))) {
                Map<String, String> form = form(ex);
                boolean allowed = path.startsWith("/api/") ? sameToken(ex.getRequestHeaders().getFirst(TOKEN_HEADER))
                        : validNonce(form.get("nonce"));
                if (!allowed) {
                    send(ex, 403, "text/plain", "invalid reader token");
                } else if ("/mode".equals(path)) {
                    station.setMode("stopped".equals(form.get("mode")) ? ReaderMode.STOPPED : ReaderMode.UNMANNED);
                    send(ex, 200, "text/html", page(null));
                } else {
                    ReaderOutcome outcome = confirm(form);
                    if (path.startsWith("/api/")) {
                        send(ex, 200, "application/json", ReaderPageHtml.json(outcome));
                    } else {
                        send(ex, 200, "text/html", page(outcome));
                    }
                }
            } else {
                send(ex, 404, "text/plain", "not found");
            }
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain", "internal error");
        }
    }

    private String page(ReaderOutcome outcome) {
        return ReaderPageHtml.form(station.mode(), newNonce(), outcome, station.asksPrescriptionChoice(),
                station.deviceProblem().orElse(null), station.offeredConsents());
    }

    /** The URL to open the page with: carries the token, so it is printed only to the terminal's own user. */
    public URI launchUri() {
        return uri().resolve("/?key=" + token);
    }

    private String newNonce() {
        long now = System.nanoTime();
        nonces.values().removeIf(issued -> now - issued > NONCE_LIFETIME.toNanos());
        if (nonces.size() >= MAX_NONCES) {
            nonces.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(e -> nonces.remove(e.getKey()));
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String nonce = HexFormat.of().formatHex(random);
        nonces.put(nonce, now);
        return nonce;
    }

    private boolean validNonce(String presented) {
        if (presented == null) {
            return false;
        }
        Long issued = nonces.get(presented);
        return issued != null && System.nanoTime() - issued <= NONCE_LIFETIME.toNanos();
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Turns the form into a reader request; a malformed field becomes a refusal, never an exception. */
    private ReaderOutcome confirm(Map<String, String> form) {
        String emergencyCode = form.getOrDefault("emergencyCode", "").strip();
        if (!emergencyCode.isEmpty()) { // 救急時医療情報閲覧: staff read the card of a patient who cannot consent
            if (!"visual".equals(form.getOrDefault("method", "")) || !"card".equals(form.getOrDefault("credential", "card"))) {
                return ReaderOutcome.refused(ErrorCode.PRESENCE_METHOD_NOT_ALLOWED, ErrorCode.PRESENCE_METHOD_NOT_ALLOWED
                        .messageWith("救急時の本人確認はマイナンバーカードの目視確認で行ってください"), -1, 0);
            }
            return station.identifyForEmergency(form.getOrDefault("card", "").strip(), emergencyCode, true);
        }
        CredentialKind credential = CredentialKind.ofName(form.getOrDefault("credential", "card")).orElse(null);
        PresenceMethod method = PresenceMethod.ofName(form.getOrDefault("method", "")).orElse(null);
        MedicalTreatmentFlag treatment = MedicalTreatmentFlag.ofName(form.getOrDefault("care", "outpatient")).orElse(null);
        if (credential == null || method == null || treatment == null || treatment == MedicalTreatmentFlag.EMERGENCY) {
            return ReaderOutcome.refused(ErrorCode.PRESENCE_METHOD_NOT_ALLOWED,
                    ErrorCode.PRESENCE_METHOD_NOT_ALLOWED.messageWith("媒体・確認方法・診療区分を確認してください"), -1, 0);
        }
        Set<ConsentCategory> consents;
        try {
            consents = ConsentChoices.parse(form.getOrDefault("consent", ""));
        } catch (InputRejectedException e) {
            return ReaderOutcome.refused(e.errorCode(), e.userMessage(), -1, 0);
        }
        boolean faceOk = !"ng".equalsIgnoreCase(form.getOrDefault("faceMatch", "ok"));
        return station.confirm(new ReaderRequest(form.getOrDefault("card", "").strip(), credential, method,
                form.get("pin"), faceOk, consents, treatment, prescriptionChoice(form.get("prescription"))));
    }

    /** electronic / paper (or the OQSCD017 codes 1 / 2); anything else means the patient was not asked. */
    private static PrescriptionIssueSelect prescriptionChoice(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "electronic", "1" -> PrescriptionIssueSelect.ELECTRONIC;
            case "paper", "2" -> PrescriptionIssueSelect.PAPER;
            default -> null;
        };
    }

    private boolean sameToken(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private boolean loopbackHost(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]");
    }

    /** {@code application/x-www-form-urlencoded}; repeated keys (check boxes) are joined with commas. */
    private static Map<String, String> form(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_FORM_BYTES + 1);
        }
        Map<String, String> out = new HashMap<>();
        if (body.length > MAX_FORM_BYTES) {
            return out;
        }
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.merge(k, v, (a, b) -> a + "," + b);
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=UTF-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Frame-Options", "DENY");
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
