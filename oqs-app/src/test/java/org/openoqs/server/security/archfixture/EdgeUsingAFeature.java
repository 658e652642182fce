package org.openoqs.server.security.archfixture;

import org.openoqs.server.notice.NoticeService;

/**
 * The shared edge importing a feature, as the feature rule forbids it (a test fixture, never run): security code
 * that knows the お知らせ feature, as the portal's sign-in once did.
 */
public final class EdgeUsingAFeature {

    NoticeService notices;

    private EdgeUsingAFeature() {
    }
}
