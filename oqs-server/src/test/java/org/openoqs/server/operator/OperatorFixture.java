package org.openoqs.server.operator;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.testsupport.SharedServer;

/** The shared service and an operator certificate of the same CA, talking real mutual TLS. */
final class OperatorFixture {

    final SharedServer shared = SharedServer.get();
    final IssuedCredential operatorCredential = shared.pki().ca().issueOperatorCertificate("ops-test");
    final HttpClient operator = shared.pki().client(operatorCredential);

    long auditMark() {
        return shared.server().auditLog().size();
    }

    List<AuditEvent> auditSince(long mark, String action) {
        return shared.server().auditLog().read(mark, 10_000).stream().filter(e -> e.action().equals(action)).toList();
    }

    String operatorActor() {
        return "operator:ops-test cert:"
                + operatorCredential.certificate().getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    /** A JSON string literal (the tests' titles and bodies hold no quotes or backslashes, but be safe). */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
