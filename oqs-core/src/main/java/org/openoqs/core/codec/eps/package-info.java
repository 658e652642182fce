/**
 * 電子処方箋 message mapping (docs/e-prescription.md): the {@code EPS…} requests and results, the prescription
 * document and the dispensing results, to and from the XML of the files.
 *
 * <p><b>Internal</b> (docs/core-api.md): public only so that the central service, the terminal and the {@code oqs}
 * command can use it; it may change in any release. A vendor's code does not use it.
 */
@Internal
package org.openoqs.core.codec.eps;

import org.openoqs.core.Internal;
