package org.openoqs.pki;

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
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The facility CA's directory apart from its key ({@link CaKey}) and CRL ({@link CrlPublisher}):
 * <pre>
 *   serial        next serial number (hex)
 *   crlnumber     next CRL number (hex)
 *   index.tsv     every issued certificate, see {@link CaIndex}
 *   issued/       a copy of every issued certificate, {@code <SERIAL>.pem}
 *   ca.lock       lock file for changes
 * </pre>
 * Changes run under {@link #locked}: a JVM-wide monitor for the directory (OS file locks are per process, so
 * threads must be serialised first) plus an OS lock on {@code ca.lock}, so a server and a CLI, or two instances in
 * one process, can share one directory. Reads see another instance's changes through {@link #refreshIfChanged()},
 * which re-reads the index only when the file was replaced.
 */
final class CaStorage {
    static final String SERIAL_FILE = "serial";
    static final String CRL_NUMBER_FILE = "crlnumber";
    static final String INDEX_FILE = "index.tsv";
    static final String ISSUED_DIR = "issued";
    static final String LOCK_FILE = "ca.lock";

    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Object monitor;

    // Guarded by monitor.
    private Map<BigInteger, IssuedCertificateRecord> index = new LinkedHashMap<>();
    private FileStamp indexStamp;

    private CaStorage(Path dir) {
        this.dir = dir;
        this.monitor = MONITORS.computeIfAbsent(dir, key -> new Object());
    }

    /** Creates the directory owner-only when missing; every instance for one directory shares its monitor. */
    static CaStorage open(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                // The directory holds the CA key: keep other users out of it.
                AtomicFiles.setPermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return new CaStorage(dir.toRealPath());
        } catch (IOException e) {
            throw new CertificateAuthorityException("Cannot create the CA directory " + dir, e);
        }
    }

    Path directory() {
        return dir;
    }

    Path resolve(String file) {
        return dir.resolve(file);
    }

    /** Runs {@code action} holding the directory's monitor and its OS file lock. */
    <T> T locked(Action<T> action) {
        synchronized (monitor) {
            try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.run();
            } catch (IOException e) {
                throw new CertificateAuthorityException("Cannot update the CA state in " + dir + ": " + e, e);
            } catch (GeneralSecurityException e) {
                throw new CertificateAuthorityException("Cryptographic failure in the CA at " + dir + ": " + e, e);
            }
        }
    }

    /** Runs {@code read} holding the monitor only, after picking up changes made by another instance. */
    <T> T read(java.util.function.Supplier<T> read) {
        synchronized (monitor) {
            refreshIfChanged();
            return read.get();
        }
    }

    // ---- index ---------------------------------------------------------------------------------------------

    /** Re-reads the index unconditionally; call under {@link #locked} before a change. */
    void reloadIndex() throws IOException {
        Path file = dir.resolve(INDEX_FILE);
        indexStamp = FileStamp.of(file);
        index = CaIndex.read(file);
    }

    /** Cheap check on every read, so a revocation made by another process is seen without a restart. */
    void refreshIfChanged() {
        try {
            Path file = dir.resolve(INDEX_FILE);
            FileStamp current = FileStamp.of(file);
            if (!Objects.equals(current, indexStamp)) {
                indexStamp = current;
                index = CaIndex.read(file);
            }
        } catch (IOException e) {
            throw new CertificateAuthorityException("Cannot re-read the CA state in " + dir, e);
        }
    }

    /** The index file's stamp now, read without the monitor; {@code null} when missing or unreadable. */
    FileStamp indexStamp() {
        try {
            return FileStamp.of(dir.resolve(INDEX_FILE));
        } catch (IOException e) {
            return null; // callers take the locked path, which reports the failure
        }
    }

    boolean indexExists() {
        return Files.exists(dir.resolve(INDEX_FILE));
    }

    Optional<IssuedCertificateRecord> record(BigInteger serial) {
        return Optional.ofNullable(index.get(serial));
    }

    /** Every certificate issued, in issuing order. */
    List<IssuedCertificateRecord> records() {
        return List.copyOf(index.values());
    }

    List<IssuedCertificateRecord> revokedRecords() {
        return index.values().stream().filter(IssuedCertificateRecord::revoked).toList();
    }

    /** Adds or replaces a record and writes the index; call under {@link #locked}. */
    void put(IssuedCertificateRecord record) throws IOException {
        index.put(record.serial(), record);
        writeIndex();
    }

    void writeIndex() throws IOException {
        Path file = dir.resolve(INDEX_FILE);
        CaIndex.write(file, index.values());
        indexStamp = FileStamp.of(file);
    }

    // ---- issued certificates -------------------------------------------------------------------------------

    void storeIssued(X509Certificate cert) throws IOException, GeneralSecurityException {
        AtomicFiles.writePublic(issuedFile(cert.getSerialNumber()),
                Pem.encode("CERTIFICATE", cert.getEncoded()).getBytes(StandardCharsets.US_ASCII));
    }

    /** The certificate as issued, from {@code issued/<SERIAL>.pem}; empty when never issued here. */
    Optional<X509Certificate> issued(BigInteger serial) {
        Path file = issuedFile(serial);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("Cannot read the issued certificate " + file, e);
        }
    }

    private Path issuedFile(BigInteger serial) {
        return dir.resolve(ISSUED_DIR).resolve(Serials.format(serial) + ".pem");
    }

    // ---- counters ------------------------------------------------------------------------------------------

    /**
     * The serial for the next certificate; call under {@link #locked} after {@link #reloadIndex()}. The counter
     * starts at a random 49-bit value so a CA re-created under the same name does not reuse issuer+serial pairs
     * (Firefox refuses those), and never goes below the highest serial in the index, so a serial file restored
     * from a backup cannot hand out a serial twice.
     */
    BigInteger takeNextSerial() throws IOException {
        BigInteger highest = index.keySet().stream().max(Comparator.naturalOrder()).orElse(BigInteger.ZERO);
        BigInteger serial = readCounter(SERIAL_FILE, new BigInteger(48, RANDOM).setBit(48))
                .max(highest.add(BigInteger.ONE));
        writeCounter(SERIAL_FILE, serial.add(BigInteger.ONE));
        return serial;
    }

    /** The number of the next CRL, counting from 1; call under {@link #locked}. */
    BigInteger takeNextCrlNumber() throws IOException {
        BigInteger number = readCounter(CRL_NUMBER_FILE, BigInteger.ONE);
        writeCounter(CRL_NUMBER_FILE, number.add(BigInteger.ONE));
        return number;
    }

    private BigInteger readCounter(String name, BigInteger initial) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            return initial;
        }
        try {
            return Serials.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new CertificateAuthorityException(file + " does not hold a hex number", e);
        }
    }

    private void writeCounter(String name, BigInteger value) throws IOException {
        AtomicFiles.writePublic(dir.resolve(name), (Serials.format(value) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    @FunctionalInterface
    interface Action<T> {
        T run() throws IOException, GeneralSecurityException;
    }

    /** Identity of a file version: a rename gives a new inode, a rewrite a new mtime/size. */
    record FileStamp(Object fileKey, FileTime modified, long size) {
        static FileStamp of(Path file) throws IOException {
            if (!Files.exists(file)) {
                return null;
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        }
    }
}
