package org.openoqs.terminal.requests.bulk;

import java.time.Clock;
import java.util.Map;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.message.RequestType;
import org.openoqs.terminal.linkage.RequestProcessor;
import org.openoqs.terminal.requests.ErrorResultWriter;

/** Registers the processors of every bulk flow (upload and download) with the terminal's request router. */
public final class BulkRequestProcessors {

    private BulkRequestProcessors() {
    }

    public static void addTo(Map<RequestType, RequestProcessor> processors, String institutionCode,
                             BulkCentralService service, ErrorResultWriter results, Clock clock) {
        LocalBulkErrors errors = new LocalBulkErrors(institutionCode, results, clock);
        for (BulkKind kind : BulkKind.values()) {
            processors.put(kind.uploadType(), new BulkUploadProcessor(kind, institutionCode, service, errors));
            processors.put(kind.downloadType(), new BulkDownloadProcessor(kind, institutionCode, service, errors));
        }
    }
}
