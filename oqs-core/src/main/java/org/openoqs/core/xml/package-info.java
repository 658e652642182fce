/**
 * The one XML tree of openoqs: a hardened reader (UTF-8 / Shift_JIS, no DTD, size limits), the writer and the JSON
 * mirror of the terminal API.
 *
 * <p><b>Published</b> (docs/core-api.md): a vendor may build on every public type here; a change to it is a
 * breaking change of openoqs and is announced.
 */
package org.openoqs.core.xml;
