package org.openoqs.app.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/**
 * The floor of the service call: a mutual-TLS request to the cheapest endpoint ({@code /api/v1/time}) over a
 * kept-alive connection, with the demo facility's certificate — everything the terminal pays except the work.
 */
final class TlsFloor {

    private TlsFloor() {
    }

    static Samples measure(Properties demo, int warmup, int count) throws Exception {
        SSLContext tls = DemoCredentials.clientTls(demo);
        HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(demo.getProperty("api.url")).resolve("/api/v1/time"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        Samples samples = new Samples(count);
        for (int i = 0; i < warmup + count; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long elapsed = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IOException("/api/v1/time answered HTTP " + response.statusCode());
            }
            if (i >= warmup) {
                samples.add(elapsed);
            }
        }
        return samples;
    }
}
