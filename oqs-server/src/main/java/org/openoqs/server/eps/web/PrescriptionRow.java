package org.openoqs.server.eps.web;

import org.openoqs.core.codec.eps.EpsResults;


/** One prescription in a portal list, as a search result lists it ({@link EpsResults.ListedPrescription}). */
public record PrescriptionRow(String prescriptionId, String accessCode, String issueDate, String issueType,
        String status) {

    static PrescriptionRow of(EpsResults.ListedPrescription listed) {
        return new PrescriptionRow(listed.prescriptionId(), listed.accessCode(), listed.issueDate(),
                listed.electronic() ? "電子" : "紙", listed.status());
    }
}
