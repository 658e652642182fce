package org.openoqs.server.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilitySettings;
import org.openoqs.server.security.CallerFacility;
import org.openoqs.server.subsidy.MedicalSubsidySettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/facility}: the calling facility's own settings (the one named by its certificate). */
@RestController
@RequestMapping("/api/v1")
public class FacilityController {

    private final MedicalSubsidySettings subsidies;

    public FacilityController(MedicalSubsidySettings subsidies) {
        this.subsidies = subsidies;
    }

    /**
     * @param institutionCode 10-digit code
     * @param name            facility name
     * @param kind            医科 / 歯科 / 薬局
     * @param scoreTable      1 / 3 / 4
     * @param hospital        病院 or 診療所
     * @param characterCode   OQSCD005: 0 UTF-8, 1 Shift_JIS — the encoding the terminal writes results in
     * @param optIns          OQSCD037 0/1 per service; {@code ePrescription} is OQSCD038 (0–3); {@code medicalSubsidy}
     *                        is the PMH 医療費助成情報 opt-in (docs/pmh.md), which the card reader asks for
     */
    public record FacilityView(String institutionCode, String name, String kind, String scoreTable, boolean hospital,
                               String characterCode, Map<String, String> optIns) {

        static FacilityView of(Facility f, boolean medicalSubsidy) {
            FacilitySettings s = f.settings();
            Map<String, String> optIns = new LinkedHashMap<>();
            optIns.put("operationInfo", flag(s.operationInfo()));
            optIns.put("ePrescription", s.ePrescription().code());
            optIns.put("eKarteSharing", flag(s.eKarteSharing()));
            optIns.put("medicalAssistance", flag(s.medicalAssistance()));
            optIns.put("emergencyInfo", flag(s.emergencyInfo()));
            optIns.put("smartphone", flag(s.smartphone()));
            optIns.put("medicalSubsidy", flag(medicalSubsidy));
            return new FacilityView(f.institutionCode(), f.name(), f.kind().label(),
                    String.valueOf(f.kind().scoreTable()), f.hospital(), s.characterCode().code(), optIns);
        }

        private static String flag(boolean on) {
            return on ? "1" : "0";
        }
    }

    @GetMapping("/facility")
    public FacilityView facility(@CallerFacility Facility facility) {
        return FacilityView.of(facility, subsidies.enabled(facility.institutionCode()));
    }
}
