package org.openoqs.terminal.encryption;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.message.RequestFileName;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;
import org.openoqs.terminal.requests.ErrorResultWriter;

/** Passwords, crafted archives and a recording inner processor. */
final class EncryptionTestSupport {

    static final char[] PASSWORD = "Kagi2026abcd".toCharArray();
    static final char[] OTHER_PASSWORD = "Chigau999xyz".toCharArray();
    static final String INSTITUTION = "0113810014";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:30:00Z"), ZoneId.of("Asia/Tokyo"));
    static final long LIMIT = 1024 * 1024;

    private EncryptionTestSupport() {
    }

    static ErrorResultWriter errors() {
        return new ErrorResultWriter(INSTITUTION, () -> CharacterCode.UTF_8, CLOCK, new XmlDocumentReader());
    }

    /** An XML body that is recognisably ours. */
    static byte[] xml(String marker) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + INSTITUTION + "</MedicalInstitutionCode><ArbitraryFileIdentifier>" + marker
                + "</ArbitraryFileIdentifier></MessageHeader><MessageBody/></XmlMsg>").getBytes(StandardCharsets.UTF_8);
    }

    /** Answers every request with "ANSWER:" + its content, under the plain result name; records what it saw. */
    static final class EchoProcessor implements RequestProcessor {
        final List<RequestFile> seen = new CopyOnWriteArrayList<>();

        @Override
        public ProcessedResult process(RequestFile request) {
            seen.add(request);
            String name = RequestFileName.parse(request.name()).orElseThrow().resultName("xml");
            byte[] body = request.oversized() ? new byte[0] : request.content();
            byte[] answer = new byte[body.length + 7];
            System.arraycopy("ANSWER:".getBytes(StandardCharsets.US_ASCII), 0, answer, 0, 7);
            System.arraycopy(body, 0, answer, 7, body.length);
            return new ProcessedResult(name, answer);
        }
    }

    /** One entry per (name, content) pair, with the given encryption. */
    static byte[] zip(EncryptionMethod method, char[] password, Object... namesAndContents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, password)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                ZipParameters p = new ZipParameters();
                p.setFileNameInZip((String) namesAndContents[i]);
                p.setCompressionMethod(CompressionMethod.DEFLATE);
                if (method != EncryptionMethod.NONE) {
                    p.setEncryptFiles(true);
                    p.setEncryptionMethod(method);
                    p.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
                }
                zip.putNextEntry(p);
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] aes(Object... namesAndContents) {
        return zip(EncryptionMethod.AES, PASSWORD, namesAndContents);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
