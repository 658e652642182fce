package org.openoqs.terminal.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.openoqs.files.DurableWrites;
import org.openoqs.core.card.CardPin;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PinRetryCounter;

/**
 * Where the simulator keeps its cards: one properties file per credential under {@code <dir>/<cardId>.<kind>.card},
 * owner-only, written to a temp file and renamed. This is the terminal side's key material; the central service only
 * ever sees certificates. Cached in memory after the first read.
 */
final class CardWallet {

    private final Path dir;
    private final ConcurrentMap<String, SimulatedCard> cache = new ConcurrentHashMap<>();

    CardWallet(Path dir) {
        this.dir = dir;
    }

    Optional<SimulatedCard> find(String cardId, CredentialKind kind) {
        String key = key(cardId, kind);
        SimulatedCard cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Path file = dir.resolve(key + ".card");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            SimulatedCard card = new SimulatedCard(cardId, kind,
                    KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                            Base64.getDecoder().decode(p.getProperty("key")))),
                    cert(p.getProperty("certificate")), cert(p.getProperty("issuer")),
                    new CardPin(p.getProperty("pin.salt"), p.getProperty("pin.hash")),
                    new PinRetryCounter(Integer.parseInt(p.getProperty("pin.remaining")),
                            Long.parseLong(p.getProperty("pin.resetGeneration"))));
            cache.put(key, card);
            return Optional.of(card);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulated card " + file, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the simulated card file " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    void save(SimulatedCard card) {
        Properties p = new Properties();
        p.setProperty("cardId", card.cardId());
        p.setProperty("credential", card.kind().name());
        p.setProperty("key", Base64.getEncoder().encodeToString(card.key().getEncoded()));
        p.setProperty("certificate", base64(card.certificate()));
        p.setProperty("issuer", base64(card.issuer()));
        p.setProperty("pin.salt", card.pin().salt());
        p.setProperty("pin.hash", card.pin().hash());
        p.setProperty("pin.remaining", Integer.toString(card.counter().remainingTries()));
        p.setProperty("pin.resetGeneration", Long.toString(card.counter().resetGeneration()));
        String key = key(card.cardId(), card.kind());
        try {
            Files.createDirectories(dir);
            StringWriter text = new StringWriter();
            p.store(text, "openoqs simulated My Number Card credential - private key, keep secret");
            Path target = dir.resolve(key + ".card");
            DurableWrites.replace(target, text.toString().getBytes(StandardCharsets.UTF_8), DurableWrites.OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the simulated card " + key, e);
        }
        cache.put(key, card);
    }

    private static String key(String cardId, CredentialKind kind) {
        if (!cardId.matches("[A-Za-z0-9]{1,32}")) {
            throw new IllegalArgumentException("card id must be 1-32 letters or digits");
        }
        return cardId + "." + kind.cliName();
    }

    private static String base64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate cert(String base64OrPem) throws GeneralSecurityException {
        byte[] bytes = base64OrPem.startsWith("-----") ? base64OrPem.getBytes(StandardCharsets.US_ASCII)
                : Base64.getDecoder().decode(base64OrPem);
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
    }
}
