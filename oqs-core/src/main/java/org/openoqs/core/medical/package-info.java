/**
 * Medical information (薬剤情報, 特定健診情報, 診療情報 …) and its synthetic histories.
 *
 * <p><b>Internal</b> (docs/core-api.md): public only so that the central service, the terminal and the {@code oqs}
 * command can use it; it may change in any release. A vendor's code does not use it.
 */
@Internal
package org.openoqs.core.medical;

import org.openoqs.core.Internal;
