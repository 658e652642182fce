/**
 * 電子処方箋: the messages, checks and synthetic data of the e-prescription service.
 *
 * <p><b>Internal</b> (docs/core-api.md): public only so that the central service, the terminal and the {@code oqs}
 * command can use it; it may change in any release. A vendor's code does not use it.
 */
@Internal
package org.openoqs.core.eps;

import org.openoqs.core.Internal;
