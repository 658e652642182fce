package org.openoqs.terminal.requests.bulk;

import org.openoqs.terminal.central.BulkCentralService;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.RequestFileName;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;

/**
 * Step 1 of a bulk flow ({@code OQSmu…01req_}): the file goes to the service as it is; the answer is the
 * {@code …01res_} with the 受付番号. The terminal itself refuses only an oversized file and a file naming another
 * facility (everything else needs the streaming checks of the service).
 *
 * <p>The upload carries an idempotency key made of the request's name and content digest: when the agent retries
 * after the service stored the job but the answer was lost, the service gives the same 受付番号 again rather than
 * storing a second job.
 */
public final class BulkUploadProcessor implements RequestProcessor {

    private final BulkKind kind;
    private final String ownInstitutionCode;
    private final BulkCentralService service;
    private final LocalBulkErrors errors;

    BulkUploadProcessor(BulkKind kind, String ownInstitutionCode, BulkCentralService service, LocalBulkErrors errors) {
        this.kind = kind;
        this.ownInstitutionCode = ownInstitutionCode;
        this.service = service;
        this.errors = errors;
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        RequestFileName name = RequestFileName.parse(request.name()).orElseThrow();
        String resultName = name.resultName("xml");
        if (request.oversized()) {
            return errors.receipt(resultName, null, ErrorCode.FILE_TOO_LARGE, ErrorCode.FILE_TOO_LARGE.message());
        }
        RequestHeader header = LocalBulkErrors.headerOf(request.content());
        if (namesAnotherFacility(header, ownInstitutionCode)) {
            return errors.receipt(resultName, header, ErrorCode.INSTITUTION_MISMATCH,
                    ErrorCode.INSTITUTION_MISMATCH.messageWith("指定値: " + header.medicalInstitutionCode().strip()));
        }
        try {
            return new ProcessedResult(resultName, service.upload(kind, request.content(), idempotencyKey(request)));
        } catch (CentralServiceRefusedException refused) {
            return errors.receipt(resultName, header, refused.fileLevelCode(), refused.serviceMessage());
        }
    }

    /** A well-formed, valid-looking code that is not ours; anything odd is left for the service's screening. */
    static boolean namesAnotherFacility(RequestHeader header, String own) {
        String code = header == null || header.medicalInstitutionCode() == null ? null
                : header.medicalInstitutionCode().strip();
        return code != null && code.length() == 10 && code.chars().allMatch(c -> c >= '0' && c <= '9')
                && !code.equals(own);
    }

    static String idempotencyKey(RequestFile request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(request.name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(request.content());
            return "file-sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
