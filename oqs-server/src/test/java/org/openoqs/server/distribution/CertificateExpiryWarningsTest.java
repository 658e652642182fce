package org.openoqs.server.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.testsupport.SharedServer;

/** The portal's expiry notice comes from the certificate each registered terminal presented. */
class CertificateExpiryWarningsTest {
    static final String FACILITY = "1313810739";

    @Test
    void terminalWhoseCertificateEndsInTwentyDaysIsWarnedAtTheThirtyDaySlot() throws Exception {
        SharedServer shared = SharedServer.get();
        shared.server().facilities().create(FACILITY, "期限テスト診療所");
        Instant now = Instant.now();
        IssuedCredential shortLived = shared.pki().issueFacility(FACILITY, now.minus(Duration.ofDays(300)),
                now.plus(Duration.ofDays(20)).plus(Duration.ofHours(1)));
        IssuedCredential fresh = shared.pki().ca().issueFacilityCertificate(FACILITY, "期限テスト診療所",
                Duration.ofDays(365));
        Calls.post(shared.pki().client(shortLived), shared.base(), "api/v1/distribution/terminals",
                Map.of("computerName", "OLD-PC", "agentVersion", "0.1.0"));
        Calls.post(shared.pki().client(fresh), shared.base(), "api/v1/distribution/terminals",
                Map.of("computerName", "NEW-PC", "agentVersion", "0.1.0"));

        var warnings = shared.server().bean(CertificateExpiryWarnings.class).forFacility(FACILITY);

        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.computerName()).isEqualTo("OLD-PC");
            assertThat(w.daysLeft()).isEqualTo(20);
            assertThat(w.message()).contains("あと20日");
        });
        Calls.Reply status = Calls.get(shared.pki().client(shortLived), shared.base(), "api/v1/certificates/status");
        assertThat(status.json().get("warning").asString()).contains("あと20日");
    }
}
