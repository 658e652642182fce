package org.openoqs.server.eps;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.codec.eps.EpsMessages;
import org.openoqs.core.codec.eps.PrescriptionDocuments;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.eps.InsuredPatient;
import org.openoqs.core.eps.Medication;
import org.openoqs.core.eps.PrescriptionDocument;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.pki.HealthcareRole;
import org.openoqs.pki.HpkiCertificateAuthority;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.PrescriptionSigner;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * Facilities of their own on the shared server (a fresh clinic or pharmacy per call, so test classes never see each
 * other's prescriptions), doctors from the server's HPKI test CA, and EPS calls through the real mTLS API.
 */
final class EpsFixture {

    static final String DOCTOR = "試験　一郎";
    static final LocalDate BIRTHDATE = LocalDate.of(1980, 5, 17);
    private static final AtomicInteger NEXT = new AtomicInteger(1000);

    final SharedServer shared = SharedServer.get();

    /** A new facility: {@code scoreTable} 1 (医科) or 4 (薬局), with its 電子処方箋 setting. */
    Facility facility(char scoreTable, EPrescriptionUse use) {
        int n = NEXT.incrementAndGet();
        String number = scoreTable == '4' ? String.valueOf(4000 + n % 1000) : String.valueOf(1000 + n % 1000);
        String code = CheckDigit.complete("13" + scoreTable + String.format("%02d", 20 + n / 1000 % 70) + number);
        shared.server().facilities().create(code, (scoreTable == '4' ? "テスト薬局 " : "テスト診療所 ") + code);
        shared.server().facilities().updateSettings(code,
                shared.server().facilities().get(code).settings().withEPrescription(use));
        return new Facility(code, shared.pki().client(shared.pki().issueFacility(code)));
    }

    record Facility(String code, HttpClient client) {
    }

    HpkiCertificateAuthority hpki() {
        return shared.server().bean(HpkiTrust.class).authority().orElseThrow();
    }

    IssuedCredential doctor() {
        return hpki().issueSignatureCertificate(DOCTOR, HealthcareRole.MEDICAL_DOCTOR);
    }

    static PrescriptionDocument document(String clinic, String identificationNumber, LocalDate issued) {
        return new PrescriptionDocument(clinic, "テスト診療所", DOCTOR, issued, null,
                new InsuredPatient("06139992", "記号１", identificationNumber, "00", "試験　花子", "ｼｹﾝ ﾊﾅｺ", BIRTHDATE, "2"),
                List.of(new Medication("620000001", "テスト錠10mg", "3", "錠", "1日3回毎食後", 7)), null);
    }

    static String signed(IssuedCredential signer, PrescriptionDocument document) {
        return Base64.getEncoder().encodeToString(PrescriptionSigner.of(signer).sign(PrescriptionDocuments.write(document)));
    }

    static XmlNode request(String institutionCode, XmlNode.Builder body) {
        return XmlNode.builder(EpsMessages.ROOT)
                .child(XmlNode.builder(EpsMessages.HEADER).leaf("MedicalInstitutionCode", institutionCode)
                        .leaf("ArbitraryFileIdentifier", "test-file-1").build())
                .child(body.build()).build();
    }

    static XmlNode.Builder body() {
        return XmlNode.builder(EpsMessages.BODY);
    }

    static XmlNode.Builder register(String signedInfo, PrescriptionIssueSelect type) {
        return body().leaf("PrescriptionInfo", signedInfo).leaf("IssueType", type.code());
    }

    static XmlNode.Builder byId(String id) {
        return body().leaf("PrescriptionId", id);
    }

    static XmlNode.Builder receive(String accessCode, LocalDate birthdate) {
        return body().leaf("AccessCode", accessCode).leaf("Birthdate", birthdate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
    }

    /** Posts the request; returns the result's body (asserting HTTP 200). */
    XmlNode call(Facility caller, EpsOperation operation, XmlNode.Builder body) {
        return callRaw(caller, operation, JsonMirror.toJson(request(caller.code(), body))).path(EpsMessages.BODY)
                .orElseThrow(() -> new AssertionError("no body in the result"));
    }

    /** Posts raw JSON; returns the whole result message (asserting HTTP 200). */
    XmlNode callRaw(Facility caller, EpsOperation operation, String json) {
        Api.Response r = post(caller, operation.apiName(), json);
        if (r.status() != 200) {
            throw new AssertionError("HTTP " + r.status() + ": " + r.body());
        }
        return JsonMirror.fromJson(r.body());
    }

    Api.Response post(Facility caller, String apiName, String json) {
        try {
            return Api.post(caller.client(), shared.base(), "api/v1/eps/" + apiName, json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(XmlNode node, String... path) {
        return node.path(path).map(XmlNode::text).orElse(null);
    }
}
