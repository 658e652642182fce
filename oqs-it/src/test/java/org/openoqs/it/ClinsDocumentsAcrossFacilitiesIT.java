package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (documents) end to end through the real {@code oqs demo} process and its two facilities: the clinic sends
 * 山田 太郎's 診療情報提供書 with a 退院時サマリー attached to the hospital; the hospital's request files and API show
 * only that a document waits; the patient consents at the hospital's card reader; the hospital reads it through a
 * {@code CIPsidcg01req} file and the API; the clinic's 取消 makes it disappear and 取消UNDO brings it back; the hospital
 * then receives it; the audit trail, read from the stopped demo's database, holds every step.
 */
class ClinsDocumentsAcrossFacilitiesIT extends TwoFacilitiesDemo {

    private static final String CORPUS = "/org/openoqs/examples/clins-documents/";

    @Test
    void aReferralWaitsUntilConsentIsReadCancelledBroughtBackAndReceived() throws Exception {
        String clinicCode = props.getProperty("institution.code");
        String hospitalCode = props.getProperty("hospital.institution.code");
        String id = clinicCode + "^2026^ref-suzuki";
        HttpResponse<String> sent = clinicCall("POST", "/api/v1/clins/documents", referralForTaro());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(sent.body()).contains("\"dischargeSummary\":true").contains("\"destination\":\"" + hospitalCode + "\"");

        String waiting = hospitalFile("CIPsidcl01", "list-before", "");
        assertThat(waiting).contains("<ResultCode>1</ResultCode>", "<DocumentCount>1</DocumentCount>",
                "<DocumentIdentifier>" + id + "</DocumentIdentifier>", "<ConsentStatus>0</ConsentStatus>",
                "<SenderInstitutionCode>" + clinicCode + "</SenderInstitutionCode>").doesNotContain("山田");
        String closed = hospitalFile("CIPsidcg01", "get-before", "<DocumentIdentifier>" + id + "</DocumentIdentifier>");
        assertThat(closed).contains("<ResultCode>2</ResultCode>", "OQSP5004").doesNotContain("紹介目的");
        HttpResponse<String> apiClosed = hospitalCall("GET", "/api/v1/clins/inbox/" + encode(id));
        assertThat(apiClosed.statusCode()).isEqualTo(403);
        assertThat(hospitalCall("GET", "/api/v1/clins/inbox").body()).contains("\"consent\":\"PENDING\"")
                .doesNotContain("山田");

        DemoProcess.Completed consented = DemoProcess.run("reader", "confirm", "--home", home.toString(),
                "--facility", "hospital", "--card", TARO.cardOptional().orElseThrow().cardId(), "--method", "face",
                "--consent", "clins");
        assertThat(consented.exitCode()).as(consented.output()).isZero();

        assertThat(hospitalFile("CIPsidcl01", "list-after", "")).contains("<ConsentStatus>1</ConsentStatus>",
                "<PatientName>山田　太郎</PatientName>", "<DischargeSummaryAttached>1</DischargeSummaryAttached>");
        String read = hospitalFile("CIPsidcg01", "get-after", "<DocumentIdentifier>" + id
                + "</DocumentIdentifier><MarkReceived>0</MarkReceived>");
        assertThat(read).contains("<ResultCode>1</ResultCode>", "<Received>0</Received>", "紹介目的",
                "肺炎後の2型糖尿病の精査", "JP_Bundle_eDischargeSummary", "入院中経過");
        HttpResponse<String> apiRead = hospitalCall("GET", "/api/v1/clins/inbox/" + encode(id));
        assertThat(apiRead.statusCode()).isEqualTo(200);
        assertThat(apiRead.body()).contains("JP_Bundle_eReferral").contains("退院時サマリー");

        HttpResponse<String> cancelled = clinicCall("DELETE", "/api/v1/clins/documents/" + encode(id), null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(hospitalFile("CIPsidcl01", "list-cancelled", "")).contains("<DocumentCount>0</DocumentCount>")
                .doesNotContain(id);
        assertThat(hospitalFile("CIPsidcg01", "get-cancelled", "<DocumentIdentifier>" + id + "</DocumentIdentifier>"))
                .contains("OQSP5005");

        HttpResponse<String> undone = clinicCall("POST", "/api/v1/clins/documents/" + encode(id) + "/undo", "");
        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(hospitalFile("CIPsidcl01", "list-undone", "")).contains("<DocumentCount>1</DocumentCount>", id);
        assertThat(hospitalFile("CIPsidcg01", "get-received", "<DocumentIdentifier>" + id + "</DocumentIdentifier>"))
                .contains("<Received>1</Received>");
        HttpResponse<String> late = clinicCall("DELETE", "/api/v1/clins/documents/" + encode(id), null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("OQSF5034");

        stopDemo(); // the audit trail is read from the stopped demo's database
        assertThat(DemoFacilities.audited(home, "CLINS_DOCUMENT", clinicCode)).hasSize(4).satisfies(rows -> {
            assertThat(rows.get(0)).contains("REGISTERED kind=REFERRAL to=" + hospitalCode + " dischargeSummary=true");
            assertThat(rows.get(1)).endsWith("CANCELLED");
            assertThat(rows.get(2)).endsWith("UNDONE");
            assertThat(rows.get(3)).endsWith("REFUSED OQSF5034");
        });
        List<String> inbox = DemoFacilities.audited(home, "CLINS_DOCUMENT_INBOX", hospitalCode);
        assertThat(inbox).filteredOn(o -> o.endsWith("REFUSED OQSP5004")).hasSize(2);
        assertThat(inbox).filteredOn(o -> o.contains("READ version=1")).hasSize(3);
        assertThat(inbox).filteredOn(o -> o.endsWith("REFUSED OQSP5005")).hasSize(1);
        assertThat(inbox).filteredOn(o -> o.endsWith("RECEIVED")).hasSize(1);
    }

    /** The corpus referral (鈴木 一郎's) made 山田 太郎's, who has a card: his 被保険者個人識別子, name and birth date. */
    private static String referralForTaro() throws IOException {
        try (InputStream in = ClinsDocumentsAcrossFacilitiesIT.class.getResourceAsStream(
                CORPUS + "referral-with-discharge-summary.json")) {
            assertThat(in).isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("00199935:07:100234:00");
            return json.replace("00199935:07:100234:00", "06199905:1201:4501:00").replace("鈴木　一郎", "山田　太郎")
                    .replace("\"鈴木\"", "\"山田\"").replace("\"一郎\"", "\"太郎\"").replace("1972-11-30", "1985-04-12");
        }
    }

    /** The hospital's レセコン drops a document request file into its req folder and waits for the result. */
    private static String hospitalFile(String prefix, String id, String body) throws Exception {
        String request = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + props.getProperty("hospital.institution.code") + "</MedicalInstitutionCode><ArbitraryFileIdentifier>"
                + id + "</ArbitraryFileIdentifier></MessageHeader><MessageBody>" + body + "</MessageBody></XmlMsg>";
        Folders.drop(Path.of(props.getProperty("hospital.req.dir")), prefix + "req_" + id + ".xml",
                request.getBytes(StandardCharsets.UTF_8));
        Path res = Path.of(props.getProperty("hospital.res.dir")).resolve(prefix + "res_" + id + ".xml");
        return new String(Folders.awaitFile(res, Duration.ofSeconds(30)), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> clinicCall(String method, String path, String fhirJson) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(props.getProperty("api.url")).resolve(path))
                .timeout(Duration.ofSeconds(30));
        if (fhirJson == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/fhir+json").method(method, HttpRequest.BodyPublishers.ofString(fhirJson));
        }
        return clinic.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> hospitalCall(String method, String path) throws Exception {
        return hospital.send(HttpRequest.newBuilder(URI.create(props.getProperty("api.url")).resolve(path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String identifier) {
        return URLEncoder.encode(identifier, StandardCharsets.UTF_8);
    }
}
