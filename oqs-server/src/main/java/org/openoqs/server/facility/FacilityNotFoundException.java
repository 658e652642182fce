package org.openoqs.server.facility;

/** No facility is registered under the institution code. */
public class FacilityNotFoundException extends RuntimeException {

    private final String institutionCode;

    public FacilityNotFoundException(String institutionCode) {
        super("医療機関が登録されていません: " + institutionCode);
        this.institutionCode = institutionCode;
    }

    public String institutionCode() {
        return institutionCode;
    }
}
