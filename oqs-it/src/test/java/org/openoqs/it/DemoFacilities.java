package org.openoqs.it;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.openoqs.pki.TrustStores;

/** The demo's facilities as a test reaches them: their mutual-TLS clients, and their audit rows after the demo stopped. */
final class DemoFacilities {

    private DemoFacilities() {
    }

    /** A facility's mutual-TLS client from demo.properties ({@code prefix} "" for the clinic, "hospital." else). */
    static HttpClient client(Properties props, String prefix) throws Exception {
        char[] password = props.getProperty(prefix + "client.p12.password").toCharArray();
        X509Certificate ca;
        try (InputStream in = Files.newInputStream(Path.of(props.getProperty("ca.pem")))) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        SSLContext tls = TrustStores.clientContext(TrustStores.loadPkcs12(Path.of(props.getProperty(prefix + "client.p12")),
                password), password, TrustStores.trustStoreOf(ca));
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** "subject outcome" of one action of one facility, in order, read from the stopped demo's H2 database. */
    static List<String> audited(Path home, String action, String facility) throws Exception {
        String url = "jdbc:h2:file:" + home.resolve("server").resolve("db").resolve("oqs")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r";
        List<String> outcomes = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                PreparedStatement select = db.prepareStatement(
                        "select subject, outcome from audit_event where action = ? and facility = ? order by id")) {
            select.setString(1, action);
            select.setString(2, facility);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    outcomes.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
        }
        return outcomes;
    }
}
