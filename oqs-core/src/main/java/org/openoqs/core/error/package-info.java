/**
 * The error vocabulary: every {@link org.openoqs.core.error.ErrorCode} with its stable machine code and Japanese
 * message, and a {@link org.openoqs.core.error.Violation} that names the field at fault.
 *
 * <p><b>Published</b> (docs/core-api.md): a vendor may build on every public type here; a change to it is a
 * breaking change of openoqs and is announced.
 */
package org.openoqs.core.error;
