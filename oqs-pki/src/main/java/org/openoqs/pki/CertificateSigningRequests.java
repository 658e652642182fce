package org.openoqs.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * PKCS#10 certificate signing requests: the terminal makes one with a fresh key pair when it renews its facility
 * certificate (the private key never leaves the terminal), the CA reads and checks it.
 */
public final class CertificateSigningRequests {
    private static final String PEM_TYPE = "CERTIFICATE REQUEST";
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN (NEW )?CERTIFICATE REQUEST-----([A-Za-z0-9+/=\\s]+)-----END (NEW )?CERTIFICATE REQUEST-----");
    /** A CSR is a few hundred bytes; anything far larger is not one. */
    private static final int MAX_DER_BYTES = 16 * 1024;

    private CertificateSigningRequests() {
    }

    /** A request read and self-signature-checked: what it asks for. */
    public record SigningRequest(X500Principal subject, PublicKey publicKey) {
        public SigningRequest {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(publicKey, "publicKey");
        }
    }

    /** A new EC P-256 key pair, the kind every certificate of this CA carries. */
    public static KeyPair newKeyPair() {
        try {
            return X509Signing.newKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CertificateAuthorityException("Cannot generate an EC P-256 key pair", e);
        }
    }

    /** DER of a request for {@code C=JP, O=<facilityName>, CN=<institutionCode>}, signed with the new key. */
    public static byte[] facilityRequest(KeyPair keys, String institutionCode, String facilityName) {
        Objects.requireNonNull(keys, "keys");
        if (!FacilityCertificates.isInstitutionCode(institutionCode)) {
            throw new IllegalArgumentException("Institution code must be 10 ASCII digits: " + institutionCode);
        }
        if (facilityName == null || facilityName.isBlank()) {
            throw new IllegalArgumentException("facilityName must not be blank");
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, facilityName)
                .addRDN(BCStyle.CN, institutionCode)
                .build();
        try {
            return new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
                    .build(new JcaContentSignerBuilder(X509Signing.SIGNATURE_ALGORITHM).build(keys.getPrivate()))
                    .getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new CertificateAuthorityException("Cannot build a certificate signing request", e);
        }
    }

    /**
     * Reads a DER request and checks its self-signature (proof that the requester holds the private key).
     *
     * @throws InvalidSigningRequestException not a PKCS#10 request, or its signature does not verify
     */
    public static SigningRequest read(byte[] der) {
        if (der == null || der.length == 0) {
            throw new InvalidSigningRequestException("証明書署名要求（CSR）が空です");
        }
        if (der.length > MAX_DER_BYTES) {
            throw new InvalidSigningRequestException("証明書署名要求（CSR）が大きすぎます（" + der.length + " バイト）");
        }
        JcaPKCS10CertificationRequest request;
        try {
            request = new JcaPKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw new InvalidSigningRequestException("証明書署名要求（CSR）を読み取れません（PKCS#10 形式ではありません）");
        }
        try {
            PublicKey publicKey = request.getPublicKey();
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().build(publicKey);
            if (!request.isSignatureValid(verifier)) {
                throw new InvalidSigningRequestException("証明書署名要求（CSR）の署名が正しくありません");
            }
            return new SigningRequest(new X500Principal(request.getSubject().getEncoded()), publicKey);
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException | IOException e) {
            throw new InvalidSigningRequestException("証明書署名要求（CSR）の署名を検証できません");
        }
    }

    public static String toPem(byte[] der) {
        return Pem.encode(PEM_TYPE, der);
    }

    /**
     * DER from a PEM text ({@code CERTIFICATE REQUEST} or the older {@code NEW CERTIFICATE REQUEST}).
     *
     * @throws InvalidSigningRequestException no such block, or not Base64
     */
    public static byte[] fromPem(String pem) {
        Matcher block = PEM_BLOCK.matcher(pem == null ? "" : pem);
        if (!block.find()) {
            throw new InvalidSigningRequestException("PEM 形式の証明書署名要求（BEGIN CERTIFICATE REQUEST）がありません");
        }
        try {
            return Base64.getMimeDecoder().decode(block.group(2).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new InvalidSigningRequestException("証明書署名要求（CSR）の Base64 が正しくありません");
        }
    }
}
