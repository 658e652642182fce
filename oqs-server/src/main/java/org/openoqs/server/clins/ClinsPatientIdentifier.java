package org.openoqs.server.clins;

import java.util.List;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.openoqs.core.clins.ClinsMemberId;
import org.openoqs.core.error.ErrorCode;

/**
 * The patient key every CLINS upload carries — 5情報 Bundles and documents alike (../shared/spec/CIP-PMH.md §1.4): exactly
 * one 被保険者個人識別子 (JP_Insurance_memberID) or 生活保護 identifier (JP_PublicPayer_memberID), well-formed.
 */
public final class ClinsPatientIdentifier {

    /**
     * @param memberId the parsed key, {@code null} when a problem was added
     * @param text     the identifier's value as sent
     * @param location FHIRPath to blame when the key names nobody (its value, or {@code …identifier})
     */
    public record Found(ClinsMemberId memberId, String text, String location) {
    }

    private ClinsPatientIdentifier() {
    }

    /** Adds OQSF2033 for each malformed key and OQSF2032 unless there is exactly one. */
    public static Found check(Patient patient, String at, List<ClinsProblem> problems) {
        ClinsMemberId memberId = null;
        String text = null;
        String location = at + ".identifier";
        int found = 0;
        for (int k = 0; k < patient.getIdentifier().size(); k++) {
            Identifier id = patient.getIdentifier().get(k);
            if (!ClinsMemberId.isMemberIdSystem(id.getSystem())) {
                continue;
            }
            found++;
            location = at + ".identifier[" + k + "].value";
            ClinsMemberId.Parsed parsed = ClinsMemberId.parse(id.getSystem(), id.getValue());
            if (parsed.memberId() == null) {
                problems.add(new ClinsProblem(ErrorCode.CLINS_MEMBER_ID_FORMAT, location, parsed.problem()));
            } else {
                memberId = parsed.memberId();
                text = id.getValue();
            }
        }
        if (found != 1) {
            problems.add(new ClinsProblem(ErrorCode.CLINS_MEMBER_ID_MISSING, at + ".identifier",
                    found == 0 ? null : found + "個あります"));
            memberId = null;
        }
        return new Found(memberId, memberId == null ? null : text, location);
    }
}
