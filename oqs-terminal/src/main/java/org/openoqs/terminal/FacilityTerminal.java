package org.openoqs.terminal;

import java.io.IOException;
import java.util.Map;
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
import org.openoqs.terminal.linkage.LinkageAgent;
import org.openoqs.terminal.requests.ErrorResultWriter;
import org.openoqs.terminal.requests.QualificationInquiryProcessor;
import org.openoqs.terminal.requests.RequestRouter;

/** The software of one facility PC, assembled: the linkage agent answering the req folder through the service. */
public final class FacilityTerminal implements AutoCloseable {

    private final LinkageAgent linkageAgent;
    private final CentralService central;

    private FacilityTerminal(LinkageAgent linkageAgent, CentralService central) {
        this.linkageAgent = linkageAgent;
        this.central = central;
    }

    /** Builds the terminal against the real central service (HTTPS with the facility certificate) and starts it. */
    public static FacilityTerminal start(TerminalConfig config) throws IOException {
        SSLContext tls = TrustStores.clientContext(config.clientPkcs12(), config.clientPassword(),
                config.trustStore(), config.trustPassword());
        CentralService central = new HttpsCentralService(config.serviceUri(), tls, config.connectTimeout(),
                config.requestTimeout());
        return start(config, central);
    }

    /** Builds the terminal against any {@link CentralService} (simulators, tests) and starts it. */
    public static FacilityTerminal start(TerminalConfig config, CentralService central) throws IOException {
        XmlDocumentReader reader = new XmlDocumentReader();
        ErrorResultWriter results = new ErrorResultWriter(config.institutionCode(),
                new LastKnownCharacterCode(central), config.clock(), reader);
        RequestRouter router = new RequestRouter(Map.of(RequestType.QUALIFICATION_INQUIRY,
                new QualificationInquiryProcessor(config.institutionCode(), central, reader, results, config.clock())),
                results);
        LinkageAgent agent = new LinkageAgent(config.folders(), config.linkageSettings(), router);
        agent.start();
        return new FacilityTerminal(agent, central);
    }

    public LinkageAgent linkageAgent() {
        return linkageAgent;
    }

    public CentralService centralService() {
        return central;
    }

    @Override
    public void close() {
        linkageAgent.close();
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
