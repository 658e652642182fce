package org.openoqs.pki;

import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks the doctor's signature over a prescription ({@link PrescriptionSigner}'s CMS SignedData): exactly one
 * signer, whose signature matches the encapsulated content and whose certificate
 * <ul>
 *   <li>was issued by the HPKI CA (the pinned trust anchor),</li>
 *   <li>is a signature certificate (nonRepudiation, not a CA),</li>
 *   <li>attests a prescriber's hcRole (医師 or 歯科医師),</li>
 *   <li>is inside its validity window at the time of the check, and</li>
 *   <li>is not on the CA's current CRL (fail closed without one).</li>
 * </ul>
 * Every failing rule is reported. Never throws for bad input. Thread-safe.
 */
public final class PrescriptionSignatureVerifier {

    private final SigningCa trustAnchor;
    private final Supplier<X509CRL> crls;

    /**
     * @param trustAnchor the HPKI CA certificate
     * @param crls        the CA's current CRL (may return {@code null}: then revocation is unknown)
     */
    public PrescriptionSignatureVerifier(X509Certificate trustAnchor, Supplier<X509CRL> crls) {
        this.trustAnchor = new SigningCa(trustAnchor);
        this.crls = Objects.requireNonNull(crls, "crls");
    }

    public PrescriptionSignatureCheck verify(byte[] signedData, Instant at) {
        Objects.requireNonNull(at, "at");
        CMSSignedData signed;
        byte[] content;
        try {
            signed = new CMSSignedData(signedData);
            if (signed.getSignedContent() == null || !(signed.getSignedContent().getContent() instanceof byte[] b)) {
                return PrescriptionSignatureCheck.unreadable();
            }
            content = b;
        } catch (CMSException | RuntimeException notCms) {
            return PrescriptionSignatureCheck.unreadable();
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            return new PrescriptionSignatureCheck(Optional.of(content), Optional.empty(),
                    List.of(PrescriptionSignatureFailure.SIGNATURE_MISSING));
        }
        if (signers.size() > 1) {
            return new PrescriptionSignatureCheck(Optional.of(content), Optional.empty(),
                    List.of(PrescriptionSignatureFailure.SIGNATURE_MALFORMED));
        }
        SignerInformation signer = signers.iterator().next();
        X509Certificate certificate = signerCertificate(signed, signer);
        if (certificate == null) {
            return new PrescriptionSignatureCheck(Optional.of(content), Optional.empty(),
                    List.of(PrescriptionSignatureFailure.SIGNATURE_MALFORMED));
        }
        List<PrescriptionSignatureFailure> failures = new ArrayList<>();
        signatureMatches(signer, certificate).ifPresent(failures::add);
        boolean trusted = trustAnchor.issued(certificate);
        if (!trusted) {
            failures.add(PrescriptionSignatureFailure.SIGNER_UNTRUSTED);
        }
        if (!forSigning(certificate)) {
            failures.add(PrescriptionSignatureFailure.NOT_FOR_SIGNING);
        }
        if (HpkiCertificates.roleOf(certificate).filter(HealthcareRole::prescriber).isEmpty()) {
            failures.add(PrescriptionSignatureFailure.SIGNER_NOT_PRESCRIBER);
        }
        if (at.isAfter(certificate.getNotAfter().toInstant())) {
            failures.add(PrescriptionSignatureFailure.SIGNER_EXPIRED);
        }
        if (at.isBefore(certificate.getNotBefore().toInstant())) {
            failures.add(PrescriptionSignatureFailure.SIGNER_NOT_YET_VALID);
        }
        if (trusted) {
            revocation(certificate, at).ifPresent(failures::add);
        }
        return new PrescriptionSignatureCheck(Optional.of(content), Optional.of(certificate), failures);
    }

    /** The document a SignedData carries, without judging the signature (for payloads verified before). */
    public static Optional<byte[]> signedContent(byte[] signedData) {
        try {
            CMSSignedData signed = new CMSSignedData(signedData);
            return signed.getSignedContent() != null && signed.getSignedContent().getContent() instanceof byte[] b
                    ? Optional.of(b) : Optional.empty();
        } catch (CMSException | RuntimeException notCms) {
            return Optional.empty();
        }
    }

    private static X509Certificate signerCertificate(CMSSignedData signed, SignerInformation signer) {
        try {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return null;
            }
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }

    private static Optional<PrescriptionSignatureFailure> signatureMatches(SignerInformation signer,
            X509Certificate certificate) {
        try {
            // by key: the certificate's validity is judged on its own, not at the claimed signingTime
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.getPublicKey()))
                    ? Optional.empty() : Optional.of(PrescriptionSignatureFailure.CONTENT_TAMPERED);
        } catch (CMSSignerDigestMismatchException e) {
            return Optional.of(PrescriptionSignatureFailure.CONTENT_TAMPERED);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return Optional.of(PrescriptionSignatureFailure.SIGNATURE_MALFORMED);
        }
    }

    private static boolean forSigning(X509Certificate cert) {
        boolean[] usage = cert.getKeyUsage();
        // index 1 = nonRepudiation (contentCommitment)
        return cert.getBasicConstraints() < 0 && usage != null && usage.length > 1 && usage[1];
    }

    private Optional<PrescriptionSignatureFailure> revocation(X509Certificate cert, Instant at) {
        X509CRL crl;
        try {
            crl = crls.get();
        } catch (RuntimeException unavailable) {
            crl = null;
        }
        if (!trustAnchor.currentCrl(crl, at)) {
            return Optional.of(PrescriptionSignatureFailure.REVOCATION_UNKNOWN);
        }
        return crl.getRevokedCertificate(cert.getSerialNumber()) != null
                ? Optional.of(PrescriptionSignatureFailure.SIGNER_REVOKED) : Optional.empty();
    }
}
