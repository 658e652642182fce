package org.openoqs.terminal.requests.bulk;

import org.openoqs.terminal.central.BulkCentralService;

import java.time.Clock;
import java.util.Map;
import java.util.function.Predicate;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.message.RequestType;
import org.openoqs.terminal.linkage.RequestProcessor;
import org.openoqs.terminal.requests.ErrorResultWriter;

/** Registers the processors of every bulk flow (upload and download) with the terminal's request router. */
public final class BulkRequestProcessors {

    private BulkRequestProcessors() {
    }

    /**
     * @param encrypted whether results of a prefix ({@code OQSmuquc02}) are encrypted (encrypt.conf): their password
     *                  ZIP is then the container, and a large result is not zipped a second time
     */
    public static void addTo(Map<RequestType, RequestProcessor> processors, String institutionCode,
                             BulkCentralService service, ErrorResultWriter results, Clock clock,
                             Predicate<String> encrypted) {
        LocalBulkErrors errors = new LocalBulkErrors(institutionCode, results, clock);
        for (BulkKind kind : BulkKind.values()) {
            processors.put(kind.uploadType(), new BulkUploadProcessor(kind, institutionCode, service, errors));
            processors.put(kind.downloadType(), new BulkDownloadProcessor(kind, institutionCode, service, errors,
                    !encrypted.test(kind.downloadType().prefix())));
        }
    }
}
