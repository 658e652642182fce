package org.openoqs.pki;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The project's own certificate authority (EC P-256, SHA256withECDSA) whose whole state lives in one
 * directory:
 * <pre>
 *   ca.p12        CA key + certificate (PKCS#12, alias "ca"), mode 600
 *   ca.password   password of ca.p12 (only when no password was passed in), mode 600
 *   ca.pem        CA certificate, the trust anchor to hand to servers and terminals
 *   serial        next serial number (hex)
 *   crlnumber     next CRL number (hex)
 *   index.tsv     every issued certificate, see {@link CaIndex}
 *   crl.pem       current CRL
 *   issued/       a copy of every issued certificate, {@code <SERIAL>.pem}
 *   ca.lock       lock file for changes
 * </pre>
 * Every change is written to a temp file and renamed into place. Changes take a JVM-wide monitor for the
 * directory plus an OS file lock, so a server and a CLI can share one CA directory; reads pick up changes
 * made by the other process (e.g. a revocation) by watching the index and CRL files.
 *
 * <p>The work is split: {@link CaKey} keeps the key (as for the HPKI and the individuals' CA), {@link CaStorage}
 * the directory, lock, counters, index and issued copies, {@link CertificateIssuance} the five kinds of
 * certificate, {@link CrlPublisher} the CRL (as for the HPKI CA). This class ties them together and is the
 * public face.
 */
public final class CertificateAuthority {
    public static final String KEY_STORE_FILE = CaKey.KEY_STORE_FILE;
    public static final String PASSWORD_FILE = CaKey.PASSWORD_FILE;
    public static final String CERTIFICATE_FILE = CaKey.CERTIFICATE_FILE;
    public static final String SERIAL_FILE = CaStorage.SERIAL_FILE;
    public static final String CRL_NUMBER_FILE = CaStorage.CRL_NUMBER_FILE;
    public static final String INDEX_FILE = CaStorage.INDEX_FILE;
    public static final String CRL_FILE = CrlPublisher.CRL_FILE;
    public static final String ISSUED_DIR = CaStorage.ISSUED_DIR;
    static final String LOCK_FILE = CaStorage.LOCK_FILE;
    static final String KEY_ALIAS = CaKey.ALIAS;

    /** 20 years including 5 leap days. */
    public static final Duration CA_VALIDITY = CaKey.CA_VALIDITY;
    /** 3 years including a leap day, as the real facility certificates. */
    public static final Duration DEFAULT_FACILITY_VALIDITY = Duration.ofDays(1096);
    /** 825 days: the longest lifetime browsers accepted for server certificates of private CAs. */
    public static final Duration DEFAULT_SERVER_VALIDITY = Duration.ofDays(825);
    public static final Duration DEFAULT_CODE_SIGNING_VALIDITY = Duration.ofDays(1096);
    public static final Duration DEFAULT_OFFICE_VALIDITY = Duration.ofDays(1096);
    public static final Duration CRL_VALIDITY = CrlPublisher.CRL_VALIDITY;

    private final CaKey key;
    private final CaStorage storage;
    private final CertificateIssuance issuance;
    private final Clock clock;
    // Guarded by the storage's monitor (every use is inside storage.read or storage.locked).
    private final CrlPublisher crl;
    /**
     * The CRL last handed out by {@link #currentCrl()} and the stamp of the index it was made from. While the index
     * file is the same file, unchanged, the CRL is still the right one, so a reader needs no lock: the monitor every
     * request used to take here was the terminal API's main point of contention (docs/performance.md).
     */
    private volatile HandedOutCrl handedOut;

    private record HandedOutCrl(CaStorage.FileStamp index, X509CRL crl) {
    }

    private CertificateAuthority(CaKey key, CaStorage storage, Clock clock) {
        this.key = key;
        this.storage = storage;
        this.clock = clock;
        this.issuance = new CertificateIssuance(key, storage, clock);
        this.crl = new CrlPublisher(storage.directory(), key, clock);
    }

    /** Creates the CA on first use, loads it afterwards; the password comes from {@code ca.password}. */
    public static CertificateAuthority initOrLoad(Path dir, String caName) {
        return initOrLoad(dir, caName, null);
    }

    /**
     * @param caName   becomes {@code CN=<caName>, O=openoqs, C=JP}; ignored when the CA already exists
     * @param password protects {@code ca.p12}; null to generate one into {@code ca.password}
     */
    public static CertificateAuthority initOrLoad(Path dir, String caName, char[] password) {
        return initOrLoad(dir, caName, password, Clock.systemUTC());
    }

    static CertificateAuthority initOrLoad(Path dir, String caName, char[] password, Clock clock) {
        CertificateIssuance.requireText(caName, "caName");
        CaStorage storage = CaStorage.open(dir);
        return storage.locked(() -> {
            if (!CaKey.existsIn(storage.directory()) && storage.indexExists()) {
                // A lost ca.p12 must not be silently replaced: every issued certificate would become unverifiable.
                throw new CertificateAuthorityException(storage.resolve(INDEX_FILE) + " exists but " + KEY_STORE_FILE
                        + " is missing; refusing to create a new CA over an existing one");
            }
            boolean creating = !CaKey.existsIn(storage.directory());
            CaKey key = CaKey.createOrLoad(storage.directory(),
                    CertificateIssuance.subject(CertificateIssuance.ORGANIZATION, caName), password, clock);
            if (creating) {
                CaIndex.write(storage.resolve(INDEX_FILE), List.of());
            }
            CertificateAuthority ca = new CertificateAuthority(key, storage, clock);
            storage.reloadIndex();
            ca.publishCrlIfStale();
            return ca;
        });
    }

    public X509Certificate caCertificate() {
        return key.certificate();
    }

    public Path directory() {
        return storage.directory();
    }

    public Path caCertificateFile() {
        return storage.resolve(CERTIFICATE_FILE);
    }

    public Path crlFile() {
        return crl.file();
    }

    // ---- issuing ---------------------------------------------------------------------------------------

    /** TLS server certificate; the first name is also the CN. Names that parse as IPv4/IPv6 become IP SANs. */
    public IssuedCredential issueServerCertificate(String... dnsNamesOrIps) {
        return issueServerCertificate(DEFAULT_SERVER_VALIDITY, dnsNamesOrIps);
    }

    public IssuedCredential issueServerCertificate(Duration validity, String... dnsNamesOrIps) {
        return issuance.server(validity, dnsNamesOrIps);
    }

    /** Facility (terminal) certificate for mutual TLS, valid {@link #DEFAULT_FACILITY_VALIDITY}. */
    public IssuedCredential issueFacilityCertificate(String institutionCode, String facilityName) {
        return issueFacilityCertificate(institutionCode, facilityName, DEFAULT_FACILITY_VALIDITY);
    }

    /** Subject {@code CN=<institutionCode>, O=<facilityName>, C=JP}, EKU clientAuth. */
    public IssuedCredential issueFacilityCertificate(String institutionCode, String facilityName, Duration validity) {
        return issuance.facility(institutionCode, facilityName, validity);
    }

    /**
     * Explicit validity window, not limited to the CA's own; meant for tests and demos that need expired or
     * not-yet-valid certificates.
     */
    public IssuedCredential issueFacilityCertificate(String institutionCode, String facilityName, Instant notBefore,
                                                     Instant notAfter) {
        return issuance.facility(institutionCode, facilityName, notBefore, notAfter);
    }

    /** Issuing-office certificate ({@link OfficeCertificates}), valid {@link #DEFAULT_OFFICE_VALIDITY}. */
    public IssuedCredential issueOfficeCertificate(String localGovernmentCode, String officeName) {
        return issueOfficeCertificate(localGovernmentCode, officeName, DEFAULT_OFFICE_VALIDITY);
    }

    /**
     * Subject {@code C=JP, O=<officeName>, OU=Issuing Office, CN=OFFICE-<localGovernmentCode>}, EKU clientAuth and
     * the office policy {@link OfficeCertificates#POLICY_OID}.
     *
     * @param localGovernmentCode 6-digit 全国地方公共団体コード with a valid check digit
     */
    public IssuedCredential issueOfficeCertificate(String localGovernmentCode, String officeName, Duration validity) {
        return issuance.office(localGovernmentCode, officeName, validity);
    }

    /** Operator certificate ({@link OperatorCertificates}), valid {@link #DEFAULT_OFFICE_VALIDITY} like an office's. */
    public IssuedCredential issueOperatorCertificate(String operatorName) {
        return issueOperatorCertificate(operatorName, DEFAULT_OFFICE_VALIDITY);
    }

    /**
     * Subject {@code C=JP, O=openoqs operator, OU=Central Service Operator, CN=OPERATOR-<operatorName>}, EKU
     * clientAuth and the operator policy {@link OperatorCertificates#POLICY_OID}.
     *
     * @param operatorName ASCII letters, digits, '.', '_' or '-', at most 32 (a name or a staff number)
     */
    public IssuedCredential issueOperatorCertificate(String operatorName, Duration validity) {
        return issuance.operator(operatorName, validity);
    }

    /** Certificate for signing update packages (EKU codeSigning). */
    public IssuedCredential issueCodeSigningCertificate(String name) {
        return issueCodeSigningCertificate(name, DEFAULT_CODE_SIGNING_VALIDITY);
    }

    public IssuedCredential issueCodeSigningCertificate(String name, Duration validity) {
        return issuance.codeSigning(name, validity);
    }

    /**
     * Facility certificate for a key the CA never sees (the terminal keeps it): the renewal path, where the
     * terminal sends a PKCS#10 request ({@link FacilityCertificateRenewal}). Same subject rules as
     * {@link #issueFacilityCertificate(String, String)}; valid {@code validity} from now.
     */
    public X509Certificate issueFacilityCertificate(String institutionCode, String facilityName, PublicKey publicKey,
                                                    Duration validity) {
        return issuance.facility(institutionCode, facilityName, publicKey, validity);
    }

    // ---- revocation and queries ------------------------------------------------------------------------

    /**
     * Revokes a certificate and re-signs the CRL. Idempotent: revoking again keeps the first date and reason.
     *
     * @param reason free text kept in the index; an RFC 5280 name (keyCompromise, superseded,
     *               cessationOfOperation, affiliationChanged, privilegeWithdrawn, cACompromise) also becomes
     *               the CRL entry's reason code
     * @throws UnknownCertificateException if this CA never issued {@code serial}
     */
    public void revoke(BigInteger serial, String reason) {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(reason, "reason");
        storage.locked(() -> {
            storage.reloadIndex();
            IssuedCertificateRecord record = storage.record(serial)
                    .orElseThrow(() -> new UnknownCertificateException(serial));
            if (!record.revoked()) {
                storage.put(record.revoke(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        reason));
            }
            publishCrlIfStale();
            return null;
        });
    }

    /**
     * The signed CRL, re-signed first if it is close to its nextUpdate. Every call looks at the index file (one
     * {@code stat}, no lock): a revocation by this or any other process sharing the directory shows in the very next
     * call.
     */
    public X509CRL currentCrl() {
        CaStorage.FileStamp index = storage.indexStamp();
        HandedOutCrl last = handedOut;
        if (last != null && index != null && index.equals(last.index()) && !CrlPublisher.dueForResigning(last.crl(),
                clock.instant())) {
            return last.crl();
        }
        X509CRL current = storage.read(() -> crl.isStale(revokedSerials()) ? null : crl.current());
        if (current == null) {
            current = storage.locked(() -> {
                storage.reloadIndex();
                publishCrlIfStale();
                return crl.current();
            });
        }
        // the stamp taken before the read: if the index changed meanwhile, the next call sees a new stamp and reads
        if (index != null && current != null) {
            handedOut = new HandedOutCrl(index, current);
        }
        return current;
    }

    public boolean isRevoked(BigInteger serial) {
        return storage.read(() -> storage.record(serial).map(IssuedCertificateRecord::revoked).orElse(false));
    }

    /** Every certificate issued, in issuing order. */
    public List<IssuedCertificateRecord> issued() {
        return storage.read(storage::records);
    }

    /** The certificate itself as issued (from {@code issued/<SERIAL>.pem}); empty when never issued here. */
    public Optional<X509Certificate> issuedCertificate(BigInteger serial) {
        Objects.requireNonNull(serial, "serial");
        return storage.issued(serial);
    }

    /** The most recently issued facility certificate for the code, revoked or not (see {@code revoked()}). */
    public Optional<IssuedCertificateRecord> latestFor(String institutionCode) {
        Objects.requireNonNull(institutionCode, "institutionCode");
        return issued().stream()
                .filter(r -> r.institutionCode().filter(institutionCode::equals).isPresent())
                .max(Comparator.comparing(IssuedCertificateRecord::serial));
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + key.certificate().getSubjectX500Principal().getName() + " at "
                + storage.directory() + "]";
    }

    /** Called under the storage lock with the index just read: the index is the source of truth for the CRL. */
    private void publishCrlIfStale() throws java.io.IOException, java.security.GeneralSecurityException {
        if (crl.isStale(revokedSerials())) {
            crl.publish(storage.takeNextCrlNumber(),
                    storage.revokedRecords().stream().map(CrlPublisher.Revocation::of).toList());
        }
    }

    private Set<BigInteger> revokedSerials() {
        return storage.revokedRecords().stream().map(IssuedCertificateRecord::serial).collect(Collectors.toSet());
    }
}
