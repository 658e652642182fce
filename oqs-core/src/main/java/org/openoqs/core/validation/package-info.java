/**
 * The checks of an incoming 個別照会 request, in the order a file meets them, ending in a request that may go on or
 * the error it gets.
 *
 * <p><b>Published</b> (docs/core-api.md): a vendor may build on every public type here; a change to it is a
 * breaking change of openoqs and is announced.
 */
package org.openoqs.core.validation;
