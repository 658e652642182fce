package org.openoqs.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module rules hold on every main class of every module, and they do catch a violation: each is run once on a
 * deliberately violating class and must fail naming it.
 */
class ModuleRulesTest {

    @Test
    void everyModuleIsLookedAt() {
        JavaClasses main = ModuleRules.mainClasses();
        for (String module : List.of("org.openoqs.core.error.ErrorCode", "org.openoqs.pki.CertificateAuthority",
                "org.openoqs.files.DurableWrites", "org.openoqs.server.distribution.PackageRepository",
                "org.openoqs.terminal.linkage.LinkageAgent", "org.openoqs.app.demo.DemoSystem")) {
            assertThat(main.contain(module)).as(module).isTrue();
        }
        assertThat(main.contain(HandWrittenRename.class)).as("test classes are left out").isFalse();
    }

    @Test
    void onlyDurableWritesRenamesIntoPlace() {
        ModuleRules.ONLY_DURABLE_WRITES_RENAMES_INTO_PLACE.check(ModuleRules.mainClasses());
    }

    @Test
    void coreImportsNoFrameworkAndNoFileIo() {
        ModuleRules.CORE_STAYS_PLAIN.check(ModuleRules.mainClasses());
    }

    @Test
    void onlyTheCentralPackageOfTheTerminalConnects() {
        ModuleRules.ONLY_THE_CENTRAL_PACKAGE_CONNECTS.check(ModuleRules.mainClasses());
    }

    @Test
    void aTerminalClassWithItsOwnHttpClientIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                org.openoqs.terminal.archfixture.OwnHttpClient.class);
        assertThatThrownBy(() -> ModuleRules.ONLY_THE_CENTRAL_PACKAGE_CONNECTS.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OwnHttpClient")
                .hasMessageContaining("HttpClient.newBuilder");
    }

    @Test
    void aHandWrittenTempAndRenameIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(HandWrittenRename.class);
        assertThatThrownBy(() -> ModuleRules.ONLY_DURABLE_WRITES_RENAMES_INTO_PLACE.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(HandWrittenRename.class.getName())
                .hasMessageContaining("Files.move");
    }

    @Test
    void fileIoInCoreIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                org.openoqs.core.archfixture.CoreReadingAFile.class);
        assertThatThrownBy(() -> ModuleRules.CORE_STAYS_PLAIN.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CoreReadingAFile")
                .hasMessageContaining("java.nio.file");
    }

    @Test
    void serverPackagesHaveNoCycles() {
        ModuleRules.SERVER_PACKAGES_HAVE_NO_CYCLES.check(ModuleRules.mainClasses());
    }

    @Test
    void serverFeaturesKeepToTheSharedEdgeAndEachOthersPublicApi() {
        ModuleRules.SERVER_FEATURES_KEEP_TO_PUBLIC_APIS.check(ModuleRules.mainClasses());
    }

    @Test
    void aCycleBetweenServerPackagesIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                org.openoqs.server.archfixture.cycle.one.NeedsTwo.class,
                org.openoqs.server.archfixture.cycle.two.NeedsOne.class);
        assertThatThrownBy(() -> ModuleRules.SERVER_PACKAGES_HAVE_NO_CYCLES.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("org.openoqs.server.archfixture.cycle.one.NeedsTwo")
                .hasMessageContaining("org.openoqs.server.archfixture.cycle.two.NeedsOne");
    }

    @Test
    void aFeatureReachingIntoAnotherFeaturesInternalsIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                org.openoqs.server.archfixture.ReachesIntoOtherFeatures.class);
        assertThatThrownBy(() -> ModuleRules.SERVER_FEATURES_KEEP_TO_PUBLIC_APIS.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachesIntoOtherFeatures")
                .hasMessageContaining("reaches into eps.web, an internal package of feature eps")
                .hasMessageContaining("org.openoqs.server.eps.web.PrescriptionRow")
                .hasMessageContaining("uses InquiryController, a web entry point of feature inquiry")
                .hasMessageNotContaining("EpsService");
    }

    @Test
    void theSharedEdgeImportingAFeatureIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                org.openoqs.server.security.archfixture.EdgeUsingAFeature.class);
        assertThatThrownBy(() -> ModuleRules.SERVER_FEATURES_KEEP_TO_PUBLIC_APIS.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the shared edge (security.archfixture) depends on the feature notice")
                .hasMessageContaining("org.openoqs.server.security.archfixture.EdgeUsingAFeature")
                .hasMessageContaining("org.openoqs.server.notice.NoticeService");
    }

    @Test
    void aFeatureUsingTheEdgeAndAnotherFeaturesPublicApiPasses() {
        ModuleRules.SERVER_FEATURES_KEEP_TO_PUBLIC_APIS.check(new ClassFileImporter().importClasses(
                org.openoqs.server.archfixture.UsesPublicApisOnly.class));
    }

    /** What the rule forbids: the temp name + rename issue 19 found in the linkage agent. */
    static final class HandWrittenRename {
        static void publish(java.nio.file.Path target, byte[] content) throws java.io.IOException {
            java.nio.file.Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
            java.nio.file.Files.write(temp, content);
            java.nio.file.Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
