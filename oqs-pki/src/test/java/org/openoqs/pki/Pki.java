package org.openoqs.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/** Shared test helpers: a CA per temp dir and the JDK's own PKIX validation as the independent judge. */
final class Pki {
    static final String INSTITUTION_CODE = "1312345678";
    static final String FACILITY_NAME = "オープン医院";

    private Pki() {
    }

    static CertificateAuthority ca(Path tempDir) {
        return CertificateAuthority.initOrLoad(tempDir.resolve("ca"), "openoqs Test CA");
    }

    /** PKIX path validation against {@code anchor}, revocation off; throws when the path is not valid. */
    static PKIXCertPathValidatorResult validate(X509Certificate leaf, X509Certificate anchor) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        params.setRevocationEnabled(false);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                .validate(factory.generateCertPath(List.of(leaf)), params);
    }

    static X509CRL parsePemCrl(String pem) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    static X509Certificate parsePem(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
