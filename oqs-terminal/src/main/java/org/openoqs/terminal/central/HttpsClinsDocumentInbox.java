package org.openoqs.terminal.central;

import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;

/** {@link ClinsDocumentInbox} over HTTPS with the facility's client certificate: JSON mirrors both ways. */
public final class HttpsClinsDocumentInbox implements ClinsDocumentInbox {

    private final CentralServiceHttp http;

    public HttpsClinsDocumentInbox(CentralServiceHttp http) {
        this.http = http;
    }

    @Override
    public XmlNode list(XmlNode request) {
        return CentralServiceHttp.tree(http.postJson("/api/v1/clins/inbox/list-request", JsonMirror.toJson(request)));
    }

    @Override
    public XmlNode fetch(XmlNode request) {
        return CentralServiceHttp.tree(http.postJson("/api/v1/clins/inbox/fetch-request", JsonMirror.toJson(request)));
    }

    @Override
    public XmlNode checkupReports(XmlNode request) {
        return CentralServiceHttp.tree(http.postJson("/api/v1/clins/checkup-reports", JsonMirror.toJson(request)));
    }
}
