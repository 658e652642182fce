package org.openoqs.app.doctor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.openoqs.pki.IssuedCredential;

/** The shared live terminal for test classes of other packages. */
public final class LiveTerminalAccess {
    private LiveTerminalAccess() {
    }

    public static IssuedCredential issueFacility() {
        return LiveTerminal.get().ca.issueFacilityCertificate(LiveTerminal.CODE, "ライブ診療所");
    }

    /** A facility certificate ending in {@code validity} (renewal opens 90 days before the end). */
    public static IssuedCredential issueFacility(java.time.Duration validity) {
        return LiveTerminal.get().ca.issueFacilityCertificate(LiveTerminal.CODE, "ライブ診療所", validity);
    }

    public static Path terminalHome(String name, IssuedCredential credential) throws IOException {
        return LiveTerminal.get().terminalHome(name, credential);
    }

    public static URI serviceUri() {
        return LiveTerminal.get().server.baseUri();
    }

    public static char[] password() {
        return LiveTerminal.PASSWORD.clone();
    }

    public static void revoke(IssuedCredential credential) {
        LiveTerminal.get().ca.revoke(credential.certificate().getSerialNumber(), "superseded");
    }
}
