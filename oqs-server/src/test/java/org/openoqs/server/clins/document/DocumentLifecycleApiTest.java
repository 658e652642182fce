package org.openoqs.server.clins.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.ConsentRules;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.population.Personas;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * The sender's 登録 / 変更 / 取消 / 取消UNDO and the destination's inbox over real mTLS (docs/clins.md "Documents"):
 * until the patient consents the destination sees only that a document waits; after consent (verbal at the sender,
 * or 電子カルテ情報 consent at the destination's reader) it reads and receives it; every state that does not allow
 * an action gets its own refusal, and every action and refusal is audited.
 */
class DocumentLifecycleApiTest {

    private static final SharedServer SHARED = SharedServer.get();
    static String sender;
    static String destination;
    static String switchedOff;
    static String unrelated;
    static String verbalDestination;
    static HttpClient verbalDestinationClient;
    static HttpClient senderClient;
    static HttpClient destinationClient;
    static HttpClient offClient;
    static HttpClient unrelatedClient;

    @BeforeAll
    static void facilities() {
        sender = CheckDigit.complete("13189" + "5105");
        destination = CheckDigit.complete("13189" + "6106");
        switchedOff = CheckDigit.complete("13189" + "7107");
        unrelated = CheckDigit.complete("13189" + "8108");
        verbalDestination = CheckDigit.complete("13189" + "9109");
        DocumentFacilities.usingTheService(SHARED, verbalDestination, "文書 口頭同意先病院");
        verbalDestinationClient = SHARED.pki().client(SHARED.pki().issueFacility(verbalDestination));
        SHARED.server().facilities().create(sender, "文書 紹介元医院");
        SHARED.server().facilities().create(unrelated, "文書 無関係医院");
        DocumentFacilities.usingTheService(SHARED, destination, "文書 紹介先病院");
        DocumentFacilities.notUsingTheService(SHARED, switchedOff, "文書 未利用病院");
        senderClient = SHARED.pki().client(SHARED.pki().issueFacility(sender));
        destinationClient = SHARED.pki().client(SHARED.pki().issueFacility(destination));
        offClient = SHARED.pki().client(SHARED.pki().issueFacility(switchedOff));
        unrelatedClient = SHARED.pki().client(SHARED.pki().issueFacility(unrelated));
    }

    /** The corpus referral, sent by {@link #sender} to {@code to} under its own local id. */
    static byte[] referral(String file, String localId, String to) {
        return DocumentCorpus.text(file).replace(ExampleCorpus.DEMO_INSTITUTION_CODE, sender)
                .replace(DocumentCorpusApiTest.HOSPITAL, to).replace("^2026^ref-suzuki\"", "^2026^" + localId + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String id(String localId) {
        return sender + "^2026^" + localId;
    }

    @Test
    void theDestinationSeesOnlyAWaitingDocumentUntilThePatientConsentsAtItsReader() throws Exception {
        Api.Response registered = DocumentHttp.register(senderClient, SHARED.base(),
                referral("referral-with-discharge-summary.json", "consent-at-reader", destination), false);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        String waiting = inboxEntry("consent-at-reader");
        assertThat(waiting).contains("\"consent\":\"PENDING\"").contains("\"kindName\":\"診療情報提供書\"")
                .contains("\"sender\":\"" + sender + "\"").doesNotContain("鈴木").doesNotContain("dischargeSummary");
        Api.Response early = DocumentHttp.read(destinationClient, SHARED.base(), id("consent-at-reader"));
        assertThat(early.status()).isEqualTo(403);
        assertThat(DocumentHttp.codes(early)).isEqualTo("OQSP5004");
        assertThat(early.body()).contains("閲覧同意がない").doesNotContain("紹介目的").doesNotContain("肺炎");
        assertThat(DocumentHttp.codes(DocumentHttp.receive(destinationClient, SHARED.base(), id("consent-at-reader"))))
                .isEqualTo("OQSP5004");
        assertThat(lastAudit(destination, DocumentInbox.ACTION).outcome()).isEqualTo("REFUSED OQSP5004");

        consentAtTheReader(destination, "kokuho");

        assertThat(inboxEntry("consent-at-reader")).contains("\"consent\":\"GIVEN\"").contains("鈴木　一郎")
                .contains("\"dischargeSummary\":true");
        Api.Response read = DocumentHttp.read(destinationClient, SHARED.base(), id("consent-at-reader"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/fhir+json");
        assertThat(read.body()).contains("紹介目的").contains("退院時サマリー").contains("JP_Bundle_eDischargeSummary");
        assertThat(lastAudit(destination, DocumentInbox.ACTION).outcome()).isEqualTo("READ version=1");
        Api.Response receipt = DocumentHttp.receive(destinationClient, SHARED.base(), id("consent-at-reader"));
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body()).contains("receivedAt");

        // received: the sender can no longer take it back or change it
        assertThat(DocumentHttp.codes(DocumentHttp.cancel(senderClient, SHARED.base(), id("consent-at-reader"))))
                .isEqualTo("OQSF5034");
        assertThat(DocumentHttp.codes(DocumentHttp.change(senderClient, SHARED.base(), id("consent-at-reader"),
                referral("referral-with-discharge-summary-v2.json", "consent-at-reader", destination)))).isEqualTo("OQSF5034");
        assertThat(DocumentHttp.get(senderClient, SHARED.base(), DocumentHttp.DOCUMENTS).body())
                .contains(id("consent-at-reader")).contains("\"receivedAt\":\"");
    }

    @Test
    void aVerbalConsentSentWithTheDocumentOpensItAtOnce() throws Exception {
        // a destination where the patient never consented at the reader: only the flag can open it
        byte[] verbal = DocumentCorpus.text("referral-only.json").replace(ExampleCorpus.DEMO_INSTITUTION_CODE, sender)
                .replace(DocumentCorpusApiTest.HOSPITAL, verbalDestination)
                .replace("^2026^ref-suzuki-plain\"", "^2026^verbal\"").getBytes(StandardCharsets.UTF_8);
        Api.Response r = DocumentHttp.register(senderClient, SHARED.base(), verbal, true);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"verbalConsent\":true");
        Api.Response read = DocumentHttp.read(verbalDestinationClient, SHARED.base(), id("verbal"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("2型糖尿病").contains("紹介目的");
        assertThat(lastAudit(sender, DocumentService.ACTION).outcome()).contains("verbalConsent=true");
    }

    @Test
    void cancelUndoAndChangeEachRefuseWhatTheStateDoesNotAllow() throws Exception {
        String doc = id("lifecycle");
        byte[] v1 = referral("referral-with-discharge-summary.json", "lifecycle", destination);
        byte[] v2 = referral("referral-with-discharge-summary-v2.json", "lifecycle", destination);
        assertThat(DocumentHttp.register(senderClient, SHARED.base(), v1, false).status()).isEqualTo(201);
        Api.Response again = DocumentHttp.register(senderClient, SHARED.base(), v1, false);
        assertThat(again.status()).isEqualTo(409);
        assertThat(DocumentHttp.codes(again)).isEqualTo("OQSF5031");

        Api.Response foreign = DocumentHttp.cancel(unrelatedClient, SHARED.base(), doc);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(DocumentHttp.codes(foreign)).isEqualTo("OQSF5030");
        assertThat(DocumentHttp.codes(DocumentHttp.undo(senderClient, SHARED.base(), doc))).isEqualTo("OQSF5033");

        Api.Response cancelled = DocumentHttp.cancel(senderClient, SHARED.base(), doc);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"status\":\"CANCELLED\"");
        assertThat(DocumentHttp.get(destinationClient, SHARED.base(), DocumentHttp.INBOX).body()).doesNotContain(doc);
        Api.Response gone = DocumentHttp.read(destinationClient, SHARED.base(), doc);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(DocumentHttp.codes(gone)).isEqualTo("OQSP5005");
        assertThat(DocumentHttp.codes(DocumentHttp.cancel(senderClient, SHARED.base(), doc))).isEqualTo("OQSF5032");
        assertThat(DocumentHttp.codes(DocumentHttp.change(senderClient, SHARED.base(), doc, v2))).isEqualTo("OQSF5032");

        Api.Response undone = DocumentHttp.undo(senderClient, SHARED.base(), doc);
        assertThat(undone.status()).isEqualTo(200);
        assertThat(undone.body()).contains("\"status\":\"ACTIVE\"");
        assertThat(DocumentHttp.get(destinationClient, SHARED.base(), DocumentHttp.INBOX).body()).contains(doc);

        Api.Response mismatch = DocumentHttp.change(senderClient, SHARED.base(), id("another"), v2);
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(DocumentHttp.codes(mismatch)).isEqualTo("OQSF5036");
        assertThat(lastAudit(sender, DocumentService.ACTION).outcome()).isEqualTo("REFUSED OQSF5036");
        Api.Response elsewhere = DocumentHttp.change(senderClient, SHARED.base(), doc,
                referral("referral-with-discharge-summary-v2.json", "lifecycle", verbalDestination));
        assertThat(DocumentHttp.issues(elsewhere)).containsExactly("OQSF5035@Bundle.entry[5].resource.identifier[0].value");
        Api.Response changed = DocumentHttp.change(senderClient, SHARED.base(), doc, v2);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"version\":\"2\"").contains("\"changedAt\":\"");

        List<String> outcomes = SHARED.server().auditLog().recent(sender, 50).stream()
                .filter(e -> e.action().equals(DocumentService.ACTION) && e.subject().startsWith("document=" + doc))
                .map(AuditEvent::outcome).toList();
        assertThat(outcomes).contains("CANCELLED", "UNDONE", "REFUSED OQSF5032", "REFUSED OQSF5033", "REFUSED OQSF5035")
                .anyMatch(o -> o.startsWith("REGISTERED kind=REFERRAL to=" + destination + " dischargeSummary=true"))
                .anyMatch(o -> o.startsWith("CHANGED version=2"));
    }

    @Test
    void aDestinationThatDoesNotUseTheServiceIsRefusedAndTheSenderCanAskFirst() throws Exception {
        Api.Response r = DocumentHttp.register(senderClient, SHARED.base(),
                referral("referral-with-discharge-summary.json", "to-switched-off", switchedOff), false);
        assertThat(r.status()).isEqualTo(422);
        assertThat(DocumentHttp.issues(r)).containsExactly("OQSF5028@Bundle.entry[5].resource.identifier[0].value");

        assertThat(DocumentHttp.get(senderClient, SHARED.base(), "api/v1/clins/facilities/" + destination).body())
                .contains("\"registered\":true").contains("\"usesService\":true");
        assertThat(DocumentHttp.get(senderClient, SHARED.base(), "api/v1/clins/facilities/" + switchedOff).body())
                .contains("\"registered\":true").contains("\"usesService\":false");
        assertThat(DocumentHttp.get(senderClient, SHARED.base(), "api/v1/clins/facilities/1319990016").body())
                .contains("\"registered\":false").contains("\"usesService\":false");
        Api.Response bad = DocumentHttp.get(senderClient, SHARED.base(), "api/v1/clins/facilities/12ab");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(DocumentHttp.codes(bad)).isEqualTo("OQSF5037");
        assertThat(lastAudit(sender, DocumentService.ACTION).outcome()).isEqualTo("REFUSED OQSF5037");

        Api.Response inbox = DocumentHttp.get(offClient, SHARED.base(), DocumentHttp.INBOX);
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).isEqualTo("[]");
        Api.Response read = DocumentHttp.read(offClient, SHARED.base(), id("lifecycle"));
        assertThat(read.status()).isEqualTo(403);
        assertThat(DocumentHttp.codes(read)).isEqualTo("OQSP4001");
    }

    @Test
    void theRequestFilesListAndFetchWithTheirResultCodes() throws Exception {
        byte[] doc = DocumentCorpus.text("referral-only.json").replace(ExampleCorpus.DEMO_INSTITUTION_CODE, sender)
                .replace(DocumentCorpusApiTest.HOSPITAL, verbalDestination)
                .replace("^2026^ref-suzuki-plain\"", "^2026^by-file\"").getBytes(StandardCharsets.UTF_8);
        assertThat(DocumentHttp.register(senderClient, SHARED.base(), doc, true).status()).isEqualTo(201);

        String list = requestFile(verbalDestinationClient, "list-request", verbalDestination, "list-1", "");
        assertThat(list).contains("\"ResultCode\":\"1\"").contains(id("by-file")).contains("\"ConsentStatus\":\"1\"")
                .contains("鈴木　一郎").contains("\"DocumentKindName\":\"診療情報提供書\"");

        String kept = requestFile(verbalDestinationClient, "fetch-request", verbalDestination, "get-1",
                "<DocumentIdentifier>" + id("by-file") + "</DocumentIdentifier><MarkReceived>0</MarkReceived>");
        assertThat(kept).contains("\"ResultCode\":\"1\"").contains("\"Received\":\"0\"").contains("FhirBundle")
                .contains("紹介目的");
        String fetched = requestFile(verbalDestinationClient, "fetch-request", verbalDestination, "get-2",
                "<DocumentIdentifier>" + id("by-file") + "</DocumentIdentifier>");
        assertThat(fetched).contains("\"Received\":\"1\"");

        assertThat(requestFile(verbalDestinationClient, "fetch-request", verbalDestination, "get-3",
                "<DocumentIdentifier>not-an-identifier</DocumentIdentifier>")).contains("\"ResultCode\":\"2\"")
                .contains("OQSP5006");
        assertThat(lastAudit(verbalDestination, DocumentInbox.ACTION).outcome()).isEqualTo("REFUSED OQSP5006");
        assertThat(requestFile(verbalDestinationClient, "fetch-request", verbalDestination, "get-4",
                "<DocumentIdentifier>" + id("lifecycle-elsewhere") + "</DocumentIdentifier>")).contains("OQSP5005");
        assertThat(requestFile(verbalDestinationClient, "list-request", destination, "list-2", ""))
                .as("a request naming another facility").contains("OQSF1204");
    }

    private static String requestFile(HttpClient client, String endpoint, String facility, String fileId, String body)
            throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>" + facility
                + "</MedicalInstitutionCode><ArbitraryFileIdentifier>" + fileId + "</ArbitraryFileIdentifier>"
                + "</MessageHeader><MessageBody>" + body + "</MessageBody></XmlMsg>";
        String json = org.openoqs.core.xml.JsonMirror.toJson(new org.openoqs.core.xml.XmlDocumentReader()
                .read(xml.getBytes(StandardCharsets.UTF_8)));
        Api.Response r = Api.post(client, SHARED.base(), DocumentHttp.INBOX + "/" + endpoint, json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aBodyOver10MbIsRefusedWith413() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        Api.Response r = DocumentHttp.register(senderClient, SHARED.base(), big, false);
        assertThat(r.status()).isEqualTo(413);
        assertThat(DocumentHttp.codes(r)).isEqualTo("OQSF2004");
    }

    private static String inboxEntry(String localId) throws Exception {
        Api.Response inbox = DocumentHttp.get(destinationClient, SHARED.base(), DocumentHttp.INBOX);
        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        for (var entry : DocumentHttp.json(inbox)) {
            if (entry.path("identifier").asString().equals(id(localId))) {
                return entry.toString();
            }
        }
        throw new AssertionError("not in the inbox: " + id(localId) + " " + inbox.body());
    }

    static void consentAtTheReader(String facility, String persona) {
        LocalDateTime at = LocalDateTime.now(ServerConfig.TOKYO).truncatedTo(ChronoUnit.SECONDS).minusMinutes(5);
        SHARED.server().bean(ConsentService.class).record(List.of(new ConsentRecord(facility,
                Personas.byKey(persona).orElseThrow().person().personId(), ConsentCategory.CLINS,
                MedicalTreatmentFlag.OUTPATIENT, at, ConsentRules.availableUntil(MedicalTreatmentFlag.OUTPATIENT, at))),
                null, "face");
    }

    private static AuditEvent lastAudit(String facility, String action) {
        return SHARED.server().auditLog().recent(facility, 20).stream().filter(e -> e.action().equals(action))
                .findFirst().orElseThrow();
    }
}
