package org.openoqs.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openoqs.core.Internal;
import org.openoqs.files.DurableWrites;

/** The module rules, shared by the checks on the real code and the checks that the rules catch a violation. */
final class ModuleRules {

    private ModuleRules() {
    }

    /** Every main class of every module (oqs-app sees all of them on its test class path). */
    static synchronized JavaClasses mainClasses() {
        // Imported once per test run: every rule looks at the same classes, and an import takes half a minute.
        if (mainClasses == null) {
            // jars included: under "verify" the sibling modules arrive as jars, under "test" as class folders
            mainClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.openoqs");
        }
        return mainClasses;
    }

    private static JavaClasses mainClasses;

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
     * Issue 14 point 7: the packages of oqs-core depend on each other one way only (e.g. {@code validation} uses
     * {@code codec}, never the reverse), so each can be read, tested and reused from the bottom up. A failure names
     * the cycle and the classes whose dependencies close it.
     */
    static final ArchRule CORE_PACKAGES_FREE_OF_CYCLES = slices().assignedFrom(packagesOf("oqs-core", "org.openoqs.core"))
            .should().beFreeOfCycles()
            .because("a cycle between oqs-core packages means neither can change or be reused alone (issue 14)");

    /** The same for oqs-pki: {@code org.openoqs.pki} and {@code org.openoqs.files}. */
    static final ArchRule PKI_PACKAGES_FREE_OF_CYCLES = slices()
            .assignedFrom(packagesOf("oqs-pki", "org.openoqs.pki", "org.openoqs.files"))
            .should().beFreeOfCycles()
            .because("a cycle between oqs-pki packages means neither can change or be reused alone (issue 14)");

    /** The same for oqs-app, the {@code oqs} command: its commands and the demo, bench and doctor they run. */
    static final ArchRule APP_PACKAGES_FREE_OF_CYCLES = slices()
            .assignedFrom(packagesOf("oqs-app", "org.openoqs.app"))
            .should().beFreeOfCycles()
            .because("a cycle between oqs-app packages means no command can change or be read alone (issue 14)");

    /** The same for oqs-examples, the corpus a vendor's tests read. */
    static final ArchRule EXAMPLES_PACKAGES_FREE_OF_CYCLES = slices()
            .assignedFrom(packagesOf("oqs-examples", "org.openoqs.examples"))
            .should().beFreeOfCycles()
            .because("a cycle between oqs-examples packages means neither can change or be reused alone (issue 14)");

    /** The modules that may use an {@code @Internal} type of oqs-core: core itself and the openoqs programs. */
    static final String[] CORE_INTERNAL_USERS = {"org.openoqs.core..", "org.openoqs.server..", "org.openoqs.terminal..",
            "org.openoqs.app..", "org.openoqs.bench.."};

    /** A type of oqs-core marked {@link Internal}, itself or through its package's {@code package-info}. */
    static final DescribedPredicate<JavaClass> INTERNAL_TO_CORE = DescribedPredicate.describe(
            "@Internal types of oqs-core", ModuleRules::isInternalToCore);

    /**
     * Issue 14 point 6: an {@code @Internal} type of oqs-core is for the openoqs programs only. A vendor's code, and
     * oqs-pki and oqs-examples (which a vendor uses as they are), build on the published surface (docs/core-api.md).
     */
    static final ArchRule CORE_INTERNALS_STAY_IN_OPENOQS = noClasses()
            .that().resideOutsideOfPackages(CORE_INTERNAL_USERS)
            .should().dependOnClassesThat(INTERNAL_TO_CORE)
            .because("@Internal types of oqs-core may change in any release; only the openoqs programs use them "
                    + "(docs/core-api.md)");

    /** No published type of oqs-core shows an {@code @Internal} one in a public constructor, method or field. */
    static final ArchRule PUBLISHED_CORE_EXPOSES_NO_INTERNAL_TYPE = classes()
            .that(DescribedPredicate.describe("published types of oqs-core", ModuleRules::isPublishedByCore))
            .should(exposeNoInternalType())
            .because("a vendor building on the published surface must not be handed an internal type "
                    + "(docs/core-api.md)");

    /**
     * The published surface of oqs-core: its public top-level types that are not {@code @Internal}. docs/core-api.md
     * lists them; {@code ModuleRulesTest} compares the two, so the surface cannot grow or shrink unnoticed.
     */
    static SortedSet<String> publishedCoreTypes(JavaClasses classes) {
        return classes.stream().filter(JavaClass::isTopLevelClass).filter(ModuleRules::isPublishedByCore)
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** What {@code publishedCoreTypes} finds and the list does not, and the reverse; empty when they agree. */
    static List<String> surfaceDifferences(SortedSet<String> published, Set<String> listed) {
        List<String> differences = new ArrayList<>();
        published.stream().filter(t -> !listed.contains(t))
                .forEach(t -> differences.add(t + " is public and not @Internal, but not listed in docs/core-api.md"));
        listed.stream().filter(t -> !published.contains(t)).sorted()
                .forEach(t -> differences.add(t + " is listed in docs/core-api.md, but not a published type"));
        return differences;
    }

    private static boolean isInCore(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        return name.equals("org.openoqs.core") || name.startsWith("org.openoqs.core.");
    }

    private static boolean isInternalToCore(JavaClass javaClass) {
        JavaClass top = javaClass;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return isInCore(top) && (top.isAnnotatedWith(Internal.class) || top.getPackage().isAnnotatedWith(Internal.class));
    }

    private static boolean isPublishedByCore(JavaClass javaClass) {
        return isInCore(javaClass) && javaClass.getModifiers().contains(JavaModifier.PUBLIC)
                && !isInternalToCore(javaClass);
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no @Internal type of oqs-core in a public member") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaMember member : javaClass.getMembers()) {
                    if (!member.getModifiers().contains(JavaModifier.PUBLIC)) {
                        continue;
                    }
                    Set<JavaClass> shown = new LinkedHashSet<>();
                    if (member instanceof JavaField field) {
                        shown.addAll(field.getType().getAllInvolvedRawTypes());
                    } else if (member instanceof JavaCodeUnit codeUnit) {
                        shown.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
                        codeUnit.getParameterTypes().forEach(t -> shown.addAll(t.getAllInvolvedRawTypes()));
                    }
                    shown.stream().filter(ModuleRules::isInternalToCore).forEach(internal -> events.add(
                            SimpleConditionEvent.violated(member, member.getFullName() + " exposes the @Internal "
                                    + internal.getName())));
                }
            }
        };
    }

    /** One slice per package (sub-packages are slices of their own) under the module's root packages. */
    static SliceAssignment packagesOf(String module, String... roots) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                for (String root : roots) {
                    if (name.equals(root) || name.startsWith(root + ".")) {
                        return SliceIdentifier.of(name);
                    }
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages of " + module;
            }
        };
    }

    /**
     * Issue 14 point 1: the terminal reaches the central service through {@code terminal.central} only — its one
     * transport ({@code CentralServiceHttp}) under the one set of sessions. Named exceptions, each with its reason:
     * the doctor ({@code terminal.doctor}) tests the connection itself, proxy and ports included; the distribution
     * agent and certificate renewal still have their own clients (the seed's proxy settings for the 配信 service,
     * the renewal before a certificate exists) and are the remaining work of issue 14.
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
