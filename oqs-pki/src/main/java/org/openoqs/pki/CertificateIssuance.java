package org.openoqs.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * The five kinds of certificate the facility CA issues (server, facility, issuing office, operator, code signing):
 * what each subject must look like, how long each lives, and the one way every certificate is signed and recorded —
 * under the directory's lock, with the next serial, a copy in {@code issued/} and a line in the index
 * ({@link CaStorage}).
 */
final class CertificateIssuance {
    static final String ORGANIZATION = "openoqs";

    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private final CaKey issuer;
    private final CaStorage storage;
    private final Clock clock;

    CertificateIssuance(CaKey issuer, CaStorage storage, Clock clock) {
        this.issuer = issuer;
        this.storage = storage;
        this.clock = clock;
    }

    IssuedCredential server(Duration validity, String... dnsNamesOrIps) {
        if (dnsNamesOrIps == null || dnsNamesOrIps.length == 0) {
            throw new IllegalArgumentException("A server certificate needs at least one DNS name or IP address");
        }
        List<GeneralName> names = new ArrayList<>();
        for (String raw : dnsNamesOrIps) {
            String name = Objects.requireNonNull(raw, "DNS name or IP address").strip();
            if (IPAddress.isValid(name)) {
                names.add(new GeneralName(GeneralName.iPAddress, name));
            } else if (DNS_NAME.matcher(name).matches()) {
                names.add(new GeneralName(GeneralName.dNSName, name));
            } else {
                throw new IllegalArgumentException("Neither a DNS name nor an IP address: " + raw);
            }
        }
        Instant notBefore = defaultNotBefore();
        return withNewKey(CertificateKind.SERVER, subject(ORGANIZATION, dnsNamesOrIps[0].strip()),
                new GeneralNames(names.toArray(new GeneralName[0])), notBefore, cappedNotAfter(notBefore, validity));
    }

    IssuedCredential facility(String institutionCode, String facilityName, Duration validity) {
        Instant notBefore = defaultNotBefore();
        return facility(institutionCode, facilityName, notBefore, cappedNotAfter(notBefore, validity));
    }

    /** Explicit window, not limited to the CA's own: tests and demos that need expired or future certificates. */
    IssuedCredential facility(String institutionCode, String facilityName, Instant notBefore, Instant notAfter) {
        return withNewKey(CertificateKind.FACILITY, facilitySubject(institutionCode, facilityName), null,
                notBefore.truncatedTo(ChronoUnit.SECONDS), notAfter.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The renewal path: a key the CA never sees (the terminal keeps it), sent as a PKCS#10 request. */
    X509Certificate facility(String institutionCode, String facilityName, PublicKey publicKey, Duration validity) {
        X500Name subject = facilitySubject(institutionCode, facilityName);
        Objects.requireNonNull(publicKey, "publicKey");
        Instant notBefore = defaultNotBefore();
        return sign(CertificateKind.FACILITY, subject, null, publicKey, notBefore, cappedNotAfter(notBefore, validity));
    }

    IssuedCredential office(String localGovernmentCode, String officeName, Duration validity) {
        if (!OfficeCertificates.isLocalGovernmentCode(localGovernmentCode)) {
            throw new IllegalArgumentException(
                    "Local government code must be 6 ASCII digits with a valid check digit: " + localGovernmentCode);
        }
        requireText(officeName, "officeName");
        Instant notBefore = defaultNotBefore();
        return withNewKey(CertificateKind.ISSUING_OFFICE, OfficeCertificates.subject(localGovernmentCode, officeName),
                null, notBefore, cappedNotAfter(notBefore, validity));
    }

    IssuedCredential operator(String operatorName, Duration validity) {
        if (!OperatorCertificates.isOperatorName(operatorName)) {
            throw new IllegalArgumentException(
                    "Operator name must be 1-32 ASCII letters, digits, '.', '_' or '-': " + operatorName);
        }
        Instant notBefore = defaultNotBefore();
        return withNewKey(CertificateKind.OPERATOR, OperatorCertificates.subject(operatorName), null,
                notBefore, cappedNotAfter(notBefore, validity));
    }

    IssuedCredential codeSigning(String name, Duration validity) {
        requireText(name, "name");
        Instant notBefore = defaultNotBefore();
        return withNewKey(CertificateKind.CODE_SIGNING, subject(ORGANIZATION, name), null, notBefore,
                cappedNotAfter(notBefore, validity));
    }

    private IssuedCredential withNewKey(CertificateKind kind, X500Name subject, GeneralNames subjectAltNames,
            Instant notBefore, Instant notAfter) {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " must be after notBefore " + notBefore);
        }
        KeyPair keys = newKeyPair();
        X509Certificate cert = sign(kind, subject, subjectAltNames, keys.getPublic(), notBefore, notAfter);
        return new IssuedCredential(keys.getPrivate(), cert, List.of(cert, issuer.certificate()));
    }

    private X509Certificate sign(CertificateKind kind, X500Name subject, GeneralNames subjectAltNames,
            PublicKey publicKey, Instant notBefore, Instant notAfter) {
        return storage.locked(() -> {
            storage.reloadIndex();
            BigInteger serial = storage.takeNextSerial();
            X509Certificate cert = X509Signing.endEntity(issuer, serial, subject, publicKey, notBefore, notAfter, kind,
                    subjectAltNames);
            storage.storeIssued(cert);
            storage.put(new IssuedCertificateRecord(serial, cert.getSubjectX500Principal().getName(), kind,
                    cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), null, null));
            return cert;
        });
    }

    private static X500Name facilitySubject(String institutionCode, String facilityName) {
        if (!FacilityCertificates.isInstitutionCode(institutionCode)) {
            throw new IllegalArgumentException("Institution code must be 10 ASCII digits: " + institutionCode);
        }
        requireText(facilityName, "facilityName");
        return subject(facilityName, institutionCode);
    }

    /** Outside the lock: key generation needs no CA state. */
    private static KeyPair newKeyPair() {
        try {
            return X509Signing.newKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CertificateAuthorityException("Cannot generate an EC P-256 key pair", e);
        }
    }

    private Instant defaultNotBefore() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(CaKey.CLOCK_SKEW_ALLOWANCE);
    }

    /** A certificate must not outlive the CA that signed it. */
    private Instant cappedNotAfter(Instant notBefore, Duration validity) {
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive: " + validity);
        }
        Instant wanted = notBefore.plus(validity);
        Instant caEnd = issuer.certificate().getNotAfter().toInstant();
        return wanted.isAfter(caEnd) ? caEnd : wanted;
    }

    /** {@code C=JP, O=<organization>, CN=<commonName>}, the subject of the CA itself and of most it issues. */
    static X500Name subject(String organization, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, organization)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
    }
}
