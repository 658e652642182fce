package org.openoqs.server.archfixture;

import org.openoqs.server.api.ApiException;
import org.openoqs.server.homecare.HomeCareCancellations;
import org.openoqs.server.security.FacilityPrincipal;

/** A feature that keeps to the shared edge and another feature's public API (a test fixture, never run). */
public final class UsesPublicApisOnly {

    ApiException edge;
    FacilityPrincipal caller;
    HomeCareCancellations otherFeaturesApi;

    private UsesPublicApisOnly() {
    }
}
