package org.openoqs.app.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.files.DurableWrites;
import org.openoqs.core.bulk.BulkDownloadRequest;
import org.openoqs.core.bulk.BulkFileReader;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.BulkResultHeader;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;

/**
 * What a レセコン does for 一括照会, timed from the drop of the {@code OQSmuquc01req_} to the final
 * {@code OQSmuquc02res_}: write the upload under a temporary name and rename it into req, wait for the
 * {@code 01res}, then drop {@code 02req} files (a new one each time the answer is still 処理中) until the
 * {@code 02res} says 正常終了. The units of the final result are counted afterwards, outside the timing.
 */
public final class BulkRoundTrip {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    /**
     * @param receiptMillis drop → {@code 01res} (the job is stored)
     * @param totalMillis drop → final {@code 02res}
     * @param downloads {@code 02req} files it took
     * @param units units in the final result
     * @param resultBytes size of the final result file as published ({@code .zip} or {@code .xml})
     */
    public record Timing(double receiptMillis, double totalMillis, int downloads, int units, long resultBytes) {
    }

    private BulkRoundTrip() {
    }

    public static Timing run(Path req, Path res, byte[] upload, String institutionCode, String id)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        drop(req, "OQSmuquc01req_" + id + ".xml", upload);
        Path receiptFile = await(res, "OQSmuquc01res_" + id + ".xml", started);
        long receiptAt = System.nanoTime();
        BulkReceipt receipt = BulkMessages.readReceipt(new XmlDocumentReader().read(Files.readAllBytes(receiptFile)));
        if (!receipt.accepted()) {
            throw new IOException("upload refused: " + receipt.errorCode() + " " + receipt.errorMessage());
        }
        byte[] downloadRequest = new XmlDocumentWriter().writeBytes(BulkMessages.downloadRequestToXml(
                new BulkDownloadRequest(institutionCode, id, receipt.receptionNumber())), CharacterCode.UTF_8);
        for (int n = 1; ; n++) {
            String downloadId = id + "d" + n;
            drop(req, "OQSmuquc02req_" + downloadId + ".xml", downloadRequest);
            Path result = awaitEither(res, "OQSmuquc02res_" + downloadId, started);
            byte[] bytes = Files.readAllBytes(result);
            SegmentOfResult segment = segmentOf(bytes, result.toString().endsWith(".zip"));
            if (segment == SegmentOfResult.COMPLETED) {
                long done = System.nanoTime();
                int units = countUnits(bytes, result.toString().endsWith(".zip"));
                return new Timing((receiptAt - started) / 1e6, (done - started) / 1e6, n, units, bytes.length);
            }
            if (segment != SegmentOfResult.PROCESSING) {
                throw new IOException("download failed: SegmentOfResult " + segment);
            }
            Thread.sleep(100); // a real レセコン waits seconds; 100 ms keeps the added latency small
        }
    }

    private static void drop(Path req, String name, byte[] content) throws IOException {
        DurableWrites.publishNewUnsynced(req.resolve(name), content, DurableWrites.OWNER_AND_GROUP);
    }

    private static Path await(Path res, String name, long started) throws IOException, InterruptedException {
        Path file = res.resolve(name);
        while (!Files.exists(file)) {
            check(started, name);
            Thread.sleep(2);
        }
        return file;
    }

    private static Path awaitEither(Path res, String base, long started) throws IOException, InterruptedException {
        Path xml = res.resolve(base + ".xml");
        Path zip = res.resolve(base + ".zip");
        while (true) {
            if (Files.exists(xml)) {
                return xml;
            }
            if (Files.exists(zip)) {
                return zip;
            }
            check(started, base);
            Thread.sleep(2);
        }
    }

    private static void check(long started, String name) throws IOException {
        if (System.nanoTime() - started > TIMEOUT_NANOS) {
            throw new IOException("no " + name + " within " + TimeUnit.NANOSECONDS.toSeconds(TIMEOUT_NANOS) + " s");
        }
    }

    /** The header's SegmentOfResult, read from the first kilobytes only. */
    private static SegmentOfResult segmentOf(byte[] file, boolean zipped) throws IOException {
        byte[] head;
        try (InputStream in = open(file, zipped)) {
            head = in.readNBytes(8192);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("<SegmentOfResult>");
        if (at < 0) {
            throw new IOException("no SegmentOfResult in the result header");
        }
        char code = text.charAt(at + "<SegmentOfResult>".length());
        return switch (code) {
            case '1' -> SegmentOfResult.COMPLETED;
            case '2' -> SegmentOfResult.PROCESSING;
            default -> SegmentOfResult.FAILED;
        };
    }

    private static int countUnits(byte[] file, boolean zipped) throws IOException {
        int[] units = new int[1];
        BulkResultHeader[] header = new BulkResultHeader[1];
        try (InputStream in = open(file, zipped)) {
            new BulkFileReader().read(in, new BulkFileReader.Handler() {
                @Override
                public void header(XmlNode h) {
                    header[0] = BulkMessages.readResultHeader(h);
                }

                @Override
                public void bodyElement(XmlNode element) {
                    units[0]++;
                }
            });
        }
        if (header[0].numberOfProcessingResult() == null || header[0].numberOfProcessingResult() != units[0]) {
            throw new IOException("result header counts " + header[0].numberOfProcessingResult() + " units, file has "
                    + units[0]);
        }
        return units[0];
    }

    private static InputStream open(byte[] file, boolean zipped) throws IOException {
        if (!zipped) {
            return new ByteArrayInputStream(file);
        }
        ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file));
        if (zip.getNextEntry() == null) {
            throw new IOException("empty ZIP result");
        }
        return zip;
    }
}
