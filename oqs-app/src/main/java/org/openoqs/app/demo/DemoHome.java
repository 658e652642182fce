package org.openoqs.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder layout of a demo home. Everything the demo owns lives under one directory, so a second start on
 * the same home finds its CA, database, certificates and exchange folders again.
 *
 * <pre>
 * DIR/demo.properties      what a レセコン or test needs to talk to the demo (written when ready)
 * DIR/secrets.properties   generated passwords (owner-only permissions)
 * DIR/ca/                  the project CA (certificates, CRL)
 * DIR/server/              the central service's TLS key store and trust store
 * DIR/db/                  the embedded H2 database
 * DIR/OQS/req, res, face   the exchange folders shared with the レセコン
 * DIR/terminal/            the terminal's certificate, trust store and work folder (never shared)
 * DIR/OQS-hospital/…, DIR/terminal-hospital/  the same for the demo hospital ({@link DemoFacility#HOSPITAL})
 * DIR/office/office.p12    the demo issuing office's certificate (oqs card unlock / status), not the terminal's
 * DIR/operator/operator.p12  the central service operator's certificate (oqs notice publish / list / withdraw)
 * </pre>
 */
public record DemoHome(Path root) {

    public DemoHome {
        root = root.toAbsolutePath().normalize();
    }

    public Path demoProperties() {
        return root.resolve("demo.properties");
    }

    public Path secrets() {
        return root.resolve("secrets.properties");
    }

    public Path caDirectory() {
        return root.resolve("ca");
    }

    public Path serverDirectory() {
        return root.resolve("server");
    }

    public Path serverKeyStore() {
        return serverDirectory().resolve("server.p12");
    }

    public Path serverTrustStore() {
        return serverDirectory().resolve("trust.p12");
    }

    public Path exchangeRoot() {
        return root.resolve("OQS");
    }

    public Path reqDirectory() {
        return exchangeRoot().resolve("req");
    }

    public Path resDirectory() {
        return exchangeRoot().resolve("res");
    }

    public Path faceDirectory() {
        return exchangeRoot().resolve("face");
    }

    public Path terminalDirectory() {
        return root.resolve("terminal");
    }

    public Path terminalWorkDirectory() {
        return terminalDirectory().resolve("work");
    }

    public Path clientPkcs12() {
        return terminalDirectory().resolve("client.p12");
    }

    public Path terminalTrustStore() {
        return terminalDirectory().resolve("trust.p12");
    }

    // The clinic's folders keep the places they had before the demo had a second facility; the hospital's are
    // OQS-hospital/{req,res,face} and terminal-hospital/.

    public Path exchangeRoot(DemoFacility f) {
        return f.equals(DemoFacility.CLINIC) ? exchangeRoot() : root.resolve("OQS-" + f.key());
    }

    public Path reqDirectory(DemoFacility f) {
        return exchangeRoot(f).resolve("req");
    }

    public Path resDirectory(DemoFacility f) {
        return exchangeRoot(f).resolve("res");
    }

    public Path faceDirectory(DemoFacility f) {
        return exchangeRoot(f).resolve("face");
    }

    public Path terminalDirectory(DemoFacility f) {
        return f.equals(DemoFacility.CLINIC) ? terminalDirectory() : root.resolve("terminal-" + f.key());
    }

    public Path terminalWorkDirectory(DemoFacility f) {
        return terminalDirectory(f).resolve("work");
    }

    public Path clientPkcs12(DemoFacility f) {
        return terminalDirectory(f).resolve("client.p12");
    }

    public Path terminalTrustStore(DemoFacility f) {
        return terminalDirectory(f).resolve("trust.p12");
    }

    /** The demo issuing office (個人番号カード交付窓口): a party of its own, so not under the terminal. */
    public Path officeDirectory() {
        return root.resolve("office");
    }

    public Path officePkcs12() {
        return officeDirectory().resolve("office.p12");
    }

    /** The central service's operator (お知らせ): a party of its own, like the office. */
    public Path operatorDirectory() {
        return root.resolve("operator");
    }

    public Path operatorPkcs12() {
        return operatorDirectory().resolve("operator.p12");
    }

    /** Creates every folder of the layout (idempotent). */
    public DemoHome create() throws IOException {
        for (Path dir : new Path[] {root, caDirectory(), serverDirectory()}) {
            Files.createDirectories(dir);
        }
        for (DemoFacility f : DemoFacility.ALL) {
            for (Path dir : new Path[] {reqDirectory(f), resDirectory(f), faceDirectory(f), terminalWorkDirectory(f)}) {
                Files.createDirectories(dir);
            }
        }
        return this;
    }
}
