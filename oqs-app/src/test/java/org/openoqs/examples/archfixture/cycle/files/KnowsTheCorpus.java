package org.openoqs.examples.archfixture.cycle.files;

import org.openoqs.examples.archfixture.cycle.corpus.ListsTheFiles;

/** Test fixture only: the other half of the cycle of {@link ListsTheFiles}. */
public final class KnowsTheCorpus {

    private KnowsTheCorpus() {
    }

    public static String file(String dir) {
        return dir.isEmpty() ? ListsTheFiles.first("valid") : dir + "/index.csv";
    }
}
