/**
 * PMH (医療費助成): the registry of 受給者証 and its synthetic data.
 *
 * <p><b>Internal</b> (docs/core-api.md): public only so that the central service, the terminal and the {@code oqs}
 * command can use it; it may change in any release. A vendor's code does not use it.
 */
@Internal
package org.openoqs.core.subsidy;

import org.openoqs.core.Internal;
