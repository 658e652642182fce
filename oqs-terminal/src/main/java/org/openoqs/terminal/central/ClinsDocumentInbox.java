package org.openoqs.terminal.central;

import org.openoqs.core.xml.XmlNode;

/**
 * The central service's document inbox of 電子カルテ情報共有サービス, as the terminal reaches it (docs/clins.md
 * "Documents"): the request file goes as its tree, the result comes back as one. Real implementation
 * {@link HttpsClinsDocumentInbox}; terminals started without it answer these requests "not supported".
 */
public interface ClinsDocumentInbox {

    /** {@code CIPsidcl01}: the documents addressed to this facility. */
    XmlNode list(XmlNode request);

    /** {@code CIPsidcg01}: one document, marked received unless the request says {@code MarkReceived} 0. */
    XmlNode fetch(XmlNode request);

    /** {@code CIPsickr01}: a patient's 健康診断結果報告書, with the patient's 特定健診情報 consent to this facility. */
    XmlNode checkupReports(XmlNode request);
}
