package org.openoqs.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

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
 */
public final class CertificateAuthority {
    public static final String KEY_STORE_FILE = "ca.p12";
    public static final String PASSWORD_FILE = "ca.password";
    public static final String CERTIFICATE_FILE = "ca.pem";
    public static final String SERIAL_FILE = "serial";
    public static final String CRL_NUMBER_FILE = "crlnumber";
    public static final String INDEX_FILE = "index.tsv";
    public static final String CRL_FILE = "crl.pem";
    public static final String ISSUED_DIR = "issued";
    static final String LOCK_FILE = "ca.lock";
    static final String KEY_ALIAS = "ca";

    /** 20 years including 5 leap days. */
    public static final Duration CA_VALIDITY = Duration.ofDays(7305);
    /** 3 years including a leap day, as the real facility certificates. */
    public static final Duration DEFAULT_FACILITY_VALIDITY = Duration.ofDays(1096);
    /** 825 days: the longest lifetime browsers accepted for server certificates of private CAs. */
    public static final Duration DEFAULT_SERVER_VALIDITY = Duration.ofDays(825);
    public static final Duration DEFAULT_CODE_SIGNING_VALIDITY = Duration.ofDays(1096);
    public static final Duration DEFAULT_OFFICE_VALIDITY = Duration.ofDays(1096);
    public static final Duration CRL_VALIDITY = Duration.ofDays(7);
    /** Re-sign the CRL a day before nextUpdate so a checker never sees a stale one. */
    private static final Duration CRL_REFRESH_MARGIN = Duration.ofDays(1);
    /** notBefore is back-dated so a terminal whose clock runs a little behind accepts a fresh certificate. */
    private static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(5);
    private static final String ORGANIZATION = "openoqs";

    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    /** One monitor per CA directory: OS file locks are per process, so threads must be serialised first. */
    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final PrivateKey caKey;
    private final X509Certificate caCert;
    private final Object monitor;
    private final Clock clock;

    // Guarded by monitor.
    private Map<BigInteger, IssuedCertificateRecord> index = new LinkedHashMap<>();
    private FileStamp indexStamp;
    private X509CRL crl;
    private FileStamp crlStamp;

    private CertificateAuthority(Path dir, PrivateKey caKey, X509Certificate caCert, Object monitor, Clock clock) {
        this.dir = dir;
        this.caKey = caKey;
        this.caCert = caCert;
        this.monitor = monitor;
        this.clock = clock;
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
        requireText(caName, "caName");
        Path home = prepareDirectory(dir);
        Object monitor = MONITORS.computeIfAbsent(home, key -> new Object());
        return withLock(home, monitor, () -> {
            boolean exists = Files.exists(home.resolve(KEY_STORE_FILE));
            char[] storePassword = resolvePassword(home, password, !exists);
            CertificateAuthority ca = exists
                    ? load(home, storePassword, monitor, clock)
                    : create(home, caName, storePassword, monitor, clock);
            ca.reloadState();
            if (ca.crlNeedsRegeneration()) {
                ca.regenerateCrl();
            }
            return ca;
        });
    }

    public X509Certificate caCertificate() {
        return caCert;
    }

    public Path directory() {
        return dir;
    }

    public Path caCertificateFile() {
        return dir.resolve(CERTIFICATE_FILE);
    }

    public Path crlFile() {
        return dir.resolve(CRL_FILE);
    }

    // ---- issuing ---------------------------------------------------------------------------------------

    /** TLS server certificate; the first name is also the CN. Names that parse as IPv4/IPv6 become IP SANs. */
    public IssuedCredential issueServerCertificate(String... dnsNamesOrIps) {
        return issueServerCertificate(DEFAULT_SERVER_VALIDITY, dnsNamesOrIps);
    }

    public IssuedCredential issueServerCertificate(Duration validity, String... dnsNamesOrIps) {
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
        return issue(CertificateKind.SERVER, subject(ORGANIZATION, dnsNamesOrIps[0].strip()),
                new GeneralNames(names.toArray(new GeneralName[0])), notBefore, cappedNotAfter(notBefore, validity));
    }

    /** Facility (terminal) certificate for mutual TLS, valid {@link #DEFAULT_FACILITY_VALIDITY}. */
    public IssuedCredential issueFacilityCertificate(String institutionCode, String facilityName) {
        return issueFacilityCertificate(institutionCode, facilityName, DEFAULT_FACILITY_VALIDITY);
    }

    /** Subject {@code CN=<institutionCode>, O=<facilityName>, C=JP}, EKU clientAuth. */
    public IssuedCredential issueFacilityCertificate(String institutionCode, String facilityName, Duration validity) {
        Instant notBefore = defaultNotBefore();
        return issueFacilityCertificate(institutionCode, facilityName, notBefore, cappedNotAfter(notBefore, validity));
    }

    /**
     * Explicit validity window, not limited to the CA's own; meant for tests and demos that need expired or
     * not-yet-valid certificates.
     */
    public IssuedCredential issueFacilityCertificate(String institutionCode, String facilityName, Instant notBefore,
                                                     Instant notAfter) {
        if (!FacilityCertificates.isInstitutionCode(institutionCode)) {
            throw new IllegalArgumentException("Institution code must be 10 ASCII digits: " + institutionCode);
        }
        requireText(facilityName, "facilityName");
        return issue(CertificateKind.FACILITY, subject(facilityName, institutionCode), null,
                notBefore.truncatedTo(ChronoUnit.SECONDS), notAfter.truncatedTo(ChronoUnit.SECONDS));
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
        if (!OfficeCertificates.isLocalGovernmentCode(localGovernmentCode)) {
            throw new IllegalArgumentException(
                    "Local government code must be 6 ASCII digits with a valid check digit: " + localGovernmentCode);
        }
        requireText(officeName, "officeName");
        Instant notBefore = defaultNotBefore();
        return issue(CertificateKind.ISSUING_OFFICE, OfficeCertificates.subject(localGovernmentCode, officeName), null,
                notBefore, cappedNotAfter(notBefore, validity));
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
        if (!OperatorCertificates.isOperatorName(operatorName)) {
            throw new IllegalArgumentException(
                    "Operator name must be 1-32 ASCII letters, digits, '.', '_' or '-': " + operatorName);
        }
        Instant notBefore = defaultNotBefore();
        return issue(CertificateKind.OPERATOR, OperatorCertificates.subject(operatorName), null,
                notBefore, cappedNotAfter(notBefore, validity));
    }

    /** Certificate for signing update packages (EKU codeSigning). */
    public IssuedCredential issueCodeSigningCertificate(String name) {
        return issueCodeSigningCertificate(name, DEFAULT_CODE_SIGNING_VALIDITY);
    }

    public IssuedCredential issueCodeSigningCertificate(String name, Duration validity) {
        requireText(name, "name");
        Instant notBefore = defaultNotBefore();
        return issue(CertificateKind.CODE_SIGNING, subject(ORGANIZATION, name), null, notBefore,
                cappedNotAfter(notBefore, validity));
    }

    private IssuedCredential issue(CertificateKind kind, X500Name subject, GeneralNames subjectAltNames,
                                   Instant notBefore, Instant notAfter) {
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " must be after notBefore " + notBefore);
        }
        KeyPair keys = newKeyPair();
        X509Certificate cert = sign(kind, subject, subjectAltNames, keys.getPublic(), notBefore, notAfter);
        return new IssuedCredential(keys.getPrivate(), cert, List.of(cert, caCert));
    }

    /**
     * Facility certificate for a key the CA never sees (the terminal keeps it): the renewal path, where the
     * terminal sends a PKCS#10 request ({@link FacilityCertificateRenewal}). Same subject rules as
     * {@link #issueFacilityCertificate(String, String)}; valid {@code validity} from now.
     */
    public X509Certificate issueFacilityCertificate(String institutionCode, String facilityName, PublicKey publicKey,
                                                    Duration validity) {
        if (!FacilityCertificates.isInstitutionCode(institutionCode)) {
            throw new IllegalArgumentException("Institution code must be 10 ASCII digits: " + institutionCode);
        }
        requireText(facilityName, "facilityName");
        Objects.requireNonNull(publicKey, "publicKey");
        Instant notBefore = defaultNotBefore();
        return sign(CertificateKind.FACILITY, subject(facilityName, institutionCode), null, publicKey, notBefore,
                cappedNotAfter(notBefore, validity));
    }

    private X509Certificate sign(CertificateKind kind, X500Name subject, GeneralNames subjectAltNames,
                                 PublicKey publicKey, Instant notBefore, Instant notAfter) {
        return withLock(() -> {
            reloadState();
            BigInteger serial = takeNextSerial();
            X509Certificate cert = X509Signing.endEntity(caKey, caCert, serial, subject, publicKey,
                    notBefore, notAfter, kind, subjectAltNames);
            AtomicFiles.writePublic(dir.resolve(ISSUED_DIR).resolve(Serials.format(serial) + ".pem"),
                    Pem.encode("CERTIFICATE", cert.getEncoded()).getBytes(StandardCharsets.US_ASCII));
            index.put(serial, new IssuedCertificateRecord(serial, cert.getSubjectX500Principal().getName(), kind,
                    cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), null, null));
            writeIndex();
            return cert;
        });
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
        withLock(() -> {
            reloadState();
            IssuedCertificateRecord record = index.get(serial);
            if (record == null) {
                throw new UnknownCertificateException(serial);
            }
            if (!record.revoked()) {
                index.put(serial, record.revoke(now(), reason));
                writeIndex();
            }
            if (crlNeedsRegeneration()) {
                regenerateCrl();
            }
            return null;
        });
    }

    /** The signed CRL, re-signed first if it is close to its nextUpdate. */
    public X509CRL currentCrl() {
        synchronized (monitor) {
            refreshIfChanged();
            if (crlNeedsRegeneration()) {
                withLock(() -> {
                    reloadState();
                    if (crlNeedsRegeneration()) {
                        regenerateCrl();
                    }
                    return null;
                });
            }
            return crl;
        }
    }

    public boolean isRevoked(BigInteger serial) {
        synchronized (monitor) {
            refreshIfChanged();
            IssuedCertificateRecord record = index.get(serial);
            return record != null && record.revoked();
        }
    }

    /** Every certificate issued, in issuing order. */
    public List<IssuedCertificateRecord> issued() {
        synchronized (monitor) {
            refreshIfChanged();
            return List.copyOf(index.values());
        }
    }

    /** The certificate itself as issued (from {@code issued/<SERIAL>.pem}); empty when never issued here. */
    public Optional<X509Certificate> issuedCertificate(BigInteger serial) {
        Objects.requireNonNull(serial, "serial");
        Path file = dir.resolve(ISSUED_DIR).resolve(Serials.format(serial) + ".pem");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("Cannot read the issued certificate " + file, e);
        }
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
        return "CertificateAuthority[" + caCert.getSubjectX500Principal().getName() + " at " + dir + "]";
    }

    // ---- creation and loading --------------------------------------------------------------------------

    private static CertificateAuthority create(Path home, String caName, char[] password, Object monitor, Clock clock)
            throws IOException, GeneralSecurityException {
        if (Files.exists(home.resolve(INDEX_FILE))) {
            // A lost ca.p12 must not be silently replaced: every issued certificate would become unverifiable.
            throw new CertificateAuthorityException(home.resolve(INDEX_FILE) + " exists but " + KEY_STORE_FILE
                    + " is missing; refusing to create a new CA over an existing one");
        }
        KeyPair keys = X509Signing.newKeyPair();
        Instant notBefore = clock.instant().minus(CLOCK_SKEW_ALLOWANCE).truncatedTo(ChronoUnit.SECONDS);
        X509Certificate cert = X509Signing.selfSignedCa(keys, subject(ORGANIZATION, caName),
                new BigInteger(64, RANDOM).setBit(63), notBefore, notBefore.plus(CA_VALIDITY));

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(KEY_ALIAS, keys.getPrivate(), password, new Certificate[] {cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        // ca.p12 is written first: its presence is what marks the directory as an initialised CA.
        AtomicFiles.writeSecret(home.resolve(KEY_STORE_FILE), out.toByteArray());
        CertificateAuthority ca = new CertificateAuthority(home, keys.getPrivate(), cert, monitor, clock);
        ca.writeCaCertificatePem();
        CaIndex.write(home.resolve(INDEX_FILE), List.of());
        return ca;
    }

    private static CertificateAuthority load(Path home, char[] password, Object monitor, Clock clock)
            throws IOException, GeneralSecurityException {
        Path file = home.resolve(KEY_STORE_FILE);
        KeyStore store;
        try {
            store = TrustStores.loadPkcs12(file, password);
        } catch (KeyStoreLoadException e) {
            throw new CertificateAuthorityException("Cannot open the CA key store " + file + ": " + e.getMessage(), e);
        }
        Key key = store.getKey(KEY_ALIAS, password);
        Certificate cert = store.getCertificate(KEY_ALIAS);
        if (!(key instanceof PrivateKey privateKey) || !(cert instanceof X509Certificate caCert)) {
            throw new CertificateAuthorityException(file + " has no private key entry with alias " + KEY_ALIAS);
        }
        CertificateAuthority ca = new CertificateAuthority(home, privateKey, caCert, monitor, clock);
        if (!Files.exists(ca.caCertificateFile())) {
            ca.writeCaCertificatePem();
        }
        return ca;
    }

    private static char[] resolvePassword(Path home, char[] given, boolean creating) throws IOException {
        if (given != null) {
            return given.clone();
        }
        Path file = home.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
        }
        if (!creating) {
            throw new CertificateAuthorityException(home.resolve(KEY_STORE_FILE)
                    + " exists but no password was given and " + file + " is missing");
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        AtomicFiles.writeSecret(file, (generated + "\n").getBytes(StandardCharsets.US_ASCII));
        return generated.toCharArray();
    }

    private static Path prepareDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                // The directory holds the CA key: keep other users out of it.
                AtomicFiles.setPermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir.toRealPath();
        } catch (IOException e) {
            throw new CertificateAuthorityException("Cannot create the CA directory " + dir, e);
        }
    }

    private void writeCaCertificatePem() throws IOException, GeneralSecurityException {
        AtomicFiles.writePublic(caCertificateFile(),
                Pem.encode("CERTIFICATE", caCert.getEncoded()).getBytes(StandardCharsets.US_ASCII));
    }

    // ---- state on disk (all called with the monitor held) ----------------------------------------------

    private void reloadState() throws IOException {
        Path indexFile = dir.resolve(INDEX_FILE);
        indexStamp = FileStamp.of(indexFile);
        index = CaIndex.read(indexFile);
        Path crlFile = crlFile();
        crlStamp = FileStamp.of(crlFile);
        crl = readCrl(crlFile);
    }

    /** Cheap check on every read so revocations made by another process are seen without a restart. */
    private void refreshIfChanged() {
        try {
            Path indexFile = dir.resolve(INDEX_FILE);
            FileStamp currentIndex = FileStamp.of(indexFile);
            if (!Objects.equals(currentIndex, indexStamp)) {
                indexStamp = currentIndex;
                index = CaIndex.read(indexFile);
            }
            FileStamp currentCrl = FileStamp.of(crlFile());
            if (!Objects.equals(currentCrl, crlStamp)) {
                crlStamp = currentCrl;
                crl = readCrl(crlFile());
            }
        } catch (IOException e) {
            throw new CertificateAuthorityException("Cannot re-read the CA state in " + dir, e);
        }
    }

    /** Null when missing or not signed by this CA: either way it gets regenerated from the index. */
    private X509CRL readCrl(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            X509CRL loaded = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            loaded.verify(caCert.getPublicKey());
            return loaded;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private boolean crlNeedsRegeneration() {
        if (crl == null || crl.getNextUpdate() == null) {
            return true;
        }
        if (!now().plus(CRL_REFRESH_MARGIN).isBefore(crl.getNextUpdate().toInstant())) {
            return true;
        }
        // The index is the source of truth; a crash between writing it and the CRL is repaired here.
        Set<BigInteger> listed = crl.getRevokedCertificates() == null ? Set.of()
                : crl.getRevokedCertificates().stream().map(X509CRLEntry::getSerialNumber).collect(Collectors.toSet());
        return !listed.equals(revokedSerials());
    }

    private void regenerateCrl() throws IOException, GeneralSecurityException {
        BigInteger number = readCounter(dir.resolve(CRL_NUMBER_FILE), BigInteger.ONE);
        writeCounter(dir.resolve(CRL_NUMBER_FILE), number.add(BigInteger.ONE));
        Instant thisUpdate = now();
        List<IssuedCertificateRecord> revoked = index.values().stream().filter(IssuedCertificateRecord::revoked).toList();
        X509CRL fresh = X509Signing.crl(caKey, caCert, number, thisUpdate, thisUpdate.plus(CRL_VALIDITY), revoked);
        AtomicFiles.writePublic(crlFile(), Pem.encode("X509 CRL", fresh.getEncoded()).getBytes(StandardCharsets.US_ASCII));
        crl = fresh;
        crlStamp = FileStamp.of(crlFile());
    }

    private BigInteger takeNextSerial() throws IOException {
        Path file = dir.resolve(SERIAL_FILE);
        BigInteger highest = index.keySet().stream().max(Comparator.naturalOrder()).orElse(BigInteger.ZERO);
        // The counter starts at a random 49-bit value so a CA re-created under the same name does not reuse
        // issuer+serial pairs (Firefox refuses those); it also survives a serial file restored from a backup.
        BigInteger serial = readCounter(file, new BigInteger(48, RANDOM).setBit(48)).max(highest.add(BigInteger.ONE));
        writeCounter(file, serial.add(BigInteger.ONE));
        return serial;
    }

    private void writeIndex() throws IOException {
        Path file = dir.resolve(INDEX_FILE);
        CaIndex.write(file, index.values());
        indexStamp = FileStamp.of(file);
    }

    private Set<BigInteger> revokedSerials() {
        Set<BigInteger> serials = new HashSet<>();
        index.values().stream().filter(IssuedCertificateRecord::revoked).forEach(r -> serials.add(r.serial()));
        return serials;
    }

    private static BigInteger readCounter(Path file, BigInteger initial) throws IOException {
        if (!Files.exists(file)) {
            return initial;
        }
        try {
            return Serials.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new CertificateAuthorityException(file + " does not hold a hex number", e);
        }
    }

    private static void writeCounter(Path file, BigInteger value) throws IOException {
        AtomicFiles.writePublic(file, (Serials.format(value) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** Outside the lock: key generation needs no CA state. */
    private static KeyPair newKeyPair() {
        try {
            return X509Signing.newKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CertificateAuthorityException("Cannot generate an EC P-256 key pair", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private Instant defaultNotBefore() {
        return now().minus(CLOCK_SKEW_ALLOWANCE);
    }

    /** A certificate must not outlive the CA that signed it. */
    private Instant cappedNotAfter(Instant notBefore, Duration validity) {
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive: " + validity);
        }
        Instant wanted = notBefore.plus(validity);
        Instant caEnd = caCert.getNotAfter().toInstant();
        return wanted.isAfter(caEnd) ? caEnd : wanted;
    }

    private static X500Name subject(String organization, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, organization)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
    }

    private <T> T withLock(CaAction<T> action) {
        return withLock(dir, monitor, action);
    }

    private static <T> T withLock(Path home, Object monitor, CaAction<T> action) {
        synchronized (monitor) {
            try (FileChannel channel = FileChannel.open(home.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.run();
            } catch (IOException e) {
                throw new CertificateAuthorityException("Cannot update the CA state in " + home + ": " + e, e);
            } catch (GeneralSecurityException e) {
                throw new CertificateAuthorityException("Cryptographic failure in the CA at " + home + ": " + e, e);
            }
        }
    }

    @FunctionalInterface
    private interface CaAction<T> {
        T run() throws IOException, GeneralSecurityException;
    }

    /** Identity of a file version: a rename gives a new inode, a rewrite a new mtime/size. */
    private record FileStamp(Object fileKey, FileTime modified, long size) {
        static FileStamp of(Path file) throws IOException {
            if (!Files.exists(file)) {
                return null;
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        }
    }
}
