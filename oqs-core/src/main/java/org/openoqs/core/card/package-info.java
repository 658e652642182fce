/**
 * The My Number Card model of the simulator and the service: PIN verifier and retry counter, credentials, the
 * statements a card signs.
 *
 * <p><b>Internal</b> (docs/core-api.md): public only so that the central service, the terminal and the {@code oqs}
 * command can use it; it may change in any release. A vendor's code does not use it.
 */
@Internal
package org.openoqs.core.card;

import org.openoqs.core.Internal;
