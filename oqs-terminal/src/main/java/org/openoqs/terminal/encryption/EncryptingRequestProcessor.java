package org.openoqs.terminal.encryption;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.RequestFileName;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;
import org.openoqs.terminal.requests.ErrorResultWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decrypts requests and encrypts results of the prefixes {@code encrypt.conf} switches to {@code e}; passes every
 * other request through unchanged. Sits between the {@link org.openoqs.terminal.linkage.LinkageAgent} and the
 * request router.
 *
 * <p>For an encrypted prefix:
 * <ul>
 *   <li>{@code <prefix>req_<id>.zip} (AES-256 ZIP with one XML file, password OQS_CRYPT_PASS) is opened in memory and
 *       handed on as {@code <prefix>req_<id>.xml}; whatever the inner processor answers — a normal result or an
 *       error result — is sealed into {@code <prefix>res_<id>.zip}, the entry named as the inner result
 *       ({@code <prefix>res_<id>.xml}).</li>
 *   <li>A request that cannot be opened (wrong password, not a ZIP, damaged, unencrypted or ZipCrypto entry, no or
 *       several entries, a path in the entry name, not XML) is answered with {@code OQSF1304} (DECRYPTION_FAILED),
 *       one that inflates past the size limit with {@code OQSF1002} (FILE_TOO_LARGE).</li>
 *   <li>A plain request ({@code .xml} or any other extension) is refused with {@code OQSF1304}: the facility chose
 *       encryption for this type, so a plain file means the レセコン is misconfigured, and answering it would send
 *       personal data back in the clear.</li>
 * </ul>
 * These refusals are written as plain {@code <prefix>res_<id>.xml}: they carry no personal data (a file-level error
 * header only), and a result encrypted with a password the レセコン evidently does not share could not be read.
 *
 * <p>Never throws for bad input; {@link org.openoqs.terminal.linkage.CentralServiceUnavailableException} of the inner
 * processor passes through so that the agent retries.
 */
public final class EncryptingRequestProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(EncryptingRequestProcessor.class);

    private final RequestProcessor inner;
    private final EncryptionConfig config;
    private final char[] password;
    private final ErrorResultWriter errors;
    private final long maxEntryBytes;

    /**
     * @param password      OQS_CRYPT_PASS; may be null only when the config encrypts nothing
     * @param maxEntryBytes largest decrypted request accepted (the agent's request size limit)
     */
    public EncryptingRequestProcessor(RequestProcessor inner, EncryptionConfig config, char[] password,
            ErrorResultWriter errors, long maxEntryBytes) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.config = Objects.requireNonNull(config, "config");
        this.errors = Objects.requireNonNull(errors, "errors");
        if (config.anyEncrypted() && (password == null || password.length == 0)) {
            throw new IllegalArgumentException("OQS_CRYPT_PASS is required: " + config);
        }
        this.password = password == null ? null : password.clone();
        this.maxEntryBytes = maxEntryBytes;
        if (config.anyEncrypted()) {
            log.info("encrypted exchange (AES-256 ZIP, OQS_CRYPT_PASS) for {}", config);
        }
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        Optional<RequestFileName> parsed = RequestFileName.parse(request.name());
        if (parsed.isEmpty() || !PasswordZip.isPlainFileName(request.name())
                || !config.encrypts(parsed.get().prefix())) {
            return inner.process(request); // the router answers names it cannot use
        }
        RequestFileName name = parsed.get();
        if (request.unread()) {
            return inner.process(request); // the router answers oversized and non-regular requests
        }
        String refusalName = name.resultName("xml");
        if (!name.extension().toLowerCase(Locale.ROOT).equals("zip")) {
            log.warn("request {} refused: {} is configured encrypted (encrypt.conf) but the file is not a .zip",
                    request.name(), name.prefix());
            return errors.fileLevel(refusalName, request, ErrorCode.DECRYPTION_FAILED,
                    "この要求種別は暗号化が設定されています。AES-256で暗号化した .zip ファイルで送信してください");
        }
        PasswordZip.Entry entry;
        try {
            entry = PasswordZip.open(request.content(), password, maxEntryBytes);
        } catch (ZipOpenException refused) {
            log.warn("encrypted request {} refused: {}", request.name(), refused.reason());
            ErrorCode code = refused.reason() == ZipOpenException.Reason.TOO_LARGE
                    ? ErrorCode.FILE_TOO_LARGE : ErrorCode.DECRYPTION_FAILED;
            return errors.fileLevel(refusalName, null, code, refused.getMessage());
        }
        String plainName = name.prefix() + "req_" + name.id() + ".xml";
        if (!entry.name().equals(plainName)) {
            log.debug("encrypted request {} holds {}; processed as {}", request.name(), entry.name(), plainName);
        }
        ProcessedResult plain = inner.process(new RequestFile(plainName, entry.content()));
        byte[] sealed = PasswordZip.seal(plain.resultFileName(), plain.content(), password);
        return new ProcessedResult(name.resultName("zip"), sealed);
    }

    /**
     * The inner processor's "service unavailable" answer, left plain like the refusals above: a file-level error
     * carries no personal data.
     */
    @Override
    public ProcessedResult answerServiceUnavailable(RequestFile request, Duration waited) {
        return inner.answerServiceUnavailable(request, waited);
    }
}
