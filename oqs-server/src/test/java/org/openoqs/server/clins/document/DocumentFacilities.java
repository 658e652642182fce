package org.openoqs.server.clins.document;

import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.testsupport.SharedServer;

/** Facilities of the shared server that documents are sent to: created once, 電子カルテ情報共有サービス on or off. */
final class DocumentFacilities {

    private DocumentFacilities() {
    }

    static synchronized void usingTheService(SharedServer shared, String code, String name) {
        set(shared, code, name, true);
    }

    static synchronized void notUsingTheService(SharedServer shared, String code, String name) {
        set(shared, code, name, false);
    }

    private static void set(SharedServer shared, String code, String name, boolean on) {
        FacilityService facilities = shared.server().facilities();
        if (facilities.find(code).isEmpty()) {
            facilities.create(code, name, true);
        }
        facilities.updateSettings(code, facilities.get(code).settings().withEKarteSharing(on));
    }
}
