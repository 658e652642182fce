package org.openoqs.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.openoqs.files.DurableWrites;

/** The module rules, shared by the checks on the real code and the checks that the rules catch a violation. */
final class ModuleRules {

    private ModuleRules() {
    }

    private static volatile JavaClasses mainClasses;

    /** Every main class of every module (oqs-app sees all of them on its test class path); imported once. */
    static JavaClasses mainClasses() {
        JavaClasses imported = mainClasses;
        if (imported == null) {
            // jars included: under "verify" the sibling modules arrive as jars, under "test" as class folders
            imported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.openoqs");
            mainClasses = imported;
        }
        return imported;
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
     * Issue 14 point 1: the terminal reaches the central service through {@code terminal.central} only — one port per
     * capability on its one transport ({@code CentralServiceHttp}) under the one set of sessions. One exception,
     * with its reason: the doctor ({@code terminal.doctor}) tests the connection itself — DNS, proxy, ports, the TLS
     * handshake — and must see each layer's failure as it is, not as a port's outage.
     */
    static final ArchRule ONLY_THE_CENTRAL_PACKAGE_CONNECTS = noClasses()
            .that().resideInAPackage("org.openoqs.terminal..")
            .and().resideOutsideOfPackages("org.openoqs.terminal.central..", "org.openoqs.terminal.doctor..")
            .should().callMethodWhere(target("java.net.http.HttpClient", "newBuilder"))
            .orShould().callMethodWhere(target("java.net.http.HttpClient", "newHttpClient"))
            .orShould().callMethodWhere(target("java.net.URL", "openConnection"))
            .because("the terminal's calls to the central service go through terminal.central (CentralServiceHttp "
                    + "under CentralServiceSessions), so the session limit and the health file see them (issue 14)");

    /**
     * Issue 14: the packages of oqs-terminal (its root package {@code org.openoqs.terminal} included) do not import
     * each other in a cycle, so each can be read, tested and replaced from the bottom up: the ports in
     * {@code terminal.central} at the bottom, the feature packages above them, {@code FacilityTerminal} on top. A
     * failure names each cycle with the classes whose dependencies close it.
     */
    static final SliceAssignment TERMINAL_PACKAGES = new PackagesUnder("org.openoqs.terminal");

    static final ArchRule TERMINAL_PACKAGES_FREE_OF_CYCLES = SlicesRuleDefinition.slices()
            .assignedFrom(TERMINAL_PACKAGES)
            .should().beFreeOfCycles()
            .because("a cycle between the terminal's packages means none of them can change alone (issue 14)");

    /** Each package under {@code root} (and {@code root} itself) is a slice; other classes are left out. */
    private static final class PackagesUnder implements SliceAssignment {
        private final String root;

        PackagesUnder(String root) {
            this.root = root;
        }

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals(root) || name.startsWith(root + ".") ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of " + root;
        }
    }

    private static DescribedPredicate<JavaMethodCall> target(String owner,
            String name) {
        return DescribedPredicate.describe(owner + "." + name + "(..)",
                call -> call.getTargetOwner().getName().equals(owner) && call.getName().equals(name));
    }
}
