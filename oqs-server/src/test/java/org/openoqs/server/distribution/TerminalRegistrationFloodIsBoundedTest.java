package org.openoqs.server.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openoqs.server.testsupport.SharedServer;
import org.openoqs.server.web.PortalFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19, item 14 (distribution): an authenticated terminal could register any number of computer names and report
 * any number of versions. The flood, over mutual TLS with the facility's certificate: registrations stop at
 * {@value DistributionService#DEFAULT_MAX_TERMINALS} computer names with 409 {@code OQSF9605}, a known name is still
 * updated in place, and a version report is bounded and replaces the previous one.
 */
class TerminalRegistrationFloodIsBoundedTest {

    static final SharedServer shared = SharedServer.get();
    String facility;
    HttpClient client;

    @BeforeEach
    void facility() {
        facility = PortalFixture.get().newFacility("端末大量登録テスト診療所", false);
        client = shared.pki().client(shared.pki().issueFacility(facility));
    }

    @Test
    void registrationsStopAtTheCapAndKnownNamesAreUpdatedInPlace() throws Exception {
        for (int i = 0; i < DistributionService.DEFAULT_MAX_TERMINALS; i++) {
            Calls.Reply r = register("PC-" + i, "1.0.0");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
        }
        Calls.Reply overCap = register("PC-ONE-TOO-MANY", "1.0.0");

        assertThat(overCap.status()).as(overCap.text()).isEqualTo(409);
        assertThat(overCap.json().get("errorCode").asString()).isEqualTo("OQSF9605");
        assertThat(overCap.json().get("message").asString()).contains("登録できる端末の数の上限").contains("200 台");
        assertThat(terminals()).isEqualTo(DistributionService.DEFAULT_MAX_TERMINALS);

        Calls.Reply again = register("PC-7", "2.0.0");
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().get("agentVersion").asString()).isEqualTo("2.0.0");
        assertThat(terminals()).isEqualTo(DistributionService.DEFAULT_MAX_TERMINALS);
    }

    @Test
    void aVersionReportIsBoundedAndReplacesThePreviousOne() throws Exception {
        assertThat(register("REPORTER", "1.0.0").status()).isEqualTo(200);
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i <= DistributionService.MAX_REPORTED_COMPONENTS; i++) {
            many.add(Map.of("component", "component-" + i, "version", "1.0.0"));
        }
        Calls.Reply tooMany = report("REPORTER", many);
        Calls.Reply duplicated = report("REPORTER", List.of(Map.of("component", "oqs-terminal", "version", "1.0.0"),
                Map.of("component", "oqs-terminal", "version", "1.1.0")));
        Calls.Reply first = report("REPORTER", many.subList(0, 3));
        Calls.Reply second = report("REPORTER", many.subList(3, 5));

        assertThat(tooMany.status()).as(tooMany.text()).isEqualTo(400);
        assertThat(tooMany.json().get("errorCode").asString()).isEqualTo("OQSF9202");
        assertThat(tooMany.json().get("message").asString()).contains("32件まで");
        assertThat(duplicated.status()).as(duplicated.text()).isEqualTo(400);
        assertThat(duplicated.json().get("message").asString()).contains("複数回");
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(shared.server().bean(JdbcClient.class).sql("select count(*) from distribution_installed_version "
                        + "where institution_code = ? and computer_name = 'REPORTER'").param(facility)
                .query(Long.class).single()).isEqualTo(2);
    }

    private Calls.Reply register(String computerName, String agentVersion) throws Exception {
        return Calls.post(client, shared.base(), "api/v1/distribution/terminals",
                Map.of("computerName", computerName, "agentVersion", agentVersion));
    }

    private Calls.Reply report(String computerName, List<Map<String, String>> versions) throws Exception {
        return Calls.put(client, shared.base(), "api/v1/distribution/terminals/" + computerName + "/versions",
                Map.of("versions", versions));
    }

    private long terminals() {
        return shared.server().bean(JdbcClient.class).sql("select count(*) from distribution_terminal "
                + "where institution_code = ?").param(facility).query(Long.class).single();
    }
}
