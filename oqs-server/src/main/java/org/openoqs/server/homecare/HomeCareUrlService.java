package org.openoqs.server.homecare;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.codec.homecare.UrlResults;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.homecare.UrlRequest;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * マイナ在宅受付Web URLs (docs/home-care.md): one per facility and care setting, {@code <base>/zaitaku/<token>} with a
 * 128-bit random token, made on first request and kept until the facility regenerates it (OQSCD035 1), which makes the
 * old URL stop working (a printed QR code that leaked can be withdrawn this way). Served as a QR code PNG or PDF.
 */
@Service
public class HomeCareUrlService {

    public static final String PATH = "/zaitaku/";
    public static final String ACTION = "HOME_CARE_URL";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public HomeCareUrlService(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where a facility's URL leads: the facility and care setting of a token still in use. */
    public record Landing(String institutionCode, MedicalTreatmentFlag treatment) {
    }

    /** The facility's URL for the care setting (made now if it has none, or a new one when {@code regenerate}). */
    @Transactional
    public UrlResults.IssuedUrl issue(String institutionCode, String actor, String baseUrl, MedicalTreatmentFlag treatment,
            UrlRequest.QrFileFormat format, boolean regenerate) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Optional<Stored> current = stored(institutionCode, treatment);
        boolean changed = regenerate || current.isEmpty();
        Stored url = current.orElse(null);
        if (changed) {
            url = new Stored(newToken(), now);
            int updated = jdbc.sql("update home_care_url set token = ?, issued_at = ? where institution_code = ? "
                    + "and treatment = ?").params(url.token(), utc(now), institutionCode, treatment.code()).update();
            if (updated == 0) {
                jdbc.sql("insert into home_care_url (institution_code, treatment, token, issued_at) values (?, ?, ?, ?)")
                        .params(institutionCode, treatment.code(), url.token(), utc(now)).update();
            }
        }
        String link = stripSlash(baseUrl) + PATH + url.token();
        audit.append(institutionCode, actor, ACTION, "treatment=" + treatment.code(),
                (changed ? "OK issued" : "OK unchanged") + " format=" + format.code());
        return new UrlResults.IssuedUrl(treatment, link, url.issuedAt(), changed, format, QrCodes.render(link, format));
    }

    /** The facility's current URLs' tokens, without making any. */
    public Optional<String> currentToken(String institutionCode, MedicalTreatmentFlag treatment) {
        return stored(institutionCode, treatment).map(Stored::token);
    }

    /** The facility and care setting a token leads to; empty for an unknown or replaced one. */
    public Optional<Landing> landing(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{16,64}")) {
            return Optional.empty();
        }
        return jdbc.sql("select institution_code, treatment from home_care_url where token = ?").param(token)
                .query((rs, n) -> new Landing(rs.getString(1),
                        CodeTable.find(MedicalTreatmentFlag.class, rs.getString(2)).orElseThrow()))
                .optional();
    }

    private record Stored(String token, LocalDateTime issuedAt) {
    }

    private Optional<Stored> stored(String institutionCode, MedicalTreatmentFlag treatment) {
        return jdbc.sql("select token, issued_at from home_care_url where institution_code = ? and treatment = ?")
                .params(institutionCode, treatment.code())
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, OffsetDateTime.class)
                        .atZoneSameInstant(ServerConfig.TOKYO).toLocalDateTime()))
                .optional();
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static OffsetDateTime utc(LocalDateTime jst) {
        return jst.atZone(ServerConfig.TOKYO).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
