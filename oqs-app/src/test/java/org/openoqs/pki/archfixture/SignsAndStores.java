package org.openoqs.pki.archfixture;

import org.openoqs.files.archfixture.StoresAndSigns;

/**
 * Test fixture only (oqs-app test sources): a pki class and a files class that use each other, a package cycle
 * inside oqs-pki which {@code ModuleRulesTest} must report. Never part of oqs-pki itself.
 */
public final class SignsAndStores {

    private SignsAndStores() {
    }

    public static byte[] sign(byte[] data) {
        return StoresAndSigns.store(data.clone());
    }
}
