/**
 * TOTP second factor of the web portal (RFC 6238) and its base32 secrets.
 *
 * <p><b>Internal</b> (docs/core-api.md): public only so that the central service, the terminal and the {@code oqs}
 * command can use it; it may change in any release. A vendor's code does not use it.
 */
@Internal
package org.openoqs.core.otp;

import org.openoqs.core.Internal;
