package org.openoqs.terminal.requests.bulk;

import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.terminal.central.BulkCentralService;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.BulkResultHeader;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/**
 * A {@link BulkCentralService} for terminal tests: records every call and answers with a fixed receipt and a
 * configurable download result; can be made unreachable for a number of calls.
 */
public final class RecordingBulkService implements BulkCentralService {

    public static final String RECEPTION_NUMBER = "20260401000000000042";
    private static final LocalDateTime TIME = LocalDateTime.of(2026, 4, 1, 9, 30);

    public record Call(BulkKind kind, boolean upload, byte[] file, String idempotencyKey) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger unreachableCalls = new AtomicInteger();
    private volatile Supplier<byte[]> downloadAnswer = RecordingBulkService::processing;

    public List<Call> calls() {
        return calls;
    }

    /** The next {@code n} calls fail as if the service could not be reached. */
    public void unreachableFor(int n) {
        unreachableCalls.set(n);
    }

    public void answerDownloadsWith(Supplier<byte[]> answer) {
        downloadAnswer = answer;
    }

    @Override
    public byte[] upload(BulkKind kind, byte[] file, String idempotencyKey) {
        calls.add(new Call(kind, true, file, idempotencyKey));
        failIfUnreachable();
        return new XmlDocumentWriter().writeBytes(BulkMessages.receiptToXml(new BulkReceipt(TIME, null, "0113810014",
                null, SegmentOfResult.COMPLETED, null, null, CharacterCode.UTF_8, RECEPTION_NUMBER, TIME)),
                CharacterCode.UTF_8);
    }

    @Override
    public byte[] download(BulkKind kind, byte[] file) {
        calls.add(new Call(kind, false, file, null));
        failIfUnreachable();
        return downloadAnswer.get();
    }

    private void failIfUnreachable() {
        if (unreachableCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new CentralServiceUnavailableException("simulated outage");
        }
    }

    /** A {@code 02res} saying the job is still being processed. */
    public static byte[] processing() {
        return new XmlDocumentWriter().writeBytes(BulkMessages.resultToXml(new BulkResultHeader(TIME, null, "0113810014",
                null, null, SegmentOfResult.PROCESSING, null, null, CharacterCode.UTF_8, RECEPTION_NUMBER, 0, 0, 0),
                List.of()), CharacterCode.UTF_8);
    }
}
