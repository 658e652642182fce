package org.openoqs.server.clins;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.openoqs.core.clins.ClinsBundleIdentifier;
import org.openoqs.core.error.ErrorCode;

/**
 * The Bundle identifier rule every CLINS upload shares — 5情報 Bundles and documents alike (../shared/spec/CIP-PMH.md
 * §1.3, §1.5): system {@value ClinsBundleIdentifier#SYSTEM}, value {@code 医療機関コード^発行年^施設内ID}, with the
 * sender's own 医療機関コード.
 */
public final class ClinsIdentifierRule {

    private ClinsIdentifierRule() {
    }

    /**
     * @param at       FHIRPath of the Bundle ({@code Bundle}, or an attached Bundle's path)
     * @param own      the sending facility's 医療機関コード
     * @param problems where a problem is added (OQSF2021, 2022 or 2023)
     */
    public static Optional<ClinsBundleIdentifier> check(Identifier id, String at, String own, List<ClinsProblem> problems) {
        if (!ClinsBundleIdentifier.SYSTEM.equals(id.getSystem()) || !id.hasValue()) {
            problems.add(ClinsProblem.of(ErrorCode.CLINS_BUNDLE_IDENTIFIER_MISSING, at + ".identifier"));
            return Optional.empty();
        }
        Optional<ClinsBundleIdentifier> parsed = ClinsBundleIdentifier.parse(id.getValue());
        if (parsed.isEmpty()) {
            problems.add(new ClinsProblem(ErrorCode.CLINS_BUNDLE_IDENTIFIER_FORMAT, at + ".identifier.value",
                    "指定値: " + ClinsBundleReading.cut(id.getValue())));
            return Optional.empty();
        }
        if (!parsed.get().institutionCode().equals(own)) {
            problems.add(new ClinsProblem(ErrorCode.CLINS_BUNDLE_IDENTIFIER_FOREIGN, at + ".identifier.value",
                    "指定値: " + parsed.get().institutionCode()));
            return Optional.empty();
        }
        return parsed;
    }
}
