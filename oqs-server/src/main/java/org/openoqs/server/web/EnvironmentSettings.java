package org.openoqs.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityKind;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.facility.FacilitySettings;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.stereotype.Service;

/**
 * Changes a facility's 環境設定 from the portal: the hospital-only rule for 救急時医療情報閲覧 with a message the
 * user understands, then {@link FacilityService#updateSettings}, then one audit entry listing what changed. The
 * settings apply to the next request of the facility's terminal (the service reads them on every request).
 */
@Service
public class EnvironmentSettings {

    public static final String ACTION = "SETTINGS_CHANGE";
    /** The code, its message and the facility's kind, e.g. 「OQSF5001 救急時医療情報閲覧は…（この医療機関等は診療所です）」. */
    static final String EMERGENCY_HOSPITALS_ONLY = ErrorCode.EMERGENCY_VIEW_HOSPITALS_ONLY.code() + " "
            + ErrorCode.EMERGENCY_VIEW_HOSPITALS_ONLY.message() + "（この医療機関等は%sです）";

    private final FacilityService facilities;
    private final AuditLog audit;

    public EnvironmentSettings(FacilityService facilities, AuditLog audit) {
        this.facilities = facilities;
        this.audit = audit;
    }

    /** @return the Japanese reasons the change was refused; empty when it was saved */
    public List<String> change(PortalUser user, FacilitySettings wanted) {
        Facility facility = facilities.get(user.institutionCode());
        if (wanted.emergencyInfo() && !facility.hospital()) {
            String kind = facility.kind() == FacilityKind.PHARMACY ? "薬局" : "診療所";
            audit.append(facility.institutionCode(), user.accountId(), ACTION, "facility=" + facility.institutionCode(),
                    "REFUSED " + ErrorCode.EMERGENCY_VIEW_HOSPITALS_ONLY.code() + " kind=" + facility.kind());
            return List.of(String.format(EMERGENCY_HOSPITALS_ONLY, kind));
        }
        String changes = differences(facility.settings(), wanted);
        facilities.updateSettings(facility.institutionCode(), wanted);
        audit.append(facility.institutionCode(), user.accountId(), ACTION, "facility=" + facility.institutionCode(),
                changes.isEmpty() ? "OK unchanged" : "OK " + changes);
        return List.of();
    }

    /** {@code characterCode 0->1, medicalAssistance 1->0} (codes, as the interface writes them). */
    static String differences(FacilitySettings before, FacilitySettings after) {
        SettingsForm a = SettingsForm.of(before);
        SettingsForm b = SettingsForm.of(after);
        List<String> out = new ArrayList<>();
        diff(out, "characterCode", a.characterCode(), b.characterCode());
        diff(out, "operationInfo", a.operationInfo(), b.operationInfo());
        diff(out, "ePrescription", a.ePrescription(), b.ePrescription());
        diff(out, "eKarteSharing", a.eKarteSharing(), b.eKarteSharing());
        diff(out, "medicalAssistance", a.medicalAssistance(), b.medicalAssistance());
        diff(out, "emergencyInfo", a.emergencyInfo(), b.emergencyInfo());
        diff(out, "smartphone", a.smartphone(), b.smartphone());
        return String.join(", ", out);
    }

    private static void diff(List<String> out, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(name + " " + before + "->" + after);
        }
    }
}
