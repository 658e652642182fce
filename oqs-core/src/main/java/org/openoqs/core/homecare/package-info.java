/**
 * 訪問診療等 / オンライン診療等: consents and re-inquiry messages of the home-care flows.
 *
 * <p><b>Internal</b> (docs/core-api.md): public only so that the central service, the terminal and the {@code oqs}
 * command can use it; it may change in any release. A vendor's code does not use it.
 */
@Internal
package org.openoqs.core.homecare;

import org.openoqs.core.Internal;
