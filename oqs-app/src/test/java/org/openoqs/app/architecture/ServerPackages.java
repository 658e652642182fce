package org.openoqs.app.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Optional;

/**
 * How oqs-server's packages are cut (issue 14 point 2), for {@link ModuleRules}: a thin shared edge and features.
 * <ul>
 *   <li><b>The shared edge</b> ({@link #SHARED_EDGE}) is what every feature may use: the application and its
 *       {@code ServerConfig} (the root package), the API's error vocabulary, body limits and generic endpoints
 *       ({@code api}), certificate authentication and the caller's facility ({@code security}), the portal's
 *       sign-in and its {@code PortalUser}/{@code PortalPage} ({@code web.security}), and the infrastructure
 *       {@code audit}, {@code facility}, {@code account}, {@code registry}, {@code logging}, {@code metrics},
 *       {@code schedule}, {@code pdf}. The edge imports no feature: a feature that needs a say in shared wiring
 *       contributes a bean the edge collects (its own {@code SecurityFilterChain}, a {@code PageAfterSignIn}).</li>
 *   <li><b>A feature</b> is every other top-level package under {@code org.openoqs.server} with its sub-packages
 *       ({@code eps} with {@code eps.web}, {@code web} with {@code web.medical}, {@code clins} with any package it
 *       adds).</li>
 *   <li><b>A feature's public API</b> is the classes of its top package that are not web entry points: services,
 *       stores, records and exceptions other features build on (the medical views read {@code eps} and
 *       {@code bulk} records, the card confirmation records consents). Its <b>internals</b> are its sub-packages
 *       and its controllers and controller advice: pages and endpoints are reached over HTTP, never called, so a
 *       feature can rework them without another feature noticing.</li>
 * </ul>
 */
final class ServerPackages {

    static final String SERVER = "org.openoqs.server";

    /** Relative to {@link #SERVER}; "" is the root package. A sub-package of an edge package is edge too. */
    static final List<String> SHARED_EDGE = List.of("", "api", "security", "web.security", "audit", "facility",
            "account", "registry", "logging", "metrics", "schedule", "pdf");

    private static final List<String> WEB_ENTRY_POINTS = List.of("org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.ControllerAdvice");

    private ServerPackages() {
    }

    /** Each package of oqs-server its own slice, the root package included (as "(application)"). */
    static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return relative(javaClass.getPackageName())
                    .map(p -> SliceIdentifier.of(p.isEmpty() ? "(application)" : p))
                    .orElseGet(SliceIdentifier::ignore);
        }

        @Override
        public String getDescription() {
            return "packages of oqs-server";
        }
    };

    /** The condition: the edge reaches no feature; a feature reaches another only through its public API. */
    static final ArchCondition<JavaClass> KEEP_TO_THE_SHARED_EDGE_AND_PUBLIC_APIS =
            new ArchCondition<>("depend on another feature only through its public API (the edge on no feature)") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        violation(origin, dependency.getTargetClass().getBaseComponentType())
                                .ifPresent(reason -> events.add(SimpleConditionEvent.violated(dependency,
                                        reason + ": " + dependency.getDescription())));
                    }
                }
            };

    private static Optional<String> violation(JavaClass origin, JavaClass target) {
        Optional<String> from = relative(origin.getPackageName());
        Optional<String> to = relative(target.getPackageName());
        if (from.isEmpty() || to.isEmpty() || isEdge(to.get())) {
            return Optional.empty();
        }
        String targetFeature = feature(to.get());
        if (isEdge(from.get())) {
            return Optional.of("the shared edge (" + display(from.get()) + ") depends on the feature " + targetFeature);
        }
        if (feature(from.get()).equals(targetFeature)) {
            return Optional.empty();
        }
        if (!to.get().equals(targetFeature)) {
            return Optional.of("feature " + feature(from.get()) + " reaches into " + to.get() + ", an internal "
                    + "package of feature " + targetFeature);
        }
        if (isWebEntryPoint(target)) {
            return Optional.of("feature " + feature(from.get()) + " uses " + target.getSimpleName()
                    + ", a web entry point of feature " + targetFeature);
        }
        return Optional.empty();
    }

    /** The package relative to {@link #SERVER} ("" for the root), empty outside oqs-server. */
    static Optional<String> relative(String packageName) {
        if (packageName.equals(SERVER)) {
            return Optional.of("");
        }
        return packageName.startsWith(SERVER + ".")
                ? Optional.of(packageName.substring(SERVER.length() + 1)) : Optional.empty();
    }

    static boolean isEdge(String relativePackage) {
        return SHARED_EDGE.stream().anyMatch(edge -> edge.isEmpty() ? relativePackage.isEmpty()
                : relativePackage.equals(edge) || relativePackage.startsWith(edge + "."));
    }

    private static String feature(String relativePackage) {
        int dot = relativePackage.indexOf('.');
        return dot < 0 ? relativePackage : relativePackage.substring(0, dot);
    }

    private static String display(String relativePackage) {
        return relativePackage.isEmpty() ? "the application's root package" : relativePackage;
    }

    private static boolean isWebEntryPoint(JavaClass type) {
        return WEB_ENTRY_POINTS.stream().anyMatch(a -> type.isAnnotatedWith(a) || type.isMetaAnnotatedWith(a));
    }
}
