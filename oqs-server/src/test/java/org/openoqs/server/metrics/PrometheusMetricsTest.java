package org.openoqs.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * Operators scrape {@code /actuator/prometheus} on the management port (plain HTTP, loopback): after real inquiries
 * over mutual TLS the counters and latency histograms carry the outcome and the facility kind, next to the database
 * pool and the JVM. The API port does not serve it, not even to a facility certificate.
 */
class PrometheusMetricsTest {

    static final String OK_MEDICAL = "{facility_kind=\"medical\",outcome=\"ok\"}";
    static final String FILE_ERROR_MEDICAL = "{facility_kind=\"medical\",outcome=\"file_error\"}";

    @Test
    void inquiriesAreCountedAndTimedPerOutcomeAndFacilityKind() throws Exception {
        SharedServer shared = SharedServer.get();
        CentralServer server = shared.server();
        double okBefore = value(scrape(server), "oqs_inquiries_total" + OK_MEDICAL);
        double errorsBefore = value(scrape(server), "oqs_inquiries_total" + FILE_ERROR_MEDICAL);

        for (Persona p : Personas.all().subList(0, 3)) {
            Api.Response answer = Api.post(shared.demoClient(), shared.base(), Api.INQUIRY, Api.inquiryJson(
                    SharedServer.DEMO_CODE, PersonaCorpus.CONFIRMATION_DATE, "metrics-" + p.key(), p.inquiry()));
            assertThat(answer.status()).isEqualTo(200);
        }
        Api.Response broken = Api.post(shared.demoClient(), shared.base(), Api.INQUIRY,
                "{\"XmlMsg\":{\"MessageBody\":{}}}");
        assertThat(broken.result().isFileLevelError()).isTrue();

        String metrics = scrape(server);
        assertThat(value(metrics, "oqs_inquiries_total" + OK_MEDICAL) - okBefore).isEqualTo(3);
        assertThat(value(metrics, "oqs_inquiries_total" + FILE_ERROR_MEDICAL) - errorsBefore).isEqualTo(1);
        assertThat(value(metrics, "oqs_inquiry_seconds_count" + OK_MEDICAL)).isGreaterThanOrEqualTo(3);
        assertThat(metrics).contains("# TYPE oqs_inquiry_seconds histogram")
                .containsPattern("oqs_inquiry_seconds_bucket\\{facility_kind=\"medical\",outcome=\"ok\",le=\"[0-9.]+\"}")
                .contains("oqs_inquiry_seconds_bucket{facility_kind=\"medical\",outcome=\"ok\",le=\"+Inf\"}")
                .contains("oqs_inquiry_seconds_sum" + OK_MEDICAL);
        assertThat(metrics).as("database pool").contains("hikaricp_connections_max{pool=\"oqs\"}")
                .as("JVM").contains("jvm_memory_used_bytes{").contains("jvm_threads_live_threads");
    }

    @Test
    void aRefusedRequestIsCountedWithoutAFacility() throws Exception {
        SharedServer shared = SharedServer.get();
        String series = "oqs_inquiries_total{facility_kind=\"unknown\",outcome=\"refused\"}";
        double before = value(scrape(shared.server()), series);

        Api.Response refused = Api.post(shared.pki().anonymousClient(), shared.base(), Api.INQUIRY, "{}");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(value(scrape(shared.server()), series) - before).isEqualTo(1);
    }

    @Test
    void theManagementPortIsLoopbackPlainHttpAndNotTheApiPort() {
        CentralServer server = SharedServer.get().server();

        assertThat(server.managementPort()).isNotEqualTo(server.port());
        assertThat(server.metricsUri().toString())
                .isEqualTo("http://" + ServerConfig.LOOPBACK + ":" + server.managementPort() + "/actuator/prometheus");
    }

    @Test
    void theApiPortDoesNotServeMetricsEvenToAFacilityCertificate() throws Exception {
        SharedServer shared = SharedServer.get();

        for (String path : new String[] {"actuator/prometheus", "actuator/metrics"}) {
            Api.Response answer = Api.get(shared.demoClient(), shared.base(), path);
            assertThat(answer.status()).as(path).isIn(401, 403, 404);
            assertThat(answer.body()).as(path).doesNotContain("oqs_inquiries_total").doesNotContain("jvm_memory");
        }
        assertThat(Api.get(shared.pki().anonymousClient(), shared.base(), "actuator/health").json()
                .get("status").asString()).as("the balancers' health check stays on the API port").isEqualTo("UP");
    }

    static String scrape(CentralServer server) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.metricsUri())
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** The sample's value; 0 when the series does not exist yet. */
    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
