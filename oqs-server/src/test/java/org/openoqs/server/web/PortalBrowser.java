package org.openoqs.server.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openoqs.server.web.security.SessionCookieSettings;

/**
 * The portal as a browser reaches it, over real HTTPS with the facility's client certificate: it keeps the session
 * cookie and the CSRF token of the last page that had a form. Each request names the server it goes to, so a test
 * can carry one session from one server instance to another, as a balancer without sticky sessions would.
 */
final class PortalBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client;
    private String sessionId;
    private String csrfToken;

    PortalBrowser(HttpClient client) {
        this.client = client;
    }

    /** The value of the session cookie the browser holds now ({@code null}: none, or cleared by the server). */
    String sessionId() {
        return sessionId;
    }

    /** Presents this cookie from now on, as a browser that kept an old one would. */
    void presentSession(String id) {
        this.sessionId = id;
    }

    /** The CSRF token of the last page that had a form. */
    String csrfToken() {
        return csrfToken;
    }

    HttpResponse<String> get(URI server, String path) throws IOException, InterruptedException {
        return send(request(server, path).GET());
    }

    /** Posts the form with the CSRF token of the last page that had one. */
    HttpResponse<String> post(URI server, String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        return postWithToken(server, path, fields, csrfToken);
    }

    HttpResponse<String> postWithToken(URI server, String path, Map<String, String> fields, String token)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (token != null) {
            form.put("_csrf", token);
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(server, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The login page, then the login form: answers the form's redirect (menu, notices or forced change). */
    HttpResponse<String> signIn(URI server, String accountId, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get(server, "web/login");
        if (page.statusCode() != 200) {
            throw new IllegalStateException("login page: " + page.statusCode());
        }
        return post(server, "web/login", Map.of("accountId", accountId, "password", password));
    }

    private HttpRequest.Builder request(URI server, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30));
        if (sessionId != null) {
            builder.header("Cookie", SessionCookieSettings.COOKIE_NAME + "=" + sessionId);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(builder.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String[] nameValue = cookie.split(";", 2)[0].split("=", 2);
            if (nameValue[0].strip().equals(SessionCookieSettings.COOKIE_NAME)) {
                boolean cleared = nameValue[1].isEmpty() || cookie.toLowerCase(Locale.ROOT).contains("max-age=0");
                sessionId = cleared ? null : nameValue[1];
            }
        }
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrfToken = token.group(1);
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
