package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.distribution.DistributionService;

/**
 * The portal shows the certificate-expiry warnings the terminal logs (90/60/30/15/7 days before, daily after):
 * a terminal of the facility whose certificate ends in 20 days puts a warning on the menu, naming the terminal;
 * a facility whose terminals are far from expiry sees none.
 */
class CertificateExpiryOnMenuTest {

    @Test
    void aCertificateNearItsEndIsWarnedAboutOnTheMenu() throws Exception {
        PortalFixture portal = PortalFixture.get();
        PortalFixture.SignedIn master = portal.facilityWithMaster("期限警告テスト診療所", false);
        Instant now = portal.server().config().clock().instant();
        IssuedCredential expiring = portal.shared().pki().issueFacility(master.institutionCode(),
                now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(20)));
        portal.server().bean(DistributionService.class).register(master.institutionCode(), "UKETSUKE-PC1", "1.0.0",
                expiring.certificate());

        String menu = portal.mvc().perform(master.as(get("/web/menu"))).andReturn().getResponse()
                .getContentAsString();

        assertThat(menu).contains("certificate-warnings").contains("UKETSUKE-PC1").contains("電子証明書");
    }

    @Test
    void noWarningWhileEveryCertificateIsFarFromItsEnd() throws Exception {
        PortalFixture portal = PortalFixture.get();
        PortalFixture.SignedIn master = portal.facilityWithMaster("期限十分テスト診療所", false);
        Instant now = portal.server().config().clock().instant();
        IssuedCredential fresh = portal.shared().pki().issueFacility(master.institutionCode(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        portal.server().bean(DistributionService.class).register(master.institutionCode(), "UKETSUKE-PC2", "1.0.0",
                fresh.certificate());

        String menu = portal.mvc().perform(master.as(get("/web/menu"))).andReturn().getResponse()
                .getContentAsString();

        assertThat(menu).doesNotContain("certificate-warnings");
    }
}
