package org.openoqs.server.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The largest request body each path accepts (docs/security.md, "Card and API"): small by default, larger only
 * where a file is the point of the call. The longest matching path prefix wins. Both are configurable:
 * {@code -Doqs.body-limit.default=256KiB} and {@code -Doqs.body-limits=/api/v1/bulk/=64MiB,/api/v1/clins/=11MiB}
 * (entries given there replace the built-in ones with the same prefix and add new ones).
 */
@Component
public class RequestBodyLimits {

    /** Every JSON call of the terminal, office and operator APIs and every portal form is far below this. */
    public static final long DEFAULT_LIMIT = 256 * 1024;

    /** The built-in larger classes. */
    static final Map<String, Long> BUILT_IN = Map.of(
            // a 一括照会 file: BulkFileReader's own limit for the (uncompressed) file, so no valid file is cut off
            "/api/v1/bulk/", 64L * 1024 * 1024,
            // 資格確認 by the file interface's message (InquiryController's own limit)
            "/api/v1/qualifications/", 1024L * 1024,
            // 電子処方箋: a signed prescription document (EpsController's own limit)
            "/api/v1/eps/", 2L * 1024 * 1024,
            // 電子カルテ情報共有サービス Bundles: ClinsController answers its own 10 MiB rule with an
            // OperationOutcome, so this edge limit sits just above it
            "/api/v1/clins/", 11L * 1024 * 1024);

    private final long defaultLimit;
    private final List<Map.Entry<String, Long>> byPrefix; // longest prefix first

    public RequestBodyLimits(@Value("${oqs.body-limit.default:256KiB}") String defaultLimit,
            @Value("${oqs.body-limits:}") String limits) {
        this.defaultLimit = parseSize(defaultLimit);
        Map<String, Long> merged = new LinkedHashMap<>(BUILT_IN);
        for (String entry : limits.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || !entry.strip().startsWith("/")) {
                throw new IllegalArgumentException("oqs.body-limits: expected /path/prefix=SIZE, got " + entry);
            }
            merged.put(entry.substring(0, eq).strip(), parseSize(entry.substring(eq + 1)));
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(merged.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<String, Long> e) -> e.getKey().length()).reversed());
        this.byPrefix = List.copyOf(sorted);
    }

    /** The limit in bytes for a request path (without the context path). */
    public long limitFor(String path) {
        for (Map.Entry<String, Long> e : byPrefix) {
            if (path.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return defaultLimit;
    }

    /** {@code 262144}, {@code 256KiB}, {@code 20MiB} (binary units; KB/MB read the same). */
    static long parseSize(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT).replace("IB", "B");
        long unit = 1;
        if (s.endsWith("KB")) {
            unit = 1024;
        } else if (s.endsWith("MB")) {
            unit = 1024 * 1024;
        }
        String digits = unit == 1 ? s.replaceAll("B$", "") : s.substring(0, s.length() - 2);
        long value = Long.parseLong(digits.strip()) * unit;
        if (value <= 0) {
            throw new IllegalArgumentException("a body limit must be positive: " + text);
        }
        return value;
    }
}
