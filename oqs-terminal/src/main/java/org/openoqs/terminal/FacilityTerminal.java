package org.openoqs.terminal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.pki.ReloadableClientTls;
import org.openoqs.terminal.central.CentralService;
import org.openoqs.terminal.central.CentralServiceHttp;
import org.openoqs.terminal.central.CentralServicePorts;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.central.CentralServiceSessions;
import org.openoqs.terminal.health.TerminalHealth;
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
import org.openoqs.terminal.central.EpsGateway;
import org.openoqs.terminal.requests.eps.EpsRequestProcessor;
import org.openoqs.terminal.central.BulkCentralService;
import org.openoqs.terminal.requests.bulk.BulkRequestProcessors;
import org.openoqs.core.medical.MedicalInformationKind;
import org.openoqs.terminal.central.CardPathService;
import org.openoqs.terminal.central.UnreachableCardPathService;
import org.openoqs.terminal.requests.MedicalInformationProcessor;
import org.openoqs.terminal.requests.ReferenceNumberRegistrationProcessor;

/** The software of one facility PC, assembled: the linkage agent answering the req folder through the service. */
public final class FacilityTerminal implements AutoCloseable {

    private final LinkageAgent linkageAgent;
    private final CentralServiceSessions centralSessions;
    private final TerminalHealth health;
    private final LeftoverFileCleaner leftoverFileCleaner;
    private final FaceResultEncryption faceResultEncryption;
    private final String institutionCode;

    private FacilityTerminal(LinkageAgent linkageAgent, CentralServiceSessions centralSessions, TerminalHealth health,
            LeftoverFileCleaner leftoverFileCleaner,
            FaceResultEncryption faceResultEncryption, String institutionCode) {
        this.linkageAgent = linkageAgent;
        this.centralSessions = centralSessions;
        this.health = health;
        this.leftoverFileCleaner = leftoverFileCleaner;
        this.faceResultEncryption = faceResultEncryption;
        this.institutionCode = institutionCode;
    }

    /**
     * The ports over HTTPS with the facility certificate of {@code config}, on one transport (client, kept-alive
     * connections). The certificate is reloadable: a renewed client.p12 (docs/certificates.md) is used from the next
     * connection on, no restart.
     */
    public static CentralServicePorts overHttps(TerminalConfig config) {
        SSLContext tls = ReloadableClientTls.open(config.clientPkcs12(), config.clientPassword(),
                config.trustStore(), config.trustPassword()).sslContext();
        return CentralServicePorts.overHttps(new CentralServiceHttp(config.serviceUri(), tls, config.connectTimeout(),
                config.requestTimeout()));
    }

    /**
     * Builds the terminal on its ports — {@link #overHttps(TerminalConfig)} for the real service, simulators in
     * tests — and starts it. Every call of every port goes through the terminal's sessions.
     *
     * @throws org.openoqs.terminal.credentials.CredentialException with a terminal home whose credential store
     *         lacks a needed entry or holds a malformed one: the terminal does not start (docs/linkage.md)
     * @throws org.openoqs.terminal.encryption.EncryptionConfigException a malformed encrypt.conf / encrypt_face.conf
     */
    public static FacilityTerminal start(TerminalConfig config, CentralServicePorts ports) throws IOException {
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
        // every call to the service, from any processor and port, shares the real terminal's limit of concurrent
        // sessions, and any port's outage shows in work/health.json
        CentralServiceSessions sessions = CentralServiceSessions.around(ports.inquiry(),
                config.linkageSettings().maxConcurrent());
        XmlDocumentReader reader = new XmlDocumentReader();
        ErrorResultWriter results = new ErrorResultWriter(institutionCode,
                new LastKnownCharacterCode(sessions), config.clock(), reader);
        Map<RequestType, RequestProcessor> processors = new java.util.EnumMap<>(RequestType.class);
        processors.put(RequestType.QUALIFICATION_INQUIRY, new QualificationInquiryProcessor(institutionCode,
                sessions.service(), reader, results, config.clock()));
        // card path: 照会番号 and medical information (docs/card-path.md); without its service (simulators) these
        // requests get a file-level error saying the service is not reachable from this terminal
        CardPathService cards = ports.cardPath() != null ? sessions.limit(CardPathService.class, ports.cardPath())
                : UnreachableCardPathService.INSTANCE;
        BulkCentralService bulk = sessions.limit(BulkCentralService.class, ports.bulk());
        EpsGateway eps = sessions.limit(EpsGateway.class, ports.eps());
        processors.put(RequestType.REFERENCE_NUMBER_REGISTRATION,
                new ReferenceNumberRegistrationProcessor(cards, reader, results));
        processors.put(RequestType.DRUG_INFORMATION, new MedicalInformationProcessor(MedicalInformationKind.DRUG,
                cards, reader, results, config.clock()));
        processors.put(RequestType.HEALTH_CHECKUP_INFORMATION, new MedicalInformationProcessor(
                MedicalInformationKind.HEALTH_CHECKUP, cards, reader, results, config.clock()));
        // 電子カルテ情報 (CIPsiquc01, docs/clins.md): routed like 薬剤情報, answered with FHIR JSON in an XML envelope
        processors.put(RequestType.CLINICAL_INFORMATION, new MedicalInformationProcessor(
                MedicalInformationKind.CLINICAL, cards, reader, results, config.clock()));
        for (RequestType homeCare : List.of(RequestType.HOME_VISIT_INQUIRY, RequestType.ONLINE_CARE_INQUIRY)) {
            processors.put(homeCare, new org.openoqs.terminal.requests.HomeCareInquiryProcessor(homeCare,
                    institutionCode, cards, reader, results, config.clock())); // 居宅同意取得型 (docs/home-care.md)
        }
        processors.put(RequestType.URL_ISSUE, new org.openoqs.terminal.requests.HomeCareUrlProcessor(institutionCode,
                cards, reader, results, config.clock())); // マイナ在宅受付Web URL (docs/home-care.md)
        if (bulk != null) { // 一括照会 and the other bulk flows (docs/bulk.md)
            BulkRequestProcessors.addTo(processors, institutionCode, bulk, results, config.clock(),
                    encryption::encrypts);
        }
        if (eps != null) { // 電子処方箋 (docs/e-prescription.md)
            EpsRequestProcessor.addTo(processors, new EpsRequestProcessor(institutionCode, eps, reader, results,
                    config.clock()));
        }
        if (ports.documents() != null) { // 電子カルテ情報共有サービス 文書 (docs/clins.md "Documents")
            org.openoqs.terminal.requests.ClinsDocumentRequestProcessor.addTo(processors,
                    sessions.limit(org.openoqs.terminal.central.ClinsDocumentInbox.class, ports.documents()), reader,
                    results);
        }
        if (ports.bundles() != null) { // 電子カルテ情報 6情報 registration (docs/clins.md "Registration through req")
            org.openoqs.terminal.requests.ClinsBundleRequestProcessor.addTo(processors, institutionCode,
                    sessions.limit(org.openoqs.terminal.central.ClinsBundleService.class, ports.bundles()), reader,
                    results, config.clock());
        }
        RequestRouter router = new RequestRouter(processors, results);
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
        TerminalHealth health = TerminalHealth.start(agent, sessions,
                config.folders().work().resolve(TerminalHealth.FILE_NAME), Duration.ofSeconds(1), Clock.systemUTC());
        return new FacilityTerminal(agent, sessions, health, cleaner, faceEncryption, institutionCode);
    }

    public LinkageAgent linkageAgent() {
        return linkageAgent;
    }

    /** The central service as this terminal calls it: at most {@code maxConcurrent} sessions at a time. */
    public CentralService centralService() {
        return centralSessions.service();
    }

    /** The sessions with the central service: limit, use, and whether the service is reachable. */
    public CentralServiceSessions centralSessions() {
        return centralSessions;
    }

    /** The health status, also written every second to {@code work/health.json} (docs/reliability.md). */
    public TerminalHealth health() {
        return health;
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
            try {
                linkageAgent.close();
            } finally {
                health.close();
            }
        }
    }

    /**
     * The facility's result encoding for results the terminal writes itself. Falls back to the last value the
     * service gave (UTF-8 before the first answer), so a local error is still answered while the service is down.
     */
    private static final class LastKnownCharacterCode implements java.util.function.Supplier<CharacterCode> {
        private final CentralServiceSessions central;
        private final AtomicReference<CharacterCode> last = new AtomicReference<>(CharacterCode.UTF_8);

        LastKnownCharacterCode(CentralServiceSessions central) {
            this.central = central;
        }

        @Override
        public CharacterCode get() {
            if (central.outage().isPresent()) {
                // known to be down: asking would only add a time-out to every error result of the outage
                return last.get();
            }
            try {
                CharacterCode code = central.service().resultCharacterCode();
                last.set(code);
                return code;
            } catch (CentralServiceUnavailableException | CentralServiceRefusedException unknown) {
                return last.get();
            }
        }
    }
}
