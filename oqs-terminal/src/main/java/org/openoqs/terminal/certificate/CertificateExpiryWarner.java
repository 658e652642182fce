package org.openoqs.terminal.certificate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.openoqs.files.DurableWrites;
import org.openoqs.pki.ExpiryWarningSchedule;
import org.openoqs.pki.ExpiryWarningSchedule.ExpiryWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns in the terminal log about the end date of the client certificate in use: once at 90, 60, 30, 15 and 7 days
 * before it and every day after it ({@link ExpiryWarningSchedule}). Which warning was last given for which
 * certificate is remembered in {@value #STATE_FILE} in the terminal home, so a restart does not repeat a warning and
 * a renewed certificate (new serial) starts afresh.
 */
public final class CertificateExpiryWarner {
    public static final String STATE_FILE = "certificate-warnings.properties";
    private static final Logger log = LoggerFactory.getLogger(CertificateExpiryWarner.class);

    private final Path stateFile;
    private final Supplier<X509Certificate> certificate;
    private final Clock clock;

    public CertificateExpiryWarner(Path terminalHome, Supplier<X509Certificate> certificate, Clock clock) {
        this.stateFile = terminalHome.resolve(STATE_FILE);
        this.certificate = certificate;
        this.clock = clock;
    }

    /** The warning due now, whether or not it was already given (doctor, status screens). */
    public Optional<ExpiryWarning> due() {
        return ExpiryWarningSchedule.warningAt(certificate.get().getNotAfter().toInstant(), clock.instant());
    }

    /**
     * Logs the due warning unless it was already logged for this certificate.
     *
     * @return the warning logged now; empty when none was due or it had been given before
     */
    public synchronized Optional<ExpiryWarning> check() {
        X509Certificate cert = certificate.get();
        Optional<ExpiryWarning> due = ExpiryWarningSchedule.warningAt(cert.getNotAfter().toInstant(), clock.instant());
        if (due.isEmpty()) {
            return Optional.empty();
        }
        String serial = cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        Properties state = readState();
        if (due.get().slot().equals(state.getProperty(serial))) {
            return Optional.empty();
        }
        if (due.get().expired()) {
            log.error("{}（証明書シリアル {}）", due.get().message(), serial);
        } else {
            log.warn("{}（証明書シリアル {}）", due.get().message(), serial);
        }
        state.setProperty(serial, due.get().slot());
        writeState(state);
        return due;
    }

    private Properties readState() {
        Properties state = new Properties();
        if (Files.isRegularFile(stateFile)) {
            try (Reader reader = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
                state.load(reader);
            } catch (IOException | IllegalArgumentException unreadable) {
                log.warn("{} is unreadable; certificate warnings start afresh", stateFile);
                return new Properties();
            }
        }
        return state;
    }

    private void writeState(Properties state) {
        try {
            java.io.StringWriter text = new java.io.StringWriter();
            state.store(text, "openoqs: last certificate-expiry warning given, per certificate serial");
            DurableWrites.replace(stateFile, text.toString().getBytes(StandardCharsets.UTF_8),
                    DurableWrites.WORLD_READABLE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + stateFile, e);
        }
    }
}
