package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;

/** A stored upload element reads back as exactly the tree that was parsed: text, order, attributes, nesting. */
class EntryXmlTest {

    @Test
    void parsedElementsRoundTripExactly() {
        XmlNode parsed = new XmlDocumentReader().read(("<QualificationConfirmSearchInfo>"
                + "<InsurerNumber>  138008</InsurerNumber><Birthdate></Birthdate><Unknown a=\"1\" b=\"x&amp;y\">"
                + "<Deep>山田　太郎 ~ &lt;&gt; \t</Deep><Deep>2</Deep></Unknown><ArbitraryIdentifier>line1\nline2"
                + "</ArbitraryIdentifier></QualificationConfirmSearchInfo>").getBytes(StandardCharsets.UTF_8));
        assertThat(EntryXml.load(EntryXml.store(parsed))).isEqualTo(parsed);
        XmlNode attributed = new XmlNode("A", Map.of("k", "v"), "", java.util.List.of(XmlNode.leaf("B", "")));
        assertThat(EntryXml.load(EntryXml.store(attributed))).isEqualTo(attributed);
    }

    @Test
    void damagedStorageIsRefusedNotMisread() {
        String stored = EntryXml.store(XmlNode.element("A", XmlNode.leaf("B", "1")));
        assertThatThrownBy(() -> EntryXml.load(stored.substring(0, stored.length() - 1)))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> EntryXml.load(stored + "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
