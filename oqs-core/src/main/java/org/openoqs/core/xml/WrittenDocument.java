package org.openoqs.core.xml;

/**
 * Bytes of a written XML file and what the writer had to change to make them.
 *
 * @param bytes the file, declaration included, no BOM
 * @param substitutions characters replaced by the geta mark 〓 (U+3013) because the target encoding cannot hold
 *     them (emoji, 𠮷 and other non-BMP characters in Shift_JIS, U+FFFD) or XML 1.0 forbids them (control
 *     characters, lone surrogates, U+FFFE/U+FFFF)
 * @param normalizations characters written as their Windows Shift_JIS twin rather than lost (e.g. 〜 U+301C as
 *     ～ U+FF5E, − U+2212 as － U+FF0D, ¥ as ￥); they read back as the twin
 */
public record WrittenDocument(byte[] bytes, int substitutions, int normalizations) {

    @Override
    public boolean equals(Object o) {
        return o instanceof WrittenDocument w && java.util.Arrays.equals(bytes, w.bytes)
                && substitutions == w.substitutions && normalizations == w.normalizations;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * java.util.Arrays.hashCode(bytes) + substitutions) + normalizations;
    }

    @Override
    public String toString() {
        return "WrittenDocument[" + bytes.length + " bytes, substitutions=" + substitutions
                + ", normalizations=" + normalizations + "]";
    }

    /** True when the text of the file reads back exactly as given. */
    public boolean isLossless() {
        return substitutions == 0 && normalizations == 0;
    }
}
