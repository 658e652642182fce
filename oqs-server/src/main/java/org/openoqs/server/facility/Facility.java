package org.openoqs.server.facility;

import java.time.Instant;
import java.util.Objects;

/**
 * A medical institution or pharmacy known to the central service.
 *
 * @param institutionCode 10-digit 医療機関コード / 薬局コード (check digit valid); the CN of its client certificate
 * @param name            facility name
 * @param kind            点数表 (医科 / 歯科 / 薬局), from the third digit of the code
 * @param hospital        病院 (true) or 診療所 (false); matters for 救急時医療情報閲覧
 * @param settings        環境設定
 * @param createdAt       registration time
 */
public record Facility(
        String institutionCode,
        String name,
        FacilityKind kind,
        boolean hospital,
        FacilitySettings settings,
        Instant createdAt) {

    public Facility {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(settings, "settings");
    }
}
