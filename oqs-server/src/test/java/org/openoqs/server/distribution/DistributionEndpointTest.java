package org.openoqs.server.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.pki.PackageSigner;
import org.openoqs.server.testsupport.SharedServer;

/** Connection check, 配信記録, version reports and package download over the terminal API. */
class DistributionEndpointTest {
    static final String FACILITY = "1313810721";
    static SharedServer shared;
    static HttpClient client;
    static byte[] packageBytes = "zip bytes of a distribution package".getBytes();

    @BeforeAll
    static void facilityAndPackages() throws Exception {
        shared = SharedServer.get();
        shared.server().facilities().create(FACILITY, "配信テスト診療所");
        client = shared.pki().client(shared.pki().issueFacility(FACILITY));
        PackageRepository repository = shared.server().bean(PackageRepository.class);
        Path file = Files.createTempFile("pkg", ".zip");
        Files.write(file, packageBytes);
        PackageSigner signer = PackageSigner.of(shared.pki().ca().issueCodeSigningCertificate("配信テスト"));
        repository.publish(new PackageCoordinates("endpoint-test", "1.9.0"), file, signer.sign(file));
        repository.publish(new PackageCoordinates("endpoint-test", "1.10.0"), file, signer.sign(file));
        repository.publish(new PackageCoordinates("endpoint-unsigned", "1.0.0"), file, null);
    }

    @Test
    void connectionCheckAnswersConnectedForTheCallersFacility() throws Exception {
        Calls.Reply reply = Calls.get(client, shared.base(), "api/v1/distribution/connection");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("result").asString()).isEqualTo("接続成功");
        assertThat(reply.json().get("institutionCode").asString()).isEqualTo(FACILITY);
    }

    @Test
    void registrationRecordsInstitutionCodeComputerNameAndCertificate() throws Exception {
        Calls.Reply reply = Calls.post(client, shared.base(), "api/v1/distribution/terminals",
                Map.of("computerName", "UKETSUKE-PC1", "agentVersion", "0.1.0"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("institutionCode").asString()).isEqualTo(FACILITY);
        assertThat(reply.json().get("computerName").asString()).isEqualTo("UKETSUKE-PC1");
        assertThat(reply.json().get("certificateSerial").asString()).isNotBlank();
        Calls.Reply list = Calls.get(client, shared.base(), "api/v1/distribution/terminals");
        assertThat(list.json().get(0).get("computerName").asString()).isEqualTo("UKETSUKE-PC1");
        assertThat(Calls.get(shared.demoClient(), shared.base(), "api/v1/distribution/terminals").text())
                .as("another facility never sees it").doesNotContain("UKETSUKE-PC1");
    }

    @Test
    void versionReportIsStoredPerComponentAndNeedsARegistration() throws Exception {
        Calls.post(client, shared.base(), "api/v1/distribution/terminals",
                Map.of("computerName", "SHINSATSU-PC", "agentVersion", "0.1.0"));

        Calls.Reply reply = Calls.put(client, shared.base(), "api/v1/distribution/terminals/SHINSATSU-PC/versions",
                Map.of("versions", List.of(Map.of("component", "oqs-terminal", "version", "1.2.0",
                        "previousVersion", "1.1.0"))));
        Calls.Reply unregistered = Calls.put(client, shared.base(), "api/v1/distribution/terminals/NOBODY/versions",
                Map.of("versions", List.of()));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("versions").get(0).get("version").asString()).isEqualTo("1.2.0");
        assertThat(reply.json().get("versions").get(0).get("previousVersion").asString()).isEqualTo("1.1.0");
        assertThat(unregistered.status()).isEqualTo(400);
        assertThat(unregistered.json().get("errorCode").asString()).isEqualTo("OQSF9202");
    }

    @Test
    void malformedComputerNameGetsTheDistributionRequestCode() throws Exception {
        Calls.Reply reply = Calls.post(client, shared.base(), "api/v1/distribution/terminals",
                Map.of("computerName", "受付 PC", "agentVersion", "0.1.0"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errorCode").asString()).isEqualTo("OQSF9202");
        assertThat(reply.json().get("message").asString()).contains("コンピューター名");
    }

    @Test
    void packagesAreListedWithHashAndServedWithTheirSignature() throws Exception {
        Calls.Reply list = Calls.get(client, shared.base(), "api/v1/distribution/packages");
        Calls.Reply content = Calls.get(client, shared.base(), "api/v1/distribution/packages/endpoint-test/1.10.0");
        Calls.Reply signature = Calls.get(client, shared.base(),
                "api/v1/distribution/packages/endpoint-test/1.10.0/signature");

        assertThat(list.text()).contains("\"version\":\"1.9.0\"").contains("\"version\":\"1.10.0\"");
        assertThat(list.text().indexOf("1.9.0")).as("numeric order").isLessThan(list.text().indexOf("1.10.0"));
        assertThat(list.text()).contains(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(packageBytes)));
        assertThat(content.body()).isEqualTo(packageBytes);
        assertThat(signature.status()).isEqualTo(200);
        assertThat(signature.body().length).isGreaterThan(300);
    }

    @Test
    void unknownPackageAndMissingSignatureAreNotFound() throws Exception {
        Calls.Reply unknown = Calls.get(client, shared.base(), "api/v1/distribution/packages/endpoint-test/9.9.9");
        Calls.Reply unsigned = Calls.get(client, shared.base(),
                "api/v1/distribution/packages/endpoint-unsigned/1.0.0/signature");
        Calls.Reply traversal = Calls.get(client, shared.base(), "api/v1/distribution/packages/..%2F..%2Fca/1.0.0");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("errorCode").asString()).isEqualTo("OQSF9201");
        assertThat(unsigned.status()).isEqualTo(404);
        assertThat(traversal.status()).isIn(400, 404);
    }
}
