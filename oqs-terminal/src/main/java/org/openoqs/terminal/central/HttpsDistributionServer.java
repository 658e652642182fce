package org.openoqs.terminal.central;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DistributionServer} over HTTPS with the facility's client certificate (docs/distribution.md), on the
 * terminal's {@link CentralServiceHttp} — with the seed's proxy when the 配信 agent's set-up names one. The
 * transport's failures are told apart for the connection check ({@link ConnectionProblem}: DNS, proxy, timeout,
 * server or client certificate …).
 */
public final class HttpsDistributionServer implements DistributionServer {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final CentralServiceHttp http;

    public HttpsDistributionServer(CentralServiceHttp transport) {
        this.http = transport;
    }

    @Override
    public ConnectionResult checkConnection() {
        try {
            JsonNode answer = json(send(get("api/v1/distribution/connection")));
            if (!ConnectionResult.SUCCESS.equals(answer.path("result").asString(""))) {
                return ConnectionResult.failure(new ConnectionProblem("SERVER_ERROR",
                        "配信サーバーの応答が正しくありません。"));
            }
            return ConnectionResult.success(answer.path("institutionCode").asString(""));
        } catch (DistributionUnavailableException | DistributionRefusedException e) {
            return ConnectionResult.failure(e.problem());
        }
    }

    @Override
    public TerminalRegistration register(String computerName, String agentVersion) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("computerName", computerName);
        body.put("agentVersion", agentVersion);
        JsonNode answer = json(send(http.request("api/v1/distribution/terminals")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))));
        try {
            return new TerminalRegistration(answer.path("institutionCode").asString(),
                    answer.path("computerName").asString(), Instant.parse(answer.path("registeredAt").asString()),
                    Instant.parse(answer.path("lastSeenAt").asString()));
        } catch (RuntimeException unreadable) {
            throw unreadableAnswer();
        }
    }

    @Override
    public List<AvailablePackage> packages() {
        JsonNode answer = json(send(get("api/v1/distribution/packages")));
        List<AvailablePackage> list = new ArrayList<>();
        for (JsonNode p : answer.path("packages")) {
            try {
                list.add(new AvailablePackage(p.path("component").asString(), PackageVersion.of(p.path("version")
                        .asString()), p.path("size").asLong(), p.path("sha256").asString()));
            } catch (IllegalArgumentException malformedEntry) {
                // an entry this agent cannot read is not offered to it
            }
        }
        return list;
    }

    /**
     * Streams the package to {@code target}, never more than the listed size: a service (or anyone in between) that
     * sends more is cut off at the listed size plus one byte and the package refused ({@link RefusalReason#SIZE}),
     * so an endless body cannot fill the disk; a shorter body is refused the same way.
     */
    @Override
    public void download(AvailablePackage available, Path target) {
        String name = available.component() + " " + available.version();
        if (available.size() <= 0) {
            throw new PackageRefusedException(RefusalReason.SIZE,
                    "配信パッケージ " + name + " のサイズが一覧にないため取得しません。");
        }
        HttpResponse<InputStream> response = exchange(get(packagePath(available)),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw failure(response.statusCode(), "パッケージ " + name + " を取得できません");
            }
            long written = copyAtMost(body, target, available.size() + 1);
            if (written != available.size()) {
                throw new PackageRefusedException(RefusalReason.SIZE, "配信パッケージ " + name + " をインストールしません: "
                        + "一覧のサイズ（" + available.size() + "バイト）と異なるデータを受信しました"
                        + (written > available.size() ? "（超過分は読み込んでいません）" : "（" + written + "バイト）") + "。");
            }
        } catch (IOException e) {
            throw new DistributionUnavailableException(ConnectionProblem.of(e, http.baseUri()), e);
        }
    }

    private static long copyAtMost(InputStream body, Path target, long limit) throws IOException {
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            while (written < limit) {
                int read = body.read(buffer, 0, (int) Math.min(buffer.length, limit - written));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                written += read;
            }
        }
        return written;
    }

    @Override
    public Optional<byte[]> signature(AvailablePackage available) {
        HttpResponse<byte[]> response = sendBytes(get(packagePath(available) + "/signature"));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        requireOk(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return Optional.of(response.body());
    }

    @Override
    public void reportVersions(String computerName, List<ReportedVersion> installed) {
        List<Map<String, String>> versions = new ArrayList<>();
        for (ReportedVersion state : installed) {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("component", state.component());
            v.put("version", state.current().text());
            state.previous().ifPresent(p -> v.put("previousVersion", p.text()));
            versions.add(v);
        }
        send(http.request("api/v1/distribution/terminals/" + computerName + "/versions")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("versions", versions)),
                        StandardCharsets.UTF_8)));
    }

    @Override
    public Optional<X509CRL> crl() {
        HttpResponse<byte[]> response = sendBytes(get("api/v1/certificates/crl"));
        if (response.statusCode() == 503 || response.statusCode() == 404) {
            return Optional.empty();
        }
        requireOk(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        try {
            return Optional.of((X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(response.body())));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static String packagePath(AvailablePackage available) {
        return "api/v1/distribution/packages/" + available.component() + "/" + available.version().text();
    }

    private HttpRequest.Builder get(String path) {
        return http.request(path).GET();
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<byte[]> response = sendBytes(request);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        requireOk(response.statusCode(), body);
        return body;
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The transport's failures, classified for the 配信 agent's connection check and heartbeat. */
    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.exchange(request, body);
        } catch (CentralServiceUnavailableException unreachable) {
            Throwable why = unreachable.getCause() != null ? unreachable.getCause() : unreachable;
            throw new DistributionUnavailableException(ConnectionProblem.of(why, http.baseUri()), unreachable);
        } catch (CentralServiceRefusedException refusedHandshake) {
            Throwable why = refusedHandshake.getCause() != null ? refusedHandshake.getCause() : refusedHandshake;
            throw new DistributionRefusedException(ConnectionProblem.of(why, http.baseUri()));
        }
    }

    private static void requireOk(int status, String body) {
        if (status / 100 == 2) {
            return;
        }
        String message = null;
        try {
            message = JSON.readTree(body).path("message").asString(null);
        } catch (RuntimeException notJson) {
            // keep the status only
        }
        throw failure(status, message);
    }

    /** 5xx and a proxy asking for authentication are outages (retried, shown in the health); other 4xx refusals. */
    private static RuntimeException failure(int status, String message) {
        ConnectionProblem problem = ConnectionProblem.ofStatus(status, message);
        return status >= 500 || status == 407 ? new DistributionUnavailableException(problem)
                : new DistributionRefusedException(problem);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw unreadableAnswer();
        }
    }

    private static DistributionRefusedException unreadableAnswer() {
        return new DistributionRefusedException(new ConnectionProblem("SERVER_ERROR", "配信サーバーの応答を読み取れません。"));
    }
}
