package org.openoqs.server.archfixture;

import org.openoqs.server.eps.EpsService;
import org.openoqs.server.eps.web.PrescriptionRow;
import org.openoqs.server.inquiry.InquiryController;

/**
 * A feature ("archfixture") as the feature rule forbids it (a test fixture, never run): it reaches into the
 * e-prescription portal's package and calls the inquiry feature's controller. Its use of {@link EpsService}, the
 * e-prescription feature's public API, is allowed.
 */
public final class ReachesIntoOtherFeatures {

    PrescriptionRow row;
    InquiryController controller;
    EpsService allowed;

    private ReachesIntoOtherFeatures() {
    }
}
