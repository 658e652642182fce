/**
 * The messages of the 資格確認 interface as plain records: request, result, header, search block, the records of a
 * result.
 *
 * <p><b>Published</b> (docs/core-api.md): a vendor may build on every public type here; a change to it is a
 * breaking change of openoqs and is announced.
 */
package org.openoqs.core.message;
