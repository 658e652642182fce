package org.openoqs.terminal.doctor;

/** One item of the set-up checklist, run against a terminal set-up. Never throws: every problem is a finding. */
public interface DoctorCheck {

    /** Stable id, e.g. {@code certificate.validity}. */
    String id();

    Finding run(DoctorContext context);
}
