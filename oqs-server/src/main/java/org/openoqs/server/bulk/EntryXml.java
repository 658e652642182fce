package org.openoqs.server.bulk;

import java.nio.charset.StandardCharsets;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;

/** How an upload element is kept in {@code bulk_entry.request_xml}: a small UTF-8 XML document of its own. */
final class EntryXml {

    private static final XmlDocumentWriter WRITER = new XmlDocumentWriter();
    private static final XmlDocumentReader READER = new XmlDocumentReader();

    private EntryXml() {
    }

    static String store(XmlNode element) {
        return new String(WRITER.writeBytes(element, CharacterCode.UTF_8), StandardCharsets.UTF_8);
    }

    static XmlNode load(String stored) {
        return READER.read(stored.getBytes(StandardCharsets.UTF_8));
    }
}
