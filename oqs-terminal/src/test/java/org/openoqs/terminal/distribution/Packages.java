package org.openoqs.terminal.distribution;

import org.openoqs.terminal.central.DistributionUnavailableException;

import org.openoqs.terminal.central.ConnectionProblem;

import org.openoqs.terminal.central.ConnectionResult;
import org.openoqs.terminal.central.ReportedVersion;

import org.openoqs.terminal.central.TerminalRegistration;

import org.openoqs.terminal.central.AvailablePackage;

import org.openoqs.terminal.central.DistributionServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.PackageSigner;

/** Test packages and an in-memory distribution service offering them (the agent's side is what is tested). */
final class Packages {
    private Packages() {
    }

    /** A package ZIP with its manifest and one file {@code VERSION} holding the version. */
    static Path zip(Path dir, String component, String version) throws IOException {
        return zip(dir, component, version, component, version);
    }

    /** A package whose manifest may lie about what it is. */
    static Path zip(Path dir, String component, String version, String manifestComponent, String manifestVersion)
            throws IOException {
        Path file = dir.resolve(component + "-" + version + "-" + System.nanoTime() + ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(PackageArchive.MANIFEST));
            zip.write(("component=" + manifestComponent + "\nversion=" + manifestVersion + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("VERSION"));
            zip.write(version.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("bin/run.txt"));
            zip.write(("run " + component + " " + version).getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** An offered package: bytes, signature (may be null), and the hash the listing claims. */
    record Offer(AvailablePackage available, byte[] bytes, byte[] signature) {
    }

    static Offer offer(Path zip, PackageSigner signer) throws Exception {
        return offer(zip, signer, null);
    }

    static Offer offer(Path zip, PackageSigner signer, String listedSha256) throws Exception {
        PackageArchive.Manifest manifest = PackageArchive.manifest(zip);
        byte[] bytes = Files.readAllBytes(zip);
        return new Offer(new AvailablePackage(manifest.component(), manifest.version(), bytes.length,
                listedSha256 != null ? listedSha256 : sha256(zip)), bytes, signer == null ? null : signer.sign(zip));
    }

    /** A distribution service in memory: what it offers is set by the test; calls are recorded. */
    static final class FakeServer implements DistributionServer {
        final Map<String, Offer> offers = new LinkedHashMap<>();
        final List<List<ReportedVersion>> reports = new ArrayList<>();
        final CertificateAuthority ca;
        boolean reachable = true;

        FakeServer(CertificateAuthority ca) {
            this.ca = ca;
        }

        void add(Offer offer) {
            offers.put(offer.available().component() + " " + offer.available().version(), offer);
        }

        private void requireReachable() {
            if (!reachable) {
                throw new DistributionUnavailableException(new ConnectionProblem("REFUSED", "接続できません"));
            }
        }

        @Override
        public ConnectionResult checkConnection() {
            return reachable ? ConnectionResult.success("0113810014")
                    : ConnectionResult.failure(new ConnectionProblem("REFUSED", "接続できません"));
        }

        @Override
        public TerminalRegistration register(String computerName, String agentVersion) {
            requireReachable();
            return new TerminalRegistration("0113810014", computerName, java.time.Instant.now(), java.time.Instant.now());
        }

        @Override
        public List<AvailablePackage> packages() {
            requireReachable();
            return offers.values().stream().map(Offer::available).toList();
        }

        @Override
        public void download(AvailablePackage available, Path target) {
            try {
                Files.write(target, offers.get(available.component() + " " + available.version()).bytes());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<byte[]> signature(AvailablePackage available) {
            return Optional.ofNullable(offers.get(available.component() + " " + available.version()).signature());
        }

        @Override
        public void reportVersions(String computerName, List<ReportedVersion> installed) {
            reports.add(installed);
        }

        @Override
        public Optional<X509CRL> crl() {
            return Optional.of(ca.currentCrl());
        }
    }
}
