package org.openoqs.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.openoqs.core.error.ErrorCode;

/** The one tree builder: what a tree looks like, when a tree is done, and the events it refuses for every reader. */
class XmlTreeBuilderTest {

    @Test
    void aLeafKeepsItsTextAndAnElementWithChildrenLosesItsIndentation() throws Exception {
        List<XmlNode> trees = build("<Info a=\"1\">\n  <Name> 山田　太郎 </Name>\n  <Empty/>\n</Info>");

        assertThat(trees).containsExactly(new XmlNode("Info", Map.of("a", "1"), "",
                List.of(XmlNode.leaf("Name", " 山田　太郎 "), XmlNode.leaf("Empty", ""))));
    }

    @Test
    void eachOutermostElementIsHandedOutWhenItCloses() throws Exception {
        XMLStreamReader reader = XmlProlog.secureInputFactory().createXMLStreamReader(
                new StringReader("<Body><A><B>1</B></A><C>2</C></Body>"));
        XmlTreeBuilder builder = new XmlTreeBuilder();
        List<XmlNode> done = new ArrayList<>();
        int depth = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT && ++depth >= 2) {
                builder.start(reader); // collect the children of Body one at a time, as the bulk reader does
            } else if (event == XMLStreamConstants.CHARACTERS) {
                builder.text(reader);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (builder.building()) {
                    XmlNode node = builder.end();
                    if (node != null) {
                        done.add(node);
                    }
                }
            }
        }

        assertThat(done).containsExactly(XmlNode.element("A", XmlNode.leaf("B", "1")), XmlNode.leaf("C", "2"));
        assertThat(builder.depth()).isZero();
    }

    @Test
    void aDtdOrAnEntityIsRefusedAsForbiddenDoctype() {
        for (int event : new int[] {XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                XMLStreamConstants.ENTITY_DECLARATION, XMLStreamConstants.NOTATION_DECLARATION}) {
            assertThatThrownBy(() -> XmlTreeBuilder.refuseDoctype(event))
                    .isInstanceOfSatisfying(XmlRejectedException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DOCTYPE_FORBIDDEN));
        }
        XmlTreeBuilder.refuseDoctype(XMLStreamConstants.START_ELEMENT);
        XmlTreeBuilder.refuseDoctype(XMLStreamConstants.COMMENT);
    }

    private static List<XmlNode> build(String xml) throws Exception {
        XMLStreamReader reader = XmlProlog.secureInputFactory().createXMLStreamReader(new StringReader(xml));
        XmlTreeBuilder builder = new XmlTreeBuilder();
        List<XmlNode> trees = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            XmlTreeBuilder.refuseDoctype(event);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> builder.start(reader);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> builder.text(reader);
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlNode node = builder.end();
                    if (node != null) {
                        trees.add(node);
                    }
                }
                default -> {
                    // nothing else to build
                }
            }
        }
        return trees;
    }
}
