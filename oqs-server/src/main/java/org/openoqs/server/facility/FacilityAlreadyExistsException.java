package org.openoqs.server.facility;

/** A facility is already registered under the institution code. */
public class FacilityAlreadyExistsException extends RuntimeException {

    public FacilityAlreadyExistsException(String institutionCode) {
        super("医療機関は登録済みです: " + institutionCode);
    }
}
