package org.openoqs.server.clins;

import ca.uhn.fhir.parser.DataFormatException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.openoqs.core.error.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first step of every check of an upload: its bytes as a JSON tree (the stored entries are cut from it, as sent)
 * and as a FHIR R4 Bundle by the strict parser. Used by registration, by {@link ClinsBundleCheck} and by the
 * document registration ({@code clins.document}).
 */
public final class ClinsBundleReading {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Read(JsonNode tree, Bundle bundle) {
    }

    private ClinsBundleReading() {
    }

    /** @throws ClinsRefusedException 400 with OQSF2001 (not JSON) or OQSF2002 (not an R4 Bundle) */
    public static Read read(ClinsFhir fhir, byte[] body) {
        JsonNode tree = json(body);
        try {
            return new Read(tree, fhir.parseBundle(new String(body, StandardCharsets.UTF_8)));
        } catch (DataFormatException e) {
            throw new ClinsRefusedException(400, new ClinsProblem(ErrorCode.CLINS_NOT_A_BUNDLE, "Bundle", cut(e.getMessage())));
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new ClinsRefusedException(400, new ClinsProblem(ErrorCode.CLINS_MALFORMED_JSON, "Bundle",
                        "JSONオブジェクトではありません"));
            }
            return tree;
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new ClinsRefusedException(400, new ClinsProblem(ErrorCode.CLINS_MALFORMED_JSON, "Bundle",
                    at == null ? null : at.getLineNr() + "行" + at.getColumnNr() + "列"));
        }
    }

    /** At most 200 code points, control characters shown as '?', so a message stays one readable line. */
    public static String cut(String s) {
        if (s == null) {
            return null;
        }
        String clean = s.codePoints().limit(200).collect(StringBuilder::new,
                (sb, cp) -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp), StringBuilder::append).toString();
        return s.length() > 200 ? clean + "…" : clean;
    }
}
