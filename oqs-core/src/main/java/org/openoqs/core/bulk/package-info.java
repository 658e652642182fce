/**
 * 一括照会 and the care-setting bulk flows (OQSmuquc, OQSmutic, OQSmuhvq/OQSmuonq, OQSmuimm): their messages, mapping
 * and job model.
 *
 * <p><b>Internal</b> (docs/core-api.md): public only so that the central service, the terminal and the {@code oqs}
 * command can use it; it may change in any release. A vendor's code does not use it.
 */
@Internal
package org.openoqs.core.bulk;

import org.openoqs.core.Internal;
