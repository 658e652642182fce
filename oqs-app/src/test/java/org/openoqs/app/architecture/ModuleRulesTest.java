package org.openoqs.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
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
    void theTerminalsPackagesHaveNoCycle() {
        ModuleRules.TERMINAL_PACKAGES_FREE_OF_CYCLES.check(ModuleRules.mainClasses());
    }

    @Test
    void aCycleBetweenTerminalPackagesIsNamedWithItsClasses() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                org.openoqs.terminal.archfixture.cycle.linkage.AgentCallingBack.class,
                org.openoqs.terminal.archfixture.cycle.requests.ProcessorReachingIn.class);
        assertThatThrownBy(() -> ModuleRules.TERMINAL_PACKAGES_FREE_OF_CYCLES.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("org.openoqs.terminal.archfixture.cycle.linkage")
                .hasMessageContaining("org.openoqs.terminal.archfixture.cycle.requests")
                .hasMessageContaining("AgentCallingBack.answer")
                .hasMessageContaining("ProcessorReachingIn.process");
    }

    @Test
    void theCycleRuleLooksAtTheRootPackageToo() {
        JavaClasses classes = new ClassFileImporter().importClasses(org.openoqs.terminal.FacilityTerminal.class,
                org.openoqs.terminal.health.TerminalHealth.class, org.openoqs.core.error.ErrorCode.class);
        assertThat(sliceOf(classes, org.openoqs.terminal.FacilityTerminal.class))
                .isEqualTo(SliceIdentifier.of("org.openoqs.terminal"));
        assertThat(sliceOf(classes, org.openoqs.terminal.health.TerminalHealth.class))
                .isEqualTo(SliceIdentifier.of("org.openoqs.terminal.health"));
        assertThat(sliceOf(classes, org.openoqs.core.error.ErrorCode.class)).as("other modules are left out")
                .isEqualTo(SliceIdentifier.ignore());
    }

    private static SliceIdentifier sliceOf(JavaClasses classes, Class<?> type) {
        return ModuleRules.TERMINAL_PACKAGES.getIdentifierOf(classes.get(type));
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

    /** What the rule forbids: the temp name + rename issue 19 found in the linkage agent. */
    static final class HandWrittenRename {
        static void publish(java.nio.file.Path target, byte[] content) throws java.io.IOException {
            java.nio.file.Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
            java.nio.file.Files.write(temp, content);
            java.nio.file.Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
