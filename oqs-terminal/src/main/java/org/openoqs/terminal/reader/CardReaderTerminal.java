package org.openoqs.terminal.reader;




import java.time.Clock;
import org.openoqs.terminal.requests.eps.FacePrescriptionChoice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.openoqs.files.DurableWrites;
import org.openoqs.pki.TrustStores;
import org.openoqs.terminal.central.CardPathService;
import org.openoqs.terminal.central.DeviceSignIn;
import org.openoqs.terminal.central.EpsGateway;
import org.openoqs.terminal.central.FaceDeviceAccount;
import org.openoqs.terminal.central.HttpsCardPathService;
import org.openoqs.terminal.central.HttpsDeviceSignIn;
import org.openoqs.terminal.central.HttpsEpsGateway;
import org.openoqs.terminal.linkage.LinkageSettings;
import org.openoqs.terminal.central.CentralServiceHttp;
import org.openoqs.terminal.central.CentralServiceSessions;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.credentials.CredentialStore;
import org.openoqs.terminal.encryption.FaceResultEncryption;
import org.openoqs.terminal.face.FaceFolderWriter;

/**
 * The card-reader side of a terminal, assembled: the simulated reader with its virtual cards under
 * {@code <readerHome>/cards}, the confirmation flow writing into the face folder, and the local reader page. The page's
 * address and token are written to {@code <readerHome>/reader.url} and {@code <readerHome>/reader.token} (owner-only)
 * for {@code oqs reader confirm}.
 */
public final class CardReaderTerminal implements AutoCloseable {

    public static final String URL_FILE = "reader.url";
    public static final String TOKEN_FILE = "reader.token";

    /** Where the reader's cards are: the cards an issuer made and handed to this reader (docs/card-path.md). */
    public static Path cardsDirectory(Path readerHome) {
        return readerHome.resolve("cards");
    }

    private final ReaderStation station;
    private final ReaderWebPage page;
    private final Path readerHome;
    private final DeviceSignIn signIn;

    private CardReaderTerminal(ReaderStation station, ReaderWebPage page, Path readerHome, DeviceSignIn signIn) {
        this.station = station;
        this.page = page;
        this.readerHome = readerHome;
        this.signIn = signIn;
    }

    /**
     * Against the real service (mutual TLS with the facility certificate of {@code config}), signed in with the
     * reader's 顔認証用アカウント from the terminal's credential store ({@code OQS_FACE_LOGIN_KEY} in
     * {@code config.home()}). Without that entry (or without a home) the reader starts all the same and its page
     * says why every card is refused.
     *
     * @param sessions the terminal's sessions ({@code FacilityTerminal.centralSessions()}), or {@code null} for a
     *                 reader on its own: with them the reader reaches the service through its terminal, so its calls
     *                 count against the terminal's limit and an outage they meet shows in the terminal's
     *                 {@code work/health.json}
     */
    public static CardReaderTerminal start(TerminalConfig config, String institutionCode, Path readerHome, Path face,
            FaceResultEncryption encryption, int port, CentralServiceSessions sessions) throws IOException {
        FaceDeviceAccount account = config.home() == null ? null
                : FaceDeviceAccount.fromStore(CredentialStore.open(config.home())).orElse(null);
        return start(config, account, institutionCode, readerHome, face, encryption, port, sessions);
    }

    /** Like {@link #start(TerminalConfig, String, Path, Path, FaceResultEncryption, int, CentralServiceSessions)}
     * with the account given ({@code null}: none configured). */
    public static CardReaderTerminal start(TerminalConfig config, FaceDeviceAccount account, String institutionCode,
            Path readerHome, Path face, FaceResultEncryption encryption, int port, CentralServiceSessions sessions)
            throws IOException {
        Objects.requireNonNull(institutionCode, "institutionCode");
        SSLContext tls = TrustStores.clientContext(config.clientPkcs12(), config.clientPassword(), config.trustStore(),
                config.trustPassword());
        CentralServiceHttp transport = new CentralServiceHttp(config.serviceUri(), tls, config.connectTimeout(),
                config.requestTimeout());
        HttpsDeviceSignIn deviceSession = new HttpsDeviceSignIn(transport, account);
        CardPathService service = new HttpsCardPathService(transport, deviceSession);
        DeviceSignIn signIn = deviceSession;
        EpsGateway eps = new HttpsEpsGateway(transport);
        if (sessions == null) { // a reader on its own still has the real terminal's limit and outage tracking
            sessions = CentralServiceSessions.withLimit(LinkageSettings.defaults().maxConcurrent());
        }
        service = sessions.limit(CardPathService.class, service);
        signIn = sessions.limit(DeviceSignIn.class, signIn);
        eps = sessions.limit(EpsGateway.class, eps);
        FacePrescriptionChoice prescriptionChoice = new FacePrescriptionChoice(eps, Clock.systemUTC());
        ReaderConsentOffer consentOffer = ReaderConsentOffer.fromService(service, Clock.systemUTC());
        Files.createDirectories(readerHome);
        ReaderStation station = new ReaderStation(institutionCode, new SimulatedCardReader(cardsDirectory(readerHome)),
                service, signIn, new FaceFolderWriter(face, encryption), prescriptionChoice, consentOffer);
        station.signIn(); // a failure is shown on the page, not fatal
        ReaderWebPage page = ReaderWebPage.start(station, port);
        try {
            writeSecret(readerHome.resolve(TOKEN_FILE), page.token());
            write(readerHome.resolve(URL_FILE), page.uri().toString());
        } catch (IOException | RuntimeException failed) {
            page.close();
            throw failed;
        }
        return new CardReaderTerminal(station, page, readerHome, signIn);
    }

    public ReaderStation station() {
        return station;
    }

    public java.net.URI pageUri() {
        return page.uri();
    }

    /** The page's URL with the launch key: for the terminal's own user only (console, owner-only files). */
    public java.net.URI launchUri() {
        return page.launchUri();
    }

    public Path tokenFile() {
        return readerHome.resolve(TOKEN_FILE);
    }

    private static void writeSecret(Path file, String text) throws IOException {
        DurableWrites.replace(file, (text + "\n").getBytes(StandardCharsets.UTF_8), DurableWrites.OWNER_ONLY);
    }

    private static void write(Path file, String text) throws IOException {
        DurableWrites.replace(file, (text + "\n").getBytes(StandardCharsets.UTF_8), DurableWrites.WORLD_READABLE);
    }

    @Override
    public void close() {
        page.close();
        signIn.signOut();
    }
}
