package org.openoqs.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.openoqs.pki.TrustStores;

/** The demo facility's client certificate and the demo CA, as {@code demo.properties} names them, ready for TLS. */
final class DemoCredentials {

    private DemoCredentials() {
    }

    static SSLContext clientTls(Properties demo) throws IOException {
        char[] password = demo.getProperty("client.p12.password").toCharArray();
        KeyStore keys = TrustStores.loadPkcs12(Path.of(demo.getProperty("client.p12")), password);
        KeyStore trust = TrustStores.trustStoreOf(caCertificate(Path.of(demo.getProperty("ca.pem"))));
        return TrustStores.clientContext(keys, password, trust);
    }

    private static X509Certificate caCertificate(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the demo CA certificate " + pem, e);
        }
    }
}
