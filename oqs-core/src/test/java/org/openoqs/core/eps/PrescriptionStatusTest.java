package org.openoqs.core.eps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The status rule book: which move is allowed from where, and the code of every refusal. */
class PrescriptionStatusTest {

    @Test
    void onlyAnUnreceivedPrescriptionCanBeCancelled() {
        assertThat(PrescriptionStatus.UNRECEIVED.refuseCancel()).isEmpty();
        assertThat(PrescriptionStatus.DISPENSING.refuseCancel()).contains(EpsResultCode.CANNOT_CANCEL_RECEIVED);
        assertThat(PrescriptionStatus.DISPENSED.refuseCancel()).contains(EpsResultCode.CANNOT_CANCEL_RECEIVED);
        assertThat(PrescriptionStatus.CANCELLED.refuseCancel()).contains(EpsResultCode.ALREADY_CANCELLED);
    }

    @Test
    void receivingDependsOnWhoHoldsIt() {
        assertThat(PrescriptionStatus.UNRECEIVED.refuseReceive(false)).isEmpty();
        assertThat(PrescriptionStatus.DISPENSING.refuseReceive(true)).contains(EpsResultCode.ALREADY_RECEIVED_HERE);
        assertThat(PrescriptionStatus.DISPENSING.refuseReceive(false)).contains(EpsResultCode.RECEIVED_ELSEWHERE);
        assertThat(PrescriptionStatus.DISPENSED.refuseReceive(true)).contains(EpsResultCode.ALREADY_DISPENSED);
        assertThat(PrescriptionStatus.DISPENSED.refuseReceive(false)).contains(EpsResultCode.RECEIVED_ELSEWHERE);
        assertThat(PrescriptionStatus.CANCELLED.refuseReceive(false)).contains(EpsResultCode.RECEIVE_CANCELLED);
    }

    @Test
    void aDispensingResultNeedsTheHoldingPharmacyAndCannotChange() {
        assertThat(PrescriptionStatus.DISPENSING.refuseDispensingResult(true, false)).isEmpty();
        assertThat(PrescriptionStatus.DISPENSING.refuseDispensingResult(false, false))
                .contains(EpsResultCode.RECEIVED_ELSEWHERE);
        assertThat(PrescriptionStatus.UNRECEIVED.refuseDispensingResult(false, false)).contains(EpsResultCode.NOT_RECEIVED);
        assertThat(PrescriptionStatus.CANCELLED.refuseDispensingResult(false, false)).contains(EpsResultCode.NOT_RECEIVED);
        assertThat(PrescriptionStatus.DISPENSED.refuseDispensingResult(true, true))
                .contains(EpsResultCode.DISPENSING_ALREADY_REGISTERED);
        assertThat(PrescriptionStatus.DISPENSED.refuseDispensingResult(true, false))
                .contains(EpsResultCode.DISPENSING_RESULT_CONFLICT);
    }

    @Test
    void codesAndLabelsRoundTrip() {
        for (PrescriptionStatus s : PrescriptionStatus.values()) {
            assertThat(PrescriptionStatus.ofCode(s.code())).contains(s);
        }
        assertThat(PrescriptionStatus.CANCELLED.label()).isEqualTo("取消済");
        assertThat(PrescriptionStatus.ofCode("5")).isEmpty();
    }
}
