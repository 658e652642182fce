package org.openoqs.terminal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.pki.TrustStores;
import org.openoqs.terminal.central.CentralService;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.central.HttpsCentralService;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import org.openoqs.terminal.cleanup.LeftoverFileCleaner;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;
import org.openoqs.terminal.credentials.TerminalCredentials;
import org.openoqs.terminal.encryption.EncryptingRequestProcessor;
import org.openoqs.terminal.encryption.EncryptionConfig;
import org.openoqs.terminal.encryption.FaceResultEncryption;
import org.openoqs.terminal.linkage.LinkageAgent;
import org.openoqs.terminal.linkage.RequestProcessor;
import org.openoqs.terminal.requests.ErrorResultWriter;
import org.openoqs.terminal.requests.QualificationInquiryProcessor;
import org.openoqs.terminal.requests.RequestRouter;

/** The software of one facility PC, assembled: the linkage agent answering the req folder through the service. */
public final class FacilityTerminal implements AutoCloseable {

    private final LinkageAgent linkageAgent;
    private final CentralService central;
    private final LeftoverFileCleaner leftoverFileCleaner;
    private final FaceResultEncryption faceResultEncryption;
    private final String institutionCode;

    private FacilityTerminal(LinkageAgent linkageAgent, CentralService central, LeftoverFileCleaner leftoverFileCleaner,
            FaceResultEncryption faceResultEncryption, String institutionCode) {
        this.linkageAgent = linkageAgent;
        this.central = central;
        this.leftoverFileCleaner = leftoverFileCleaner;
        this.faceResultEncryption = faceResultEncryption;
        this.institutionCode = institutionCode;
    }

    /** Builds the terminal against the real central service (HTTPS with the facility certificate) and starts it. */
    public static FacilityTerminal start(TerminalConfig config) throws IOException {
        SSLContext tls = TrustStores.clientContext(config.clientPkcs12(), config.clientPassword(),
                config.trustStore(), config.trustPassword());
        CentralService central = new HttpsCentralService(config.serviceUri(), tls, config.connectTimeout(),
                config.requestTimeout());
        return start(config, central);
    }

    /**
     * Builds the terminal against any {@link CentralService} (simulators, tests) and starts it.
     *
     * @throws org.openoqs.terminal.credentials.CredentialException with a terminal home whose credential store
     *         lacks a needed entry or holds a malformed one: the terminal does not start (docs/linkage.md)
     * @throws org.openoqs.terminal.encryption.EncryptionConfigException a malformed encrypt.conf / encrypt_face.conf
     */
    public static FacilityTerminal start(TerminalConfig config, CentralService central) throws IOException {
        // Credentials and encryption switches are checked before anything starts (docs/linkage.md).
        String institutionCode = config.institutionCode();
        EncryptionConfig encryption = EncryptionConfig.allPlain();
        char[] cryptPassword = null;
        if (config.home() != null) {
            encryption = EncryptionConfig.load(EncryptionConfig.configDirectory(config.home()));
            TerminalCredentials credentials = CredentialStore.open(config.home()).requireValid(
                    encryption.anyEncrypted() ? Set.of(CredentialKey.OQS_CRYPT_PASS) : Set.of());
            institutionCode = credentials.institutionCodeMatching(config.institutionCode());
            cryptPassword = credentials.cryptPassword();
        }
        XmlDocumentReader reader = new XmlDocumentReader();
        ErrorResultWriter results = new ErrorResultWriter(institutionCode,
                new LastKnownCharacterCode(central), config.clock(), reader);
        RequestRouter router = new RequestRouter(Map.of(RequestType.QUALIFICATION_INQUIRY,
                new QualificationInquiryProcessor(institutionCode, central, reader, results, config.clock())),
                results);
        RequestProcessor processor = new EncryptingRequestProcessor(router, encryption, cryptPassword, results,
                config.linkageSettings().maxRequestBytes());
        FaceResultEncryption faceEncryption = new FaceResultEncryption(encryption, cryptPassword);
        List<Path> resultFolders = config.face() == null ? List.of(config.folders().res())
                : List.of(config.folders().res(), config.face());
        // file ages are measured against the file system's clock, not the (possibly fixed) business clock
        LeftoverFileCleaner cleaner = new LeftoverFileCleaner(config.folders().req(), resultFolders, config.cleanup(),
                java.time.Clock.systemUTC());
        LinkageAgent agent = new LinkageAgent(config.folders(), config.linkageSettings(), processor);
        agent.start();
        try {
            cleaner.start();
        } catch (RuntimeException failed) {
            agent.close();
            throw failed;
        }
        return new FacilityTerminal(agent, central, cleaner, faceEncryption, institutionCode);
    }

    public LinkageAgent linkageAgent() {
        return linkageAgent;
    }

    public CentralService centralService() {
        return central;
    }

    /** The 消し忘れファイル cleanup of res (and face); {@code status()} lists requests nobody answered. */
    public LeftoverFileCleaner leftoverFileCleaner() {
        return leftoverFileCleaner;
    }

    /** How files for the face folder are to be written (encrypt_face.conf). */
    public FaceResultEncryption faceResultEncryption() {
        return faceResultEncryption;
    }

    /** The code the terminal runs as (from OQS_MEDICAL_INSTITUTION_CODE when it has a home). */
    public String institutionCode() {
        return institutionCode;
    }

    @Override
    public void close() {
        try {
            leftoverFileCleaner.close();
        } finally {
            linkageAgent.close();
        }
    }

    /**
     * The facility's result encoding for results the terminal writes itself. Falls back to the last value the
     * service gave (UTF-8 before the first answer), so a local error is still answered while the service is down.
     */
    private static final class LastKnownCharacterCode implements java.util.function.Supplier<CharacterCode> {
        private final CentralService central;
        private final AtomicReference<CharacterCode> last = new AtomicReference<>(CharacterCode.UTF_8);

        LastKnownCharacterCode(CentralService central) {
            this.central = central;
        }

        @Override
        public CharacterCode get() {
            try {
                CharacterCode code = central.resultCharacterCode();
                last.set(code);
                return code;
            } catch (CentralServiceUnavailableException | CentralServiceRefusedException unknown) {
                return last.get();
            }
        }
    }
}
