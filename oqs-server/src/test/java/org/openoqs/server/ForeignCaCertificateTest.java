package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.TrustStores;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;
import org.openoqs.server.testsupport.TestPki;

/**
 * A certificate from another CA — even one naming a registered facility — gets no answer. A client that
 * presents it anyway fails the TLS handshake; a client that honours the server's list of acceptable CAs
 * presents nothing and gets 401.
 */
class ForeignCaCertificateTest {

    @TempDir
    static Path dir;
    private static SharedServer shared;
    private static IssuedCredential impostor;

    @BeforeAll
    static void issueFromAForeignCa() {
        shared = SharedServer.get();
        CertificateAuthority foreign = CertificateAuthority.initOrLoad(dir.resolve("foreign-ca"), "someone else's CA");
        impostor = foreign.issueFacilityCertificate(SharedServer.DEMO_CODE, "なりすまし医院");
    }

    private static String request() {
        return Api.inquiryJson(SharedServer.DEMO_CODE, PersonaCorpus.CONFIRMATION_DATE, "foreign",
                Personas.all().get(0).inquiry());
    }

    @Test
    void presentingItFailsTheHandshake() throws Exception {
        HttpClient client = TestPki.httpClient(alwaysPresenting(impostor));

        assertThatThrownBy(() -> Api.post(client, shared.base(), Api.INQUIRY, request()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aClientThatHoldsItBackIsUnauthorized() throws Exception {
        Path p12 = dir.resolve("impostor.p12");
        impostor.writePkcs12(p12, "client", TestPki.PASSWORD);
        HttpClient client = TestPki.httpClient(TrustStores.clientContext(p12, TestPki.PASSWORD,
                shared.pki().trustStore(), TestPki.PASSWORD));

        Api.Response r = Api.post(client, shared.base(), Api.INQUIRY, request());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9002");
    }

    /** A TLS client that sends its certificate whatever CAs the server says it accepts. */
    private static SSLContext alwaysPresenting(IssuedCredential credential) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(credential.toKeyStore("client", TestPki.PASSWORD), TestPki.PASSWORD);
        X509ExtendedKeyManager delegate = (X509ExtendedKeyManager) kmf.getKeyManagers()[0];
        X509ExtendedKeyManager insistent = new X509ExtendedKeyManager() {
            @Override
            public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                return "client";
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return "client";
            }

            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {"client"};
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return delegate.getCertificateChain(alias);
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return delegate.getPrivateKey(alias);
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }
        };
        KeyStore trust = TrustStores.loadPkcs12(shared.pki().trustStore(), TestPki.PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {insistent}, tmf.getTrustManagers(), new SecureRandom());
        return context;
    }
}
