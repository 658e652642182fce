package org.openoqs.server.clins;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's validator with the unmodified JP-CLINS 1.5.2 and JP Core 1.1.2 packages of ../shared/fhir/jami-clins-ad5ab68
 * (on the test class path by the surefire configuration, read in place, never copied into the repository): the
 * official second opinion of ClinsOfficialPackagesTest and DocumentOfficialPackagesTest. Without the package folder
 * (a clone without ../shared) the calling test skips, saying why.
 */
public final class OfficialPackages {

    private static final String CORE = "jp-core.r4-1.1.2-url.tgz";
    private static final String CLINS = "jp-clins.r4-1.5.2.tgz";

    private OfficialPackages() {
    }

    public static FhirValidator validator() {
        assumeTrue(OfficialPackages.class.getResource("/" + CLINS) != null
                        && OfficialPackages.class.getResource("/" + CORE) != null,
                "the official packages ../shared/fhir/jami-clins-ad5ab68/{" + CORE + "," + CLINS + "} are not next to "
                        + "this checkout (they are never copied into the repository), so the official second opinion "
                        + "cannot run here");
        FhirContext context = FhirContext.forR4();
        NpmPackageValidationSupport packages = new NpmPackageValidationSupport(context);
        try {
            packages.loadPackageFromClasspath("classpath:" + CORE);
            packages.loadPackageFromClasspath("classpath:" + CLINS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ValidationSupportChain chain = new ValidationSupportChain(packages, new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context), new UnknownCodeSystemWarningValidationSupport(context));
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
        return validator;
    }

    /**
     * Fails unless the errors found (each {@code "<key>  (<message>)"}) are exactly the documented ones: none
     * undocumented, none documented that no longer occurs — so the table in docs/clins.md stays exact.
     */
    public static void assertOnlyTheDocumented(java.util.Set<String> found, java.util.List<String> documentedKeys) {
        java.util.List<String> unexpected = found.stream()
                .filter(error -> documentedKeys.stream().noneMatch(key -> error.startsWith(key + "  ("))).toList();
        java.util.List<String> vanished = documentedKeys.stream()
                .filter(key -> found.stream().noneMatch(error -> error.startsWith(key + "  ("))).toList();
        org.assertj.core.api.Assertions.assertThat(unexpected)
                .as("errors of the official packages that docs/clins.md does not list").isEmpty();
        org.assertj.core.api.Assertions.assertThat(vanished)
                .as("documented disagreements that no longer occur (update docs/clins.md)").isEmpty();
    }

    public static boolean isError(SingleValidationMessage m) {
        return m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL;
    }
}
