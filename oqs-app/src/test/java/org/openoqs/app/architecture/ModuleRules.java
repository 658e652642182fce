package org.openoqs.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.openoqs.files.DurableWrites;

/** The module rules, shared by the checks on the real code and the checks that the rules catch a violation. */
final class ModuleRules {

    private ModuleRules() {
    }

    /** Every main class of every module (oqs-app sees all of them on its test class path). */
    static JavaClasses mainClasses() {
        // jars included: under "verify" the sibling modules arrive as jars, under "test" as class folders
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openoqs");
    }

    /**
     * Issue 14 point 3: a file is put in place only through {@link DurableWrites} (random temporary name, no link
     * followed, stated permissions, fsync, atomic rename). Any other class that renames — {@code Files.move} (with
     * or without ATOMIC_MOVE), {@code File.renameTo}, or naming {@code StandardCopyOption.ATOMIC_MOVE} — is named.
     */
    static final ArchRule ONLY_DURABLE_WRITES_RENAMES_INTO_PLACE = noClasses()
            .that().doNotBelongToAnyOf(DurableWrites.class)
            .should().callMethodWhere(target("java.nio.file.Files", "move"))
            .orShould().callMethodWhere(target("java.io.File", "renameTo"))
            .orShould().accessField("java.nio.file.StandardCopyOption", "ATOMIC_MOVE")
            .because("every temp-name + rename goes through org.openoqs.files.DurableWrites (issue 14 point 3)");

    /** oqs-core is the framework-free, I/O-free domain and codec. */
    static final ArchRule CORE_STAYS_PLAIN = noClasses()
            .that().resideInAPackage("org.openoqs.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "picocli..", "jakarta..",
                    "javax.servlet..", "org.slf4j..", "org.bouncycastle..", "java.nio.file..")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File.*|RandomAccessFile)")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.FileChannel")
            .because("oqs-core is plain Java without frameworks or file I/O (project rules)");

    /**
     * Issue 14 point 1: the terminal reaches the central service through {@code terminal.central} only — its one
     * transport ({@code CentralServiceHttp}) under the one set of sessions. Named exceptions, each with its reason:
     * the doctor ({@code terminal.doctor}) tests the connection itself, proxy and ports included; the distribution
     * agent and certificate renewal still have their own clients (the seed's proxy settings for the 配信 service,
     * the renewal before a certificate exists) and are the remaining work of issue 14.
     */
    static final ArchRule ONLY_THE_CENTRAL_PACKAGE_CONNECTS = noClasses()
            .that().resideInAPackage("org.openoqs.terminal..")
            .and().resideOutsideOfPackages("org.openoqs.terminal.central..", "org.openoqs.terminal.doctor..")
            .and().doNotHaveFullyQualifiedName("org.openoqs.terminal.distribution.HttpsDistributionServer")
            .and().doNotHaveFullyQualifiedName("org.openoqs.terminal.certificate.CertificateRenewalClient")
            .should().callMethodWhere(target("java.net.http.HttpClient", "newBuilder"))
            .orShould().callMethodWhere(target("java.net.http.HttpClient", "newHttpClient"))
            .orShould().callMethodWhere(target("java.net.URL", "openConnection"))
            .because("the terminal's calls to the central service go through terminal.central (CentralServiceHttp "
                    + "under CentralServiceSessions), so the session limit and the health file see them (issue 14)");

    /**
     * Issue 14 point 2: no cycle between the packages of oqs-server (each package its own slice, the root package
     * with {@code CentralServer} and {@code ServerConfig} included). A cycle is how a feature ends up needing the
     * whole service: the nine-package cycle through {@code api} and {@code security} was one.
     */
    static final ArchRule SERVER_PACKAGES_HAVE_NO_CYCLES = slices().assignedFrom(ServerPackages.EVERY_PACKAGE)
            .should().beFreeOfCycles()
            .because("a feature of the central service must be understandable and changeable without the rest "
                    + "(issue 14)");

    /**
     * Issue 14 point 2: the server's features use each other only through their public API and the shared edge
     * imports no feature. What the edge is, what a feature's public API is and why: {@link ServerPackages}.
     */
    static final ArchRule SERVER_FEATURES_KEEP_TO_PUBLIC_APIS = classes()
            .that().resideInAPackage(ServerPackages.SERVER + "..")
            .should(ServerPackages.KEEP_TO_THE_SHARED_EDGE_AND_PUBLIC_APIS)
            .because("a new feature plugs into the shared edge and reworks its own pages and endpoints without "
                    + "touching another feature (issue 14)");

    private static DescribedPredicate<JavaMethodCall> target(String owner,
            String name) {
        return DescribedPredicate.describe(owner + "." + name + "(..)",
                call -> call.getTargetOwner().getName().equals(owner) && call.getName().equals(name));
    }
}
