package org.openoqs.core.archfixture;

import org.openoqs.core.registry.QualificationRegistry;

/**
 * Test fixture only (oqs-app test sources): a published-looking core type whose public method hands out an
 * {@code @Internal} one, which {@code ModuleRulesTest} must report. Never part of oqs-core itself.
 */
public final class LeaksTheRegistry {

    private LeaksTheRegistry() {
    }

    public static QualificationRegistry registry() {
        return null;
    }
}
