package org.openoqs.server.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import org.junit.jupiter.api.Test;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.testsupport.SharedServer;

/** The CA's CRL is published to terminals and lists a revocation at once. */
class CrlEndpointTest {
    static final String FACILITY = "1313810713";

    @Test
    void publishedCrlIsSignedByTheCaAndListsTheRevokedCertificate() throws Exception {
        SharedServer shared = SharedServer.get();
        shared.server().facilities().create(FACILITY, "失効リスト診療所");
        IssuedCredential revoked = shared.pki().issueFacility(FACILITY);
        shared.pki().ca().revoke(revoked.certificate().getSerialNumber(), "cessationOfOperation");

        Calls.Reply reply = Calls.get(shared.demoClient(), shared.base(), "api/v1/certificates/crl");

        assertThat(reply.status()).isEqualTo(200);
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(reply.body()));
        crl.verify(shared.pki().ca().caCertificate().getPublicKey());
        assertThat(crl.getRevokedCertificate(revoked.certificate().getSerialNumber())).isNotNull();
        assertThat(Calls.get(shared.pki().client(revoked), shared.base(), "api/v1/certificates/crl").status())
                .as("the revoked certificate itself is refused").isEqualTo(401);
    }
}
