package org.openoqs.server.eps.web;

import org.openoqs.core.xml.XmlNode;

/** One prescription in a portal list, read from a result message or the store. */
public record PrescriptionRow(String prescriptionId, String accessCode, String issueDate, String issueType,
        String status) {

    static PrescriptionRow of(XmlNode entry) {
        return new PrescriptionRow(entry.text("PrescriptionId").orElse(""), entry.text("AccessCode").orElse(""),
                entry.text("IssueDate").orElse(""), "1".equals(entry.text("IssueType").orElse("")) ? "電子" : "紙",
                entry.text("PrescriptionStatus").orElse(""));
    }
}
