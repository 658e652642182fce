package org.openoqs.server.clins;

import java.util.List;
import java.util.Optional;
import org.openoqs.core.clins.ClinsBundleIdentifier;
import org.openoqs.core.error.ErrorCode;

/**
 * The project's own registration rules on one Bundle, without a server: what {@code oqs clins validate} runs
 * (docs/clins.md). Everything {@link ClinsRegistrationService} checks before it looks at stored data — size, JSON,
 * the strict R4 parse and {@link ClinsBundleRules} — with the same codes and FHIRPaths. Not checked here, because they
 * need the central registry: whether the 被保険者個人識別子 names exactly one person (OQSF2034/2035) and whether a
 * replacement or delete matches what is registered (OQSF2061/2062).
 */
public final class ClinsBundleCheck {

    /** What the rules found; {@code resourceType} and {@code entries} are set when there are no problems. */
    public record Result(List<ClinsProblem> problems, String identifier, String resourceType, int entries) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    private final ClinsFhir fhir;

    public ClinsBundleCheck(ClinsFhir fhir) {
        this.fhir = fhir;
    }

    /**
     * @param institutionCode the facility that would register it (its 医療機関コード must be in Bundle.identifier);
     *                        when empty, the code written in the identifier itself is taken
     */
    public Result check(byte[] body, Optional<String> institutionCode) {
        if (body.length > ClinsRegistrationService.MAX_BYTES) {
            return refused(List.of(new ClinsProblem(ErrorCode.CLINS_BUNDLE_TOO_LARGE, "Bundle", body.length + "バイト")));
        }
        ClinsBundleReading.Read read;
        try {
            read = ClinsBundleReading.read(fhir, body);
        } catch (ClinsRefusedException e) {
            return refused(e.problems());
        }
        String own = institutionCode.or(() -> ClinsBundleIdentifier.parse(read.bundle().getIdentifier().getValue())
                .map(ClinsBundleIdentifier::institutionCode)).orElse("");
        ClinsBundleRules.Verdict verdict = ClinsBundleRules.check(read.bundle(), own);
        if (!verdict.problems().isEmpty()) {
            return refused(verdict.problems());
        }
        ClinsUpload upload = verdict.upload();
        return new Result(List.of(), upload.identifier().value(), upload.resourceType(), upload.entries().size());
    }

    private static Result refused(List<ClinsProblem> problems) {
        return new Result(List.copyOf(problems), null, null, 0);
    }
}
