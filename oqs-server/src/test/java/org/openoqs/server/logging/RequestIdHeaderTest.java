package org.openoqs.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openoqs.server.testsupport.SharedServer;

/**
 * Every answer names its request in {@code X-Request-Id} (the id its log lines carry, oqs-it {@code JsonLogsIT}):
 * a caller's own short plain id is kept, anything else is replaced by a fresh one, refused requests included.
 */
class RequestIdHeaderTest {

    @Test
    void aTerminalsOwnPlainIdIsKeptAndAnythingElseReplaced() throws Exception {
        SharedServer shared = SharedServer.get();
        URI time = shared.base().resolve("api/v1/time");

        HttpResponse<Void> kept = send(shared.demoClient(), time, "term-0042.req");
        HttpResponse<Void> replaced = send(shared.demoClient(), time, "<script>" + "x".repeat(80));
        HttpResponse<Void> fresh = send(shared.demoClient(), time, null);

        assertThat(kept.headers().firstValue(RequestIdFilter.HEADER)).contains("term-0042.req");
        assertThat(replaced.headers().firstValue(RequestIdFilter.HEADER).orElseThrow()).matches("[0-9a-f]{16}");
        assertThat(fresh.headers().firstValue(RequestIdFilter.HEADER).orElseThrow()).matches("[0-9a-f]{16}")
                .isNotEqualTo(replaced.headers().firstValue(RequestIdFilter.HEADER).orElseThrow());
    }

    @Test
    void aRefusedRequestHasAnIdToo() throws Exception {
        SharedServer shared = SharedServer.get();

        HttpResponse<Void> refused = send(shared.pki().anonymousClient(), shared.base().resolve("api/v1/time"), null);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue(RequestIdFilter.HEADER).orElseThrow()).matches("[0-9a-f]{16}");
    }

    private static HttpResponse<Void> send(HttpClient client, URI uri, String id) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (id != null) {
            request.header(RequestIdFilter.HEADER, id);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
