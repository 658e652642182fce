package org.openoqs.server.bulk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkDocumentWriter;
import org.openoqs.core.bulk.BulkDownloadRequest;
import org.openoqs.core.bulk.BulkFileReader;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.BulkResultHeader;
import org.openoqs.core.bulk.CareSettingSearchInfo;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;

/** Bulk calls of the terminal API for tests, and the files they send. */
final class BulkApi {

    private BulkApi() {
    }

    record Response(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A parsed 02res: header and units (small test files only). */
    record Result(BulkResultHeader header, List<XmlNode> units) {
        List<BulkConfirmUnit> confirmUnits() {
            return units.stream().map(BulkMessages::readConfirmUnit).toList();
        }
    }

    static Response post(HttpClient client, URI base, String path, byte[] body, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static BulkReceipt upload(HttpClient client, URI base, BulkKind kind, byte[] file) {
        Response r = post(client, base, "api/v1/bulk/" + kind.slug() + "/jobs", file, null);
        if (r.status() != 200) {
            throw new AssertionError("upload answered HTTP " + r.status() + ": " + r.text());
        }
        return BulkMessages.readReceipt(new XmlDocumentReader().read(r.body()));
    }

    static Response downloadRaw(HttpClient client, URI base, BulkKind kind, String institutionCode, String receptionNumber) {
        byte[] request = new XmlDocumentWriter().writeBytes(BulkMessages.downloadRequestToXml(
                new BulkDownloadRequest(institutionCode, "dl-" + receptionNumber, receptionNumber)), CharacterCode.UTF_8);
        return post(client, base, "api/v1/bulk/" + kind.slug() + "/results", request, null);
    }

    static Result download(HttpClient client, URI base, BulkKind kind, String institutionCode, String receptionNumber) {
        Response r = downloadRaw(client, base, kind, institutionCode, receptionNumber);
        if (r.status() != 200) {
            throw new AssertionError("download answered HTTP " + r.status() + ": " + r.text());
        }
        return parse(r.body());
    }

    static Result parse(byte[] file) {
        List<XmlNode> units = new ArrayList<>();
        XmlNode[] header = new XmlNode[1];
        try {
            new BulkFileReader().read(new ByteArrayInputStream(file), new BulkFileReader.Handler() {
                @Override
                public void header(XmlNode h) {
                    header[0] = h;
                }

                @Override
                public void bodyElement(XmlNode element) {
                    units.add(element);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(BulkMessages.readResultHeader(header[0]), units);
    }

    /** Downloads until the result is final (or failed), at most {@code timeout}. */
    static Result awaitFinal(HttpClient client, URI base, BulkKind kind, String institutionCode, String receptionNumber,
                             Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Result r = download(client, base, kind, institutionCode, receptionNumber);
            if (r.header().segmentOfResult() != SegmentOfResult.PROCESSING || System.nanoTime() > deadline) {
                return r;
            }
            Thread.sleep(50);
        }
    }

    /** An {@code OQSmuquc01req_} file. */
    static byte[] qualificationUpload(String institutionCode, String confirmationDate, String fileId,
                                      List<QualificationConfirmSearchInfo> persons) {
        return file(new RequestHeader(confirmationDate, institutionCode, fileId),
                persons.stream().map(QualificationMessages::searchInfoToXml).toList(), CharacterCode.UTF_8);
    }

    /** A care-setting upload with one selection. */
    static byte[] careSettingUpload(String institutionCode, String fileId, CareSettingSearchInfo selection) {
        return file(new RequestHeader(null, institutionCode, fileId),
                List.of(BulkMessages.careSettingSearchInfoToXml(selection)), CharacterCode.UTF_8);
    }

    static byte[] file(RequestHeader header, List<XmlNode> elements, CharacterCode code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BulkDocumentWriter w = new BulkDocumentWriter(out, code);
            w.begin(BulkMessages.uploadHeaderToXml(header));
            for (XmlNode e : elements) {
                w.element(e);
            }
            w.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
