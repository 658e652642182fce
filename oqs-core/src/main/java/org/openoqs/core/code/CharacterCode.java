package org.openoqs.core.code;

import java.nio.charset.Charset;

/**
 * OQSCD005 ({@code CharacterCodeIdentifier}): the encoding of a result file. Shift_JIS files are written with
 * Windows' code page (windows-31j) under a {@code Shift_JIS} declaration, because that is what Windows
 * software means by Shift_JIS (～, ①, 髙 … exist only there).
 */
@TableId("OQSCD005")
public enum CharacterCode implements CodeTable {
    UTF_8("0", "UTF-8", "UTF-8", "UTF-8"),
    SHIFT_JIS("1", "Shift_JIS", "Shift_JIS", "windows-31j");

    private final String code;
    private final String label;
    private final String declaredName;
    private final String javaCharset;

    CharacterCode(String code, String label, String declaredName, String javaCharset) {
        this.code = code;
        this.label = label;
        this.declaredName = declaredName;
        this.javaCharset = javaCharset;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The name written in the XML declaration. */
    public String declaredName() {
        return declaredName;
    }

    /** The Java charset that encodes and decodes the bytes. */
    public Charset charset() {
        return Charset.forName(javaCharset);
    }
}
