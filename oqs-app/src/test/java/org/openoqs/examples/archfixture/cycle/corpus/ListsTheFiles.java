package org.openoqs.examples.archfixture.cycle.corpus;

import org.openoqs.examples.archfixture.cycle.files.KnowsTheCorpus;

/**
 * Test fixture only (oqs-app test sources): one half of a package cycle inside {@code org.openoqs.examples}, which
 * {@code ModuleRulesTest} must report. Never part of oqs-examples itself.
 */
public final class ListsTheFiles {

    private ListsTheFiles() {
    }

    public static String first(String dir) {
        return KnowsTheCorpus.file(dir.strip());
    }
}
