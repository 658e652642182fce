/**
 * 居宅同意取得型 message mapping (docs/home-care.md): the consent block of a re-inquiry result and the マイナ在宅受付Web
 * URL result, to and from the XML of the files.
 *
 * <p><b>Internal</b> (docs/core-api.md): public only so that the central service, the terminal and the {@code oqs}
 * command can use it; it may change in any release. A vendor's code does not use it.
 */
@Internal
package org.openoqs.core.codec.homecare;

import org.openoqs.core.Internal;
