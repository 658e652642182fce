package org.openoqs.terminal.central;

import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.central.CentralServiceHttp;
import tools.jackson.databind.JsonNode;


/**
 * {@link EpsGateway} over HTTPS with the facility's client certificate: {@code POST /api/v1/eps/<operation>} with the
 * JSON mirror of the message, {@code GET /api/v1/eps/reader-settings}. One shared keep-alive client.
 */
public final class HttpsEpsGateway implements EpsGateway {

    private final CentralServiceHttp http;

    /** On the terminal's shared transport. */
    public HttpsEpsGateway(CentralServiceHttp transport) {
        this.http = transport;
    }

    @Override
    public XmlNode send(EpsOperation operation, XmlNode request) {
        return CentralServiceHttp.tree(http.postJson("/api/v1/eps/" + operation.apiName(), JsonMirror.toJson(request)));
    }

    @Override
    public ReaderSettings readerSettings() {
        JsonNode r = CentralServiceHttp.json(http.get("/api/v1/eps/reader-settings"));
        return new ReaderSettings(r.path("ePrescription").asString("0"), r.path("selectionTiming").asString("1"),
                r.path("readerAsks").asBoolean(false));
    }
}
