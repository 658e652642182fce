package org.openoqs.core.eps;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a registered prescription stands ({@code PrescriptionStatus}). The text is what the message carries
 * (the public notes show free text such as 未受付 / 調剤中 / 調剤済 / 取消済); the code is what the database keeps.
 *
 * <pre>
 *   未受付 ──receive (pharmacy)──▶ 調剤中 ──dispensing result──▶ 調剤済
 *     │
 *     └──cancel (prescriber)──▶ 取消済
 * </pre>
 * Every other move is refused with a specific {@link EpsResultCode}; the methods here decide which, so the service
 * and the tests share one rule book. Moves that repeat what already happened answer with an {@code I}/{@code W}
 * code instead of failing, so a file retried after a crash gets the same answer.
 */
public enum PrescriptionStatus {
    UNRECEIVED("1", "未受付"),
    DISPENSING("2", "調剤中"),
    DISPENSED("3", "調剤済"),
    CANCELLED("9", "取消済");

    private final String code;
    private final String label;

    PrescriptionStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The Japanese text written to {@code PrescriptionStatus}. */
    public String label() {
        return label;
    }

    public static Optional<PrescriptionStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** Cancel by the prescribing facility: empty when allowed. */
    public Optional<EpsResultCode> refuseCancel() {
        return switch (this) {
            case UNRECEIVED -> Optional.empty();
            case DISPENSING, DISPENSED -> Optional.of(EpsResultCode.CANNOT_CANCEL_RECEIVED);
            case CANCELLED -> Optional.of(EpsResultCode.ALREADY_CANCELLED);
        };
    }

    /**
     * Receive by a pharmacy: empty when allowed.
     *
     * @param heldByCaller the prescription is already received by the calling pharmacy
     */
    public Optional<EpsResultCode> refuseReceive(boolean heldByCaller) {
        return switch (this) {
            case UNRECEIVED -> Optional.empty();
            case DISPENSING -> Optional.of(heldByCaller ? EpsResultCode.ALREADY_RECEIVED_HERE
                    : EpsResultCode.RECEIVED_ELSEWHERE);
            case DISPENSED -> Optional.of(heldByCaller ? EpsResultCode.ALREADY_DISPENSED
                    : EpsResultCode.RECEIVED_ELSEWHERE);
            case CANCELLED -> Optional.of(EpsResultCode.RECEIVE_CANCELLED);
        };
    }

    /**
     * A dispensing result from a pharmacy: empty when allowed.
     *
     * @param heldByCaller the calling pharmacy received the prescription
     * @param sameResult   the prescription already has a dispensing result equal to the one sent
     */
    public Optional<EpsResultCode> refuseDispensingResult(boolean heldByCaller, boolean sameResult) {
        return switch (this) {
            case UNRECEIVED, CANCELLED -> Optional.of(EpsResultCode.NOT_RECEIVED);
            case DISPENSING -> heldByCaller ? Optional.empty() : Optional.of(EpsResultCode.RECEIVED_ELSEWHERE);
            case DISPENSED -> !heldByCaller ? Optional.of(EpsResultCode.RECEIVED_ELSEWHERE)
                    : Optional.of(sameResult ? EpsResultCode.DISPENSING_ALREADY_REGISTERED
                            : EpsResultCode.DISPENSING_RESULT_CONFLICT);
        };
    }
}
