package org.openoqs.core.xml;

import org.openoqs.core.code.CharacterCode;

/**
 * A parsed file: its root element and how its bytes were encoded.
 *
 * @param root the root element
 * @param encoding UTF-8 or Shift_JIS (the Shift_JIS family is always decoded as windows-31j)
 * @param declaredEncoding the {@code encoding} pseudo-attribute exactly as written, or {@code null} when absent
 * @param byteOrderMark whether the file started with a UTF-8 BOM
 */
public record XmlDocument(XmlNode root, CharacterCode encoding, String declaredEncoding, boolean byteOrderMark) {
}
