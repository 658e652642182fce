/**
 * The code tables of the interface (OQSCD001–), one enum each, with the codes as they appear in the files.
 *
 * <p><b>Published</b> (docs/core-api.md): a vendor may build on every public type here; a change to it is a
 * breaking change of openoqs and is announced.
 */
package org.openoqs.core.code;
