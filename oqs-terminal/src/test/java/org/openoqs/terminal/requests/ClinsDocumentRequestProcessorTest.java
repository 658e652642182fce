package org.openoqs.terminal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.central.ClinsDocumentInbox;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;

/**
 * The terminal's side of the document request files (docs/clins.md "Documents"): the request goes to the inbox as its
 * tree, the answer is written under {@code <prefix>res_<id>.xml}; what the terminal itself must refuse (unreadable
 * file, a service that refuses the certificate) is a file-level error. The service's answers themselves are tested
 * on the real server (DocumentLifecycleApiTest) and end to end (ClinsDocumentsAcrossFacilitiesIT).
 */
class ClinsDocumentRequestProcessorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T01:00:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final XmlDocumentReader READER = new XmlDocumentReader();
    private static final ErrorResultWriter RESULTS = new ErrorResultWriter("0113820013", () -> CharacterCode.UTF_8,
            CLOCK, READER);

    /** Answers with a one-element result naming the call, and keeps each request tree. */
    static final class AnsweringInbox implements ClinsDocumentInbox {
        final List<XmlNode> requests = new ArrayList<>();
        RuntimeException failure;

        @Override
        public XmlNode list(XmlNode request) {
            return answer("list", request);
        }

        @Override
        public XmlNode fetch(XmlNode request) {
            return answer("fetch", request);
        }

        @Override
        public XmlNode checkupReports(XmlNode request) {
            return answer("checkupReports", request);
        }

        private XmlNode answer(String call, XmlNode request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            return XmlNode.element("XmlMsg", XmlNode.builder("MessageHeader").leaf("ResultCode", "1")
                    .leaf("CharacterCodeIdentifier", "0").build(), XmlNode.builder("MessageBody").leaf("Call", call).build());
        }
    }

    private static final String FETCH = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader>"
            + "<MedicalInstitutionCode>0113820013</MedicalInstitutionCode><ArbitraryFileIdentifier>doc-1"
            + "</ArbitraryFileIdentifier></MessageHeader><MessageBody><DocumentIdentifier>0113810014^2026^ref-suzuki"
            + "</DocumentIdentifier></MessageBody></XmlMsg>";

    @Test
    void aFetchGoesToTheInboxAsItsTreeAndItsAnswerIsTheResultFile() {
        AnsweringInbox inbox = new AnsweringInbox();
        ProcessedResult r = new ClinsDocumentRequestProcessor(RequestType.CLINS_DOCUMENT_FETCH, inbox, READER, RESULTS)
                .process(new RequestFile("CIPsidcg01req_doc-1.xml", FETCH.getBytes(StandardCharsets.UTF_8)));

        assertThat(r.resultFileName()).isEqualTo("CIPsidcg01res_doc-1.xml");
        assertThat(new String(r.content(), StandardCharsets.UTF_8)).contains("<Call>fetch</Call>");
        assertThat(inbox.requests).singleElement().satisfies(t -> assertThat(t.path("MessageBody", "DocumentIdentifier")
                .map(XmlNode::text)).contains("0113810014^2026^ref-suzuki"));
    }

    @Test
    void aListGoesToTheListCall() {
        AnsweringInbox inbox = new AnsweringInbox();
        ProcessedResult r = new ClinsDocumentRequestProcessor(RequestType.CLINS_DOCUMENT_LIST, inbox, READER, RESULTS)
                .process(new RequestFile("CIPsidcl01req_all.xml", FETCH.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.resultFileName()).isEqualTo("CIPsidcl01res_all.xml");
        assertThat(new String(r.content(), StandardCharsets.UTF_8)).contains("<Call>list</Call>");
    }

    @Test
    void aCheckupReportRequestGoesToItsOwnCall() {
        AnsweringInbox inbox = new AnsweringInbox();
        ProcessedResult r = new ClinsDocumentRequestProcessor(RequestType.CLINS_CHECKUP_REPORTS, inbox, READER, RESULTS)
                .process(new RequestFile("CIPsickr01req_ck-1.xml", FETCH.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.resultFileName()).isEqualTo("CIPsickr01res_ck-1.xml");
        assertThat(new String(r.content(), StandardCharsets.UTF_8)).contains("<Call>checkupReports</Call>");
        assertThat(inbox.requests).hasSize(1);
    }

    @Test
    void anUnreadableFileIsAFileLevelErrorAndNeverReachesTheService() {
        AnsweringInbox inbox = new AnsweringInbox();
        ProcessedResult r = new ClinsDocumentRequestProcessor(RequestType.CLINS_DOCUMENT_FETCH, inbox, READER, RESULTS)
                .process(new RequestFile("CIPsidcg01req_bad.xml", "<XmlMsg><MessageHeader>".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.resultFileName()).isEqualTo("CIPsidcg01res_bad.xml");
        assertThat(new String(r.content(), StandardCharsets.UTF_8)).contains(ErrorCode.MALFORMED_XML.code());
        assertThat(inbox.requests).isEmpty();
    }

    @Test
    void aServiceThatRefusesTheCertificateIsAFileLevelError() {
        AnsweringInbox inbox = new AnsweringInbox();
        inbox.failure = new CentralServiceRefusedException(ErrorCode.CENTRAL_SERVICE_REJECTED, "revoked");
        ProcessedResult r = new ClinsDocumentRequestProcessor(RequestType.CLINS_DOCUMENT_LIST, inbox, READER, RESULTS)
                .process(new RequestFile("CIPsidcl01req_x.xml", FETCH.getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(r.content(), StandardCharsets.UTF_8)).contains("OQSF9002");
    }
}
