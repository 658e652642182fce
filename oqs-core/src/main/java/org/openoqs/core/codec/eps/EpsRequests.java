package org.openoqs.core.codec.eps;

import java.time.LocalDate;
import java.util.Objects;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.eps.DispensingResult;

/** The typed body of each EPS request, as {@link EpsMessages} reads it. */
public final class EpsRequests {

    private EpsRequests() {
    }

    /**
     * 処方箋登録.
     *
     * @param prescriptionInfo base64 of the DER CMS SignedData that carries the {@link PrescriptionDocument}
     * @param issueType        OQSCD017: 1 電子処方箋, 2 紙の処方箋 (registered with an 引換番号 printed on paper)
     */
    public record Register(String prescriptionInfo, PrescriptionIssueSelect issueType) {
        public Register {
            Objects.requireNonNull(prescriptionInfo, "prescriptionInfo");
            Objects.requireNonNull(issueType, "issueType");
        }
    }

    /**
     * 処方箋検索: the caller's own prescriptions for these insurance numbers, issued in {@code [from, to]}.
     *
     * @param insurerNumber 6 or 8 digits without padding
     * @param symbol        記号 or {@code null} (then any)
     * @param branch        枝番 or {@code null} (then any)
     */
    public record Search(String insurerNumber, String symbol, String identificationNumber, String branch,
            LocalDate from, LocalDate to) {
    }

    /** 状態取得, 取消 and 控え: one prescription by id. */
    public record ById(String prescriptionId) {
    }

    /** 処方箋受付 (薬局): the 引換番号 and the patient's birthdate, both of which must match. */
    public record Receive(String accessCode, LocalDate birthdate) {
    }

    /** 調剤結果登録 (薬局). */
    public record Dispense(String prescriptionId, DispensingResult result) {
    }

    /** 調剤結果一覧: dispensing results registered in {@code [start, end]} (調剤年月日). */
    public record DispensingResultList(LocalDate start, LocalDate end) {
    }
}
