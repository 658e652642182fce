package org.openoqs.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example dashboard {@code deploy/grafana/openoqs-central.json} is valid JSON whose queries name only metrics the
 * service exports: the service's own (from {@link OqsMetrics.Operation}) and the ones a scrape shows (pool, JVM).
 */
class GrafanaDashboardTest {

    static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9_]*)\\s*[{\\[]");
    static final Set<String> PROMQL_WORDS = Set.of("rate", "sum", "by", "histogram_quantile", "max", "avg");

    @Test
    void everyQueryNamesAMetricTheServiceExports() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(dashboardFile()));
        List<String> expressions = new ArrayList<>();
        collect(dashboard.get("panels"), expressions);
        assertThat(expressions).hasSizeGreaterThan(10);

        SharedServer shared = SharedServer.get();
        Persona p = Personas.all().get(0);
        Api.post(shared.demoClient(), shared.base(), Api.INQUIRY,
                Api.inquiryJson(SharedServer.DEMO_CODE, PersonaCorpus.CONFIRMATION_DATE, "grafana-1", p.inquiry()));
        String scrape = PrometheusMetricsTest.scrape(shared.server());
        Set<String> named = new TreeSet<>();
        for (String expression : expressions) {
            Matcher m = METRIC.matcher(expression);
            while (m.find()) {
                if (!PROMQL_WORDS.contains(m.group(1))) {
                    named.add(m.group(1));
                }
            }
        }

        assertThat(named).contains("oqs_inquiries_total", "oqs_inquiry_seconds_bucket", "hikaricp_connections_active",
                "jvm_memory_used_bytes");
        for (String metric : named) {
            if (metric.startsWith("oqs_")) {
                assertThat(ownMetric(metric)).as(metric).isTrue();
            } else {
                assertThat(scrape).as(metric).containsPattern("(?m)^" + Pattern.quote(metric) + "[{ ]");
            }
        }
    }

    /** {@code oqs_inquiries_total}, {@code oqs_inquiry_seconds_bucket} … of an operation {@link OqsMetrics} records. */
    private static boolean ownMetric(String metric) {
        for (OqsMetrics.Operation op : OqsMetrics.Operation.values()) {
            String counter = op.counterName().replace('.', '_') + "_total";
            String timer = op.timerName().replace('.', '_') + "_seconds";
            if (metric.equals(counter) || metric.matches(Pattern.quote(timer) + "_(bucket|count|sum|max)")) {
                return true;
            }
        }
        return false;
    }

    private static void collect(JsonNode panels, List<String> expressions) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asString());
            }
            collect(panel.path("panels"), expressions);
        }
    }

    static Path dashboardFile() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("deploy/grafana/openoqs-central.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("deploy/grafana/openoqs-central.json not found");
    }
}
