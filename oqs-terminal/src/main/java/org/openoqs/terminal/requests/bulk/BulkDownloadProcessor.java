package org.openoqs.terminal.requests.bulk;

import org.openoqs.terminal.central.BulkCentralService;

import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.RequestFileName;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;

/**
 * Steps 3–4 of a bulk flow ({@code OQSmu…02req_}): asks the service for the job's result and publishes the
 * {@code …02res_} file — as {@code …02res_<id>.zip} holding {@code …02res_<id>.xml} when it is larger than
 * {@link ZipDelivery#THRESHOLD_BYTES} (INTERFACE.md §2.3, docs/bulk.md "Large results").
 */
public final class BulkDownloadProcessor implements RequestProcessor {

    private final BulkKind kind;
    private final String ownInstitutionCode;
    private final BulkCentralService service;
    private final LocalBulkErrors errors;
    private final boolean zipLargeResults;

    /**
     * @param zipLargeResults false where encrypt.conf encrypts the prefix: the password ZIP the terminal seals the result
     *                        into is then the container, and a ZIP inside it would only be in the way
     */
    BulkDownloadProcessor(BulkKind kind, String ownInstitutionCode, BulkCentralService service, LocalBulkErrors errors,
                          boolean zipLargeResults) {
        this.kind = kind;
        this.ownInstitutionCode = ownInstitutionCode;
        this.service = service;
        this.errors = errors;
        this.zipLargeResults = zipLargeResults;
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        RequestFileName name = RequestFileName.parse(request.name()).orElseThrow();
        String xmlName = name.resultName("xml");
        if (request.oversized()) {
            return errors.result(xmlName, null, ErrorCode.FILE_TOO_LARGE, ErrorCode.FILE_TOO_LARGE.message());
        }
        RequestHeader header = LocalBulkErrors.headerOf(request.content());
        if (BulkUploadProcessor.namesAnotherFacility(header, ownInstitutionCode)) {
            return errors.result(xmlName, header, ErrorCode.INSTITUTION_MISMATCH,
                    ErrorCode.INSTITUTION_MISMATCH.messageWith("指定値: " + header.medicalInstitutionCode().strip()));
        }
        byte[] result;
        try {
            result = service.download(kind, request.content());
        } catch (CentralServiceRefusedException refused) {
            return errors.result(xmlName, header, refused.fileLevelCode(), refused.serviceMessage());
        }
        if (zipLargeResults && result.length > ZipDelivery.THRESHOLD_BYTES) {
            return new ProcessedResult(name.resultName("zip"), ZipDelivery.zip(xmlName, result));
        }
        return new ProcessedResult(xmlName, result);
    }
}
