package org.openoqs.server.office;

import java.util.Objects;

/**
 * The authenticated caller of the office API: a municipal issuing office (個人番号カード交付窓口), identified by its
 * office certificate only (docs/certificates.md §5).
 *
 * @param localGovernmentCode the 6-digit 地方公共団体コード of the certificate's CN {@code OFFICE-<code>}
 * @param officeName the certificate's O
 * @param certificateSerial serial number of the office certificate (hex), recorded in the audit trail
 */
public record OfficePrincipal(String localGovernmentCode, String officeName, String certificateSerial) {

    public OfficePrincipal {
        Objects.requireNonNull(localGovernmentCode, "localGovernmentCode");
        Objects.requireNonNull(certificateSerial, "certificateSerial");
    }

    /** The actor recorded in the audit trail: {@code office:<code> cert:<serial>}. */
    public String actor() {
        return "office:" + localGovernmentCode + " cert:" + certificateSerial;
    }

    @Override
    public String toString() {
        return actor();
    }
}
