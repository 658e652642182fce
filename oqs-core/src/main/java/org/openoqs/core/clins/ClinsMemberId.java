package org.openoqs.core.clins;

import java.util.Optional;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.number.InvalidNumberException;

/**
 * The patient key of a CLINS upload (JP_Patient_eCS identifier, ../shared/spec/CIP-PMH.md §1.4):
 * 被保険者個人識別子 {@code 保険者番号:記号:番号:枝番} (system {@value #INSURANCE_SYSTEM}) or, for 生活保護,
 * {@code 公費負担者番号::受給者番号:} (system {@value #PUBLIC_PAYER_SYSTEM}). The 保険者番号 is zero-padded to 8 digits
 * (unlike the space padding of OQS files); an absent 記号 or 枝番 is an empty field, the colons stay.
 *
 * @param symbol  記号, {@code null} when the field is empty
 * @param branch  枝番, {@code null} when the field is empty
 */
public record ClinsMemberId(String system, InsurerNumber insurer, String symbol, String number, String branch) {

    public static final String INSURANCE_SYSTEM = "http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID";
    public static final String PUBLIC_PAYER_SYSTEM = "http://jpfhir.jp/fhir/clins/Idsystem/JP_PublicPayer_memberID";

    /** A parse: the key, or what is wrong with it (Japanese, for the user). */
    public record Parsed(ClinsMemberId memberId, String problem) {
        public Optional<ClinsMemberId> value() {
            return Optional.ofNullable(memberId);
        }
    }

    public static boolean isMemberIdSystem(String system) {
        return INSURANCE_SYSTEM.equals(system) || PUBLIC_PAYER_SYSTEM.equals(system);
    }

    public boolean publicAssistance() {
        return PUBLIC_PAYER_SYSTEM.equals(system);
    }

    public static Parsed parse(String system, String value) {
        if (value == null || value.isEmpty()) {
            return problem("値がありません");
        }
        String[] f = value.split(":", -1);
        if (f.length != 4) {
            return problem("「:」で区切った4項目（保険者番号:記号:番号:枝番）になっていません");
        }
        if (!f[0].matches("[0-9]{8}")) {
            return problem("保険者番号は8桁（6桁の番号は前に0を補う）の半角数字で指定してください");
        }
        InsurerNumber insurer;
        try {
            insurer = InsurerNumber.parse(f[0]);
        } catch (InvalidNumberException e) {
            return problem(e.getMessage());
        }
        if (value.indexOf('\u3000') >= 0 || value.indexOf(' ') >= 0) {
            return problem("空白を含めないでください");
        }
        if (f[2].isEmpty()) {
            return problem("番号がありません");
        }
        if (mixesWidths(f[1] + f[2])) {
            return problem("記号・番号は全角・半角のどちらかにそろえてください");
        }
        if (!f[3].isEmpty() && !f[3].matches("[0-9]{2}")) {
            return problem("枝番は2桁の半角数字で指定するか、空にしてください");
        }
        if (PUBLIC_PAYER_SYSTEM.equals(system)) {
            if (!insurer.isPublicAssistance() || !f[1].isEmpty() || !f[2].matches("[0-9]{7}") || !f[3].isEmpty()) {
                return problem("生活保護の識別子は「公費負担者番号(8桁):(空):受給者番号(7桁):(空)」で指定してください");
            }
        }
        return new Parsed(new ClinsMemberId(system, insurer, emptyToNull(f[1]), f[2], emptyToNull(f[3])), null);
    }

    // A key is written either all half-width or all full-width; a mix is a typing error.
    private static boolean mixesWidths(String s) {
        boolean ascii = false;
        boolean wide = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                ascii = true;
            } else {
                wide = true;
            }
        }
        return ascii && wide;
    }

    private static Parsed problem(String text) {
        return new Parsed(null, text);
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
