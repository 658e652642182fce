package org.openoqs.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
                "org.openoqs.terminal.linkage.LinkageAgent", "org.openoqs.app.demo.DemoSystem",
                "org.openoqs.examples.ExampleCorpus")) {
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

    @Test
    void theCorePackagesHaveNoCycle() {
        ModuleRules.CORE_PACKAGES_FREE_OF_CYCLES.check(ModuleRules.mainClasses());
    }

    @Test
    void thePkiPackagesHaveNoCycle() {
        ModuleRules.PKI_PACKAGES_FREE_OF_CYCLES.check(ModuleRules.mainClasses());
    }

    @Test
    void aCycleBetweenCorePackagesIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                org.openoqs.core.archfixture.cycle.reading.ReadsAndReports.class,
                org.openoqs.core.archfixture.cycle.reporting.ReportsWhatWasRead.class);
        assertThatThrownBy(() -> ModuleRules.CORE_PACKAGES_FREE_OF_CYCLES.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("ReadsAndReports")
                .hasMessageContaining("ReportsWhatWasRead");
    }

    @Test
    void aCycleBetweenPkiPackagesIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                org.openoqs.pki.archfixture.SignsAndStores.class, org.openoqs.files.archfixture.StoresAndSigns.class);
        assertThatThrownBy(() -> ModuleRules.PKI_PACKAGES_FREE_OF_CYCLES.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("SignsAndStores")
                .hasMessageContaining("StoresAndSigns");
    }

    @Test
    void theAppPackagesHaveNoCycle() {
        ModuleRules.APP_PACKAGES_FREE_OF_CYCLES.check(ModuleRules.mainClasses());
    }

    @Test
    void theExamplesPackagesHaveNoCycle() {
        ModuleRules.EXAMPLES_PACKAGES_FREE_OF_CYCLES.check(ModuleRules.mainClasses());
    }

    @Test
    void aCycleBetweenAppPackagesIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                org.openoqs.app.archfixture.cycle.command.RunsTheDemo.class,
                org.openoqs.app.archfixture.cycle.demo.CallsTheCommandBack.class);
        assertThatThrownBy(() -> ModuleRules.APP_PACKAGES_FREE_OF_CYCLES.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("org.openoqs.app.archfixture.cycle.command.RunsTheDemo")
                .hasMessageContaining("org.openoqs.app.archfixture.cycle.demo.CallsTheCommandBack");
    }

    @Test
    void aCycleBetweenExamplesPackagesIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                org.openoqs.examples.archfixture.cycle.corpus.ListsTheFiles.class,
                org.openoqs.examples.archfixture.cycle.files.KnowsTheCorpus.class);
        assertThatThrownBy(() -> ModuleRules.EXAMPLES_PACKAGES_FREE_OF_CYCLES.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("org.openoqs.examples.archfixture.cycle.corpus.ListsTheFiles")
                .hasMessageContaining("org.openoqs.examples.archfixture.cycle.files.KnowsTheCorpus");
    }

    @Test
    void theCoreSurfaceIsExactlyTheListInTheDocs() throws Exception {
        assertThat(ModuleRules.surfaceDifferences(ModuleRules.publishedCoreTypes(ModuleRules.mainClasses()),
                listedCoreTypes())).as("docs/core-api.md against the public, not @Internal types of oqs-core").isEmpty();
    }

    @Test
    void aNewPublicCoreTypeThatIsNotListedIsNamed() throws Exception {
        JavaClasses withNewType = new ClassFileImporter().importClasses(
                org.openoqs.core.archfixture.CoreReadingAFile.class, org.openoqs.core.registry.QualificationRegistry.class);

        assertThat(ModuleRules.surfaceDifferences(ModuleRules.publishedCoreTypes(withNewType), listedCoreTypes()))
                .contains("org.openoqs.core.archfixture.CoreReadingAFile is public and not @Internal, but not listed "
                        + "in docs/core-api.md")
                .noneMatch(line -> line.startsWith("org.openoqs.core.registry.QualificationRegistry"));
    }

    @Test
    void onlyTheOpenoqsProgramsUseInternalCoreTypes() {
        ModuleRules.CORE_INTERNALS_STAY_IN_OPENOQS.check(ModuleRules.mainClasses());
    }

    @Test
    void aVendorClassUsingAnInternalCoreTypeIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                com.example.vendor.ReceptaUsingTheRulesEngine.class);
        assertThatThrownBy(() -> ModuleRules.CORE_INTERNALS_STAY_IN_OPENOQS.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReceptaUsingTheRulesEngine")
                .hasMessageContaining("InMemoryQualificationRegistry");
    }

    @Test
    void noPublishedCoreTypeExposesAnInternalOne() {
        ModuleRules.PUBLISHED_CORE_EXPOSES_NO_INTERNAL_TYPE.check(ModuleRules.mainClasses());
    }

    @Test
    void aPublishedCoreTypeHandingOutAnInternalOneIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                org.openoqs.core.archfixture.LeaksTheRegistry.class);
        assertThatThrownBy(() -> ModuleRules.PUBLISHED_CORE_EXPOSES_NO_INTERNAL_TYPE.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeaksTheRegistry.registry()")
                .hasMessageContaining("exposes the @Internal org.openoqs.core.registry.QualificationRegistry");
    }

    /** The published types as docs/core-api.md lists them between its two markers. */
    private static Set<String> listedCoreTypes() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(repositoryFile("docs/core-api.md"));
        String list = doc.substring(doc.indexOf("<!-- published-types: begin -->"),
                doc.indexOf("<!-- published-types: end -->"));
        Set<String> types = new TreeSet<>();
        for (String item : list.split("\n- ")) {
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("`([^`]+)`").matcher(item);
            if (!names.find()) {
                continue;
            }
            String pkg = names.group(1);
            while (names.find()) {
                types.add(pkg + "." + names.group(1));
            }
        }
        return types;
    }

    private static java.nio.file.Path repositoryFile(String relative) {
        java.nio.file.Path start = java.nio.file.Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        for (java.nio.file.Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (java.nio.file.Files.isRegularFile(p.resolve(relative))) {
                return p.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + start);
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
