/**
 * Message mapping: reads and writes the messages of {@code message} as the XML (and JSON mirror) of the interface,
 * and builds the results a bad request gets.
 *
 * <p><b>Published</b> (docs/core-api.md): a vendor may build on every public type here; a change to it is a
 * breaking change of openoqs and is announced.
 */
package org.openoqs.core.codec;
