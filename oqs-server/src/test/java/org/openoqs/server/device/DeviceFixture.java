package org.openoqs.server.device;

import java.net.http.HttpClient;
import java.util.List;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.testsupport.SharedServer;
import org.openoqs.server.web.PortalFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared service with facilities of their own for the device-session tests (so lockouts and disabled
 * accounts never touch another class's readers), each with a real client certificate for mutual TLS.
 */
final class DeviceFixture {

    final SharedServer shared = SharedServer.get();
    final PortalFixture portal = PortalFixture.get();

    /** A registered facility with its own client certificate. */
    record Facility(String code, IssuedCredential credential, HttpClient client) {

        AccountActor admin() {
            return new AccountActor(code, "A00001", AccountKind.ADMIN);
        }

        String certificateActor() {
            return "cert:" + credential.certificate().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        }
    }

    Facility newFacility(String name) {
        String code = portal.newFacility(name, false);
        IssuedCredential credential = shared.pki().issueFacility(code);
        return new Facility(code, credential, shared.pki().client(credential));
    }

    /** A facility registered by the portal fixture (its master and administrator sign in through MockMvc). */
    Facility facilityOf(String code) {
        IssuedCredential credential = shared.pki().issueFacility(code);
        return new Facility(code, credential, shared.pki().client(credential));
    }

    AccountService accounts() {
        return shared.server().bean(AccountService.class);
    }

    JdbcClient jdbc() {
        return shared.server().bean(JdbcClient.class);
    }

    long auditMark() {
        return shared.server().auditLog().size();
    }

    List<AuditEvent> auditSince(long mark, String action) {
        return shared.server().auditLog().read(mark, 10_000).stream().filter(e -> e.action().equals(action)).toList();
    }
}
