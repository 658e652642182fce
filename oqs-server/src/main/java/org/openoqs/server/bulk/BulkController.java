package org.openoqs.server.bulk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.api.BoundedBody;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.inquiry.InstitutionMismatchException;
import org.openoqs.server.security.CallerFacility;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bulk flows on the terminal API (behind the {@code /api/**} mutual-TLS chain), docs/bulk.md. Bodies are the
 * files themselves ({@code application/xml}), not the JSON mirror: a 10,000-person upload is streamed into the
 * database as it arrives and the result is streamed out of it, never held as one tree.
 *
 * <ul>
 *   <li>{@code POST /api/v1/bulk/{flow}/jobs} — body: the {@code …01req_} file; answer: the {@code …01res_} file.
 *       Optional {@code Idempotency-Key} header: a retried upload with the same key gets the same 受付番号.</li>
 *   <li>{@code POST /api/v1/bulk/{flow}/results} — body: the {@code …02req_} file; answer: the {@code …02res_} file.</li>
 *   <li>{@code GET /api/v1/bulk/jobs/{receptionNumber}} — progress as JSON (for an EHR that polls directly).</li>
 * </ul>
 * Both directions may be gzip-compressed ({@code Content-Encoding} / {@code Accept-Encoding: gzip}): a result
 * of 10,000 persons is ~25 MB of XML and ~1.5 MB compressed, which matters more than anything else for the time it
 * spends in TLS.
 *
 * <p>{@code {flow}} is {@code qualifications}, {@code medical-assistance}, {@code home-visit}, {@code online-care} or
 * {@code reference-numbers}. Results with {@code SegmentOfResult} 9 are answers (HTTP 200), as for the single
 * inquiry; HTTP errors are kept for an unknown flow (404), another facility's code in the file (403) and a
 * download request over 1 MiB (413).
 */
@RestController
@RequestMapping("/api/v1/bulk")
public class BulkController {

    /** A 02req is a few hundred bytes. */
    static final int MAX_DOWNLOAD_REQUEST_BYTES = 1024 * 1024;
    private static final MediaType XML = MediaType.APPLICATION_XML;

    private final BulkUploadIntake intake;
    private final BulkDownloadService downloads;
    private final BulkJobStore store;

    public BulkController(BulkUploadIntake intake, BulkDownloadService downloads, BulkJobStore store) {
        this.intake = intake;
        this.downloads = downloads;
        this.store = store;
    }

    @PostMapping("/{flow}/jobs")
    public ResponseEntity<byte[]> upload(@PathVariable("flow") String flow,
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                         @AuthenticationPrincipal FacilityPrincipal caller,
                                         @CallerFacility Facility facility, HttpServletRequest request)
            throws IOException {
        BulkKind kind = kind(flow);
        BulkReceipt receipt;
        try (InputStream body = GzipTransfer.requestBody(request)) {
            receipt = intake.submit(kind, caller, facility, body, key);
        } catch (InstitutionMismatchException e) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.INSTITUTION_MISMATCH, e.violation().detail());
        }
        byte[] xml = new XmlDocumentWriter().writeBytes(BulkMessages.receiptToXml(receipt),
                receipt.characterCodeIdentifier());
        return ResponseEntity.ok().contentType(XML).header("Cache-Control", "no-store").body(xml);
    }

    @PostMapping("/{flow}/results")
    public void download(@PathVariable("flow") String flow, @AuthenticationPrincipal FacilityPrincipal caller,
                         @CallerFacility Facility facility, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        BulkKind kind = kind(flow);
        byte[] body = BoundedBody.upTo(MAX_DOWNLOAD_REQUEST_BYTES)
                .refusedWith(() -> new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.FILE_TOO_LARGE, null))
                .read(request.getContentLengthLong(), GzipTransfer.requestBody(request));
        BulkDownloadService.Result result;
        try {
            result = downloads.download(kind, caller, facility, body);
        } catch (InstitutionMismatchException e) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.INSTITUTION_MISMATCH, e.violation().detail());
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(XML.toString());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-OQS-Segment-Of-Result", result.segmentOfResult().code());
        try (OutputStream out = GzipTransfer.responseBody(request, response)) {
            result.writeTo(out);
        }
    }

    /**
     * Progress of one of the caller's jobs.
     *
     * @param state {@code PROCESSING} or {@code COMPLETED}
     */
    public record JobStatus(String receptionNumber, String flow, String state, int entries, int answered, int normal,
                            int error) {
    }

    @GetMapping("/jobs/{receptionNumber}")
    public JobStatus status(@PathVariable("receptionNumber") String receptionNumber,
                            @AuthenticationPrincipal FacilityPrincipal caller) {
        BulkJobStore.Job job = (receptionNumber.length() > 32 ? java.util.Optional.<BulkJobStore.Job>empty()
                : store.findByReceptionNumber(receptionNumber.strip()))
                .filter(j -> j.institutionCode().equals(caller.institutionCode()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, ErrorCode.UNKNOWN_RECEPTION_NUMBER, null));
        BulkJobStore.Progress p = store.progress(job);
        return new JobStatus(job.receptionNumber(), job.kind().slug(), p.complete() ? "COMPLETED" : "PROCESSING",
                p.entries(), p.answered(), p.normal(), p.error());
    }

    private static BulkKind kind(String flow) {
        return BulkKind.ofSlug(flow).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                ErrorCode.UNSUPPORTED_REQUEST_TYPE, "存在しない一括要求の種別です: " + BulkUploadIntake.printable(flow, 30)));
    }
}
