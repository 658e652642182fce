package com.example.vendor;

import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.InMemoryQualificationRegistry;

/**
 * Test fixture only (oqs-app test sources): a vendor's test that builds on an {@code @Internal} type of oqs-core (the
 * in-memory registry) instead of the published surface, which {@code ModuleRulesTest} must report.
 */
public final class ReceptaUsingTheRulesEngine {

    private ReceptaUsingTheRulesEngine() {
    }

    public static int persons() {
        return new InMemoryQualificationRegistry(Personas.population()).hashCode();
    }
}
