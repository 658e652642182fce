package org.openoqs.server.web.medical;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.openoqs.core.medical.DrugHistoryPeriod;
import org.openoqs.server.clins.ClinsViewing;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.medical.MedicalInformationViewing;
import org.openoqs.server.medical.MedicalInformationViewing.ClinicalInformation;
import org.openoqs.server.medical.MedicalInformationViewing.ConsentedPatient;
import org.openoqs.server.medical.MedicalInformationViewing.DrugInformation;
import org.openoqs.server.web.security.CertifiedFacility;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 医療情報閲覧 (seed: 医療情報閲覧アカウント; 一般・管理 accounts too): the facility's patients who consented on the
 * card reader, and for one of them 薬剤情報, 特定健診情報, 診療情報 (with 手術情報 where allowed) and 電子カルテ情報
 * (6情報, where the facility switched 電子カルテ情報共有サービス on) — on screen and as
 * the same PDFs the request files give. Each screen asks {@link MedicalInformationViewing}, which checks the consent
 * again and audits the view; a refusal shows its code and message ({@code PortalPageAdvice}).
 */
@Controller
@PortalPage
@RequestMapping(PortalPaths.MEDICAL)
public class MedicalInformationPagesController {

    private static final String PERSON = "/patients/{personId:[A-Za-z0-9]{1,32}}";

    private final MedicalInformationViewing viewing;
    private final ClinsViewing clins;
    private final FacilityService facilities;

    public MedicalInformationPagesController(MedicalInformationViewing viewing, ClinsViewing clins,
            FacilityService facilities) {
        this.viewing = viewing;
        this.clins = clins;
        this.facilities = facilities;
    }

    @GetMapping
    String patients(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String name,
                    @RequestParam(defaultValue = "") String birthdate, Model model) {
        PatientFilter filter = new PatientFilter(name, birthdate);
        model.addAttribute("filter", filter);
        model.addAttribute("maxPatients", MedicalInformationViewing.MAX_PATIENTS);
        if (filter.birthdateProblem().isPresent()) {
            model.addAttribute("errors", List.of(filter.birthdateProblem().get()));
            model.addAttribute("patients", List.of());
            return "web/medical/patients";
        }
        LocalDateTime now = viewing.now();
        boolean clinsSwitchedOn = clinsSwitchedOn(user);
        model.addAttribute("patients", viewing.patients(user.institutionCode()).stream()
                .filter(p -> filter.matches(p.person()))
                .map(p -> MedicalViews.patientRow(p, now, clinsSwitchedOn)).toList());
        return "web/medical/patients";
    }

    @GetMapping(PERSON)
    String patient(@AuthenticationPrincipal PortalUser user, @PathVariable String personId, Model model) {
        ConsentedPatient patient = viewing.patient(user.actor(), personId);
        header(user, patient, model);
        return "web/medical/patient";
    }

    @GetMapping(PERSON + "/drugs")
    String drugs(@AuthenticationPrincipal PortalUser user, @PathVariable String personId,
                 @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Model model) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        DrugHistoryPeriod.Resolution resolution = period(from, to);
        if (resolution instanceof DrugHistoryPeriod.Invalid invalid) {
            header(user, viewing.patient(user.actor(), personId), model);
            model.addAttribute("periodError", invalid.violation());
            model.addAttribute("rows", List.of());
            return "web/medical/drugs";
        }
        DrugHistoryPeriod period = ((DrugHistoryPeriod.Valid) resolution).period();
        DrugInformation drugs = viewing.drugs(user.actor(), personId, period);
        header(user, drugs.patient(), model);
        model.addAttribute("from", MedicalViews.monthInput(period.from()));
        model.addAttribute("to", MedicalViews.monthInput(period.to()));
        model.addAttribute("dispensingCount", drugs.dispensings().size());
        model.addAttribute("rows", MedicalViews.drugRows(drugs.dispensings()));
        return "web/medical/drugs";
    }

    @GetMapping(PERSON + "/drugs.pdf")
    ResponseEntity<byte[]> drugsPdf(@AuthenticationPrincipal PortalUser user, @PathVariable String personId,
                                    @RequestParam(defaultValue = "") String from,
                                    @RequestParam(defaultValue = "") String to) {
        if (!(period(from, to) instanceof DrugHistoryPeriod.Valid valid)) {
            // the screen explains what is wrong with the months
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(UriComponentsBuilder
                    .fromPath(PortalPaths.MEDICAL + "/patients/{personId}/drugs").queryParam("from", from)
                    .queryParam("to", to).encode().buildAndExpand(personId).toUri()).build();
        }
        return pdf(viewing.drugsPdf(user.actor(), personId, valid.period()), "YZK_" + personId + ".pdf");
    }

    @GetMapping(PERSON + "/checkups")
    String checkups(@AuthenticationPrincipal PortalUser user, @PathVariable String personId, Model model) {
        MedicalInformationViewing.CheckupInformation checkups = viewing.checkups(user.actor(), personId);
        header(user, checkups.patient(), model);
        model.addAttribute("table", MedicalViews.checkupTable(checkups.checkups()));
        return "web/medical/checkups";
    }

    @GetMapping(PERSON + "/checkups.pdf")
    ResponseEntity<byte[]> checkupsPdf(@AuthenticationPrincipal PortalUser user, @PathVariable String personId) {
        return pdf(viewing.checkupsPdf(user.actor(), personId), "TKK_" + personId + ".pdf");
    }

    @GetMapping(PERSON + "/clinical")
    String clinical(@AuthenticationPrincipal PortalUser user, @PathVariable String personId,
                    HttpServletRequest request, Model model) {
        ClinicalInformation clinical = viewing.clinical(user.actor(), CertifiedFacility.of(request).facility(), personId);
        header(user, clinical.patient(), model);
        model.addAttribute("diagnoses", clinical.diagnoses().stream().map(MedicalViews.ClinicalRow::of).toList());
        model.addAttribute("surgeriesAllowed", clinical.surgeriesAllowed());
        model.addAttribute("surgeries", clinical.surgeries().stream().map(MedicalViews.ClinicalRow::of).toList());
        return "web/medical/clinical";
    }

    /** 電子カルテ情報 (6情報) registered by any facility: only with the facility's switch on and the CLINS consent. */
    @GetMapping(PERSON + "/ekarte")
    String ekarte(@AuthenticationPrincipal PortalUser user, @PathVariable String personId,
                  HttpServletRequest request, Model model) {
        ClinsViewing.Shown shown = clins.view(user.actor(), CertifiedFacility.of(request).facility(), personId);
        header(user, shown.patient(), model);
        model.addAttribute("tables", ClinsRows.tables(shown.items()));
        model.addAttribute("itemCount", shown.items().size());
        return "web/medical/ekarte";
    }

    /** The month inputs give {@code yyyy-MM}; the rule is the request file's ({@code yyyyMM}). */
    private DrugHistoryPeriod.Resolution period(String from, String to) {
        return DrugHistoryPeriod.resolve(from.replace("-", ""), to.replace("-", ""), YearMonth.from(viewing.now()));
    }

    private void header(PortalUser user, ConsentedPatient patient, Model model) {
        model.addAttribute("patient", MedicalViews.PatientHeader.of(patient.person()));
        model.addAttribute("consents", MedicalViews.consentRows(patient, viewing.now(), clinsSwitchedOn(user)));
    }

    private boolean clinsSwitchedOn(PortalUser user) {
        return facilities.find(user.institutionCode()).map(f -> f.settings().eKarteSharing()).orElse(false);
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(bytes);
    }
}
