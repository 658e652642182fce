package org.openoqs.app.clins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openoqs.app.demo.DemoSystem;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;

/**
 * Request files of 6情報 registration (CIPsibrg01 / CIPsibdl01) dropped into a running demo's {@code req} folder as a
 * レセコン does (written aside, then moved in), and their result read from {@code res}.
 */
final class ClinsRequestFiles {

    private static final XmlDocumentReader READER = new XmlDocumentReader();

    private final Path req;
    private final Path res;
    private final Path aside;

    ClinsRequestFiles(DemoSystem demo, Path aside) {
        this.req = Path.of(demo.properties().get("req.dir"));
        this.res = Path.of(demo.properties().get("res.dir"));
        this.aside = aside;
    }

    /** The envelope of a registration: the Bundle's JSON text as the FhirBundle element's text (CDATA). */
    static byte[] register(String fileId, byte[] bundle) {
        String json = new String(bundle, StandardCharsets.UTF_8).replace("]]>", "]]]]><![CDATA[>");
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + DemoSystem.INSTITUTION_CODE + "</MedicalInstitutionCode><ArbitraryFileIdentifier>" + fileId
                + "</ArbitraryFileIdentifier></MessageHeader><MessageBody><FhirBundle><![CDATA[" + json
                + "]]></FhirBundle></MessageBody></XmlMsg>\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] delete(String fileId, String identifier) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + DemoSystem.INSTITUTION_CODE + "</MedicalInstitutionCode><ArbitraryFileIdentifier>" + fileId
                + "</ArbitraryFileIdentifier></MessageHeader><MessageBody><BundleIdentifier>" + identifier
                + "</BundleIdentifier></MessageBody></XmlMsg>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Drops {@code <prefix>req_<id>.xml} and returns its result tree, waiting up to 60 s for it. */
    XmlNode send(String prefix, String id, byte[] content) throws IOException, InterruptedException {
        Path written = Files.write(aside.resolve(prefix + "req_" + id + ".xml"), content);
        Files.move(written, req.resolve(written.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        Path result = res.resolve(prefix + "res_" + id + ".xml");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.isRegularFile(result)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no result " + result);
            }
            Thread.sleep(50);
        }
        return READER.read(Files.readAllBytes(result));
    }

    static String text(XmlNode result, String... path) {
        return result.path(path).map(XmlNode::text).orElse("");
    }
}
