package org.openoqs.clins.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The unmodified JP-CLINS 1.5.2 and JP Core 1.1.2 packages of ../shared/fhir/jami-clins-ad5ab68 (the surefire
 * configuration names the folder: read in place, never copied into the repository), loaded by {@link OfficialProfiles}
 * — the code {@code oqs clins validate --ig} runs — for ClinsOfficialPackagesTest and DocumentOfficialPackagesTest.
 * Without the folder (a clone without ../shared) the calling test skips, saying why.
 */
final class OfficialPackages {

    static final String CORE = "jp-core.r4-1.1.2-url.tgz";
    static final String CLINS = "jp-clins.r4-1.5.2.tgz";

    /**
     * One error the packages report where openoqs's rules accept: in {@code where} (a corpus file, or the part of a
     * document validated), {@code messageId} at {@code location}, with the reason docs/clins.md gives.
     */
    record Disagreement(String where, String messageId, String location, String why) {
        String key() {
            return where + " " + messageId + " @ " + location;
        }
    }

    private OfficialPackages() {
    }

    /** The folder holding both packages; skips the calling test when they are not there. */
    static Path folder() {
        Path folder = Path.of(System.getProperty("oqs.fhir.packages", "../../shared/fhir/jami-clins-ad5ab68"));
        assumeTrue(Files.isRegularFile(folder.resolve(CLINS)) && Files.isRegularFile(folder.resolve(CORE)),
                "the official packages " + folder.toAbsolutePath().normalize() + "/{" + CORE + "," + CLINS + "} are "
                        + "not next to this checkout (they are never copied into the repository), so the official "
                        + "second opinion cannot run here");
        return folder;
    }

    static OfficialProfiles load() throws OfficialProfiles.UnreadablePackageException {
        return OfficialProfiles.load(List.of(folder()));
    }

    /**
     * Fails unless the errors found (each {@code "<key>  (<message>)"}) are exactly the documented ones: none
     * undocumented, none documented that no longer occurs — so the tables in docs/clins.md stay exact.
     */
    static void assertOnlyTheDocumented(Set<String> found, List<Disagreement> documented) {
        List<String> documentedKeys = documented.stream().map(Disagreement::key).toList();
        List<String> unexpected = found.stream()
                .filter(error -> documentedKeys.stream().noneMatch(key -> error.startsWith(key + "  ("))).toList();
        List<String> vanished = documentedKeys.stream()
                .filter(key -> found.stream().noneMatch(error -> error.startsWith(key + "  ("))).toList();
        assertThat(unexpected).as("errors of the official packages that docs/clins.md does not list").isEmpty();
        assertThat(vanished).as("documented disagreements that no longer occur (update docs/clins.md)").isEmpty();
    }
}
