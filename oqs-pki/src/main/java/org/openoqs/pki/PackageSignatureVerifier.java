package org.openoqs.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableFile;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The gate in front of every installation: a package is accepted only with a detached CMS signature that
 * <ol>
 *   <li>matches the package bytes (otherwise it was tampered with),</li>
 *   <li>was made by a certificate issued by the pinned CA (the terminal's trust anchor),</li>
 *   <li>whose extended key usage is codeSigning (a facility or server certificate of the same CA is refused),</li>
 *   <li>which is inside its validity window now, and</li>
 *   <li>— when a CRL source is given — not revoked (fail closed without a current CRL).</li>
 * </ol>
 * The signature is checked before the signer so that a modified package is always reported as tampered.
 */
public final class PackageSignatureVerifier {
    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";

    private final SigningCa trustAnchor;
    private final Supplier<X509CRL> crls;

    /**
     * @param trustAnchor the CA certificate packages must be signed under
     * @param crls        current CRL of that CA, or null to skip the revocation check (offline installation)
     */
    public PackageSignatureVerifier(X509Certificate trustAnchor, Supplier<X509CRL> crls) {
        this.trustAnchor = new SigningCa(trustAnchor);
        this.crls = crls;
    }

    /**
     * @param content   the package file
     * @param signature the detached CMS signature (DER); null or empty means the package is unsigned
     */
    public SignatureCheck verify(Path content, byte[] signature, Instant now) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(now, "now");
        if (signature == null || signature.length == 0) {
            return SignatureCheck.of(SignatureStatus.MISSING);
        }
        if (!Files.isRegularFile(content)) {
            throw new IllegalArgumentException("Not a file: " + content);
        }
        CMSSignedData signed;
        SignerInformation signer;
        X509Certificate signerCertificate;
        try {
            signed = new CMSSignedData(new CMSProcessableFile(content.toFile()), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return SignatureCheck.of(SignatureStatus.MALFORMED);
            }
            signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return SignatureCheck.of(SignatureStatus.UNTRUSTED_SIGNER);
            }
            signerCertificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CMSException | CertificateException | RuntimeException e) {
            return SignatureCheck.of(SignatureStatus.MALFORMED);
        }
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate))) {
                return SignatureCheck.of(SignatureStatus.CONTENT_MISMATCH, signerCertificate);
            }
        } catch (CMSSignerDigestMismatchException e) {
            return SignatureCheck.of(SignatureStatus.CONTENT_MISMATCH, signerCertificate);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return SignatureCheck.of(SignatureStatus.MALFORMED, signerCertificate);
        }
        return SignatureCheck.of(judgeSigner(signerCertificate, now), signerCertificate);
    }

    private SignatureStatus judgeSigner(X509Certificate signer, Instant now) {
        if (!trustAnchor.issued(signer)) {
            return SignatureStatus.UNTRUSTED_SIGNER;
        }
        if (!forCodeSigning(signer)) {
            return SignatureStatus.NOT_CODE_SIGNING;
        }
        if (now.isAfter(signer.getNotAfter().toInstant())) {
            return SignatureStatus.SIGNER_EXPIRED;
        }
        if (now.isBefore(signer.getNotBefore().toInstant())) {
            return SignatureStatus.SIGNER_NOT_YET_VALID;
        }
        if (crls == null) {
            return SignatureStatus.VALID;
        }
        X509CRL crl = crls.get();
        if (!trustAnchor.currentCrl(crl, now)) {
            return SignatureStatus.CRL_UNAVAILABLE;
        }
        return crl.getRevokedCertificate(signer.getSerialNumber()) != null
                ? SignatureStatus.SIGNER_REVOKED : SignatureStatus.VALID;
    }

    private static boolean forCodeSigning(X509Certificate cert) {
        if (cert.getBasicConstraints() >= 0) {
            return false;
        }
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            return eku != null && eku.contains(CODE_SIGNING);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
