/**
 * The bulk flows' message mapping ({@code OQSmu…}, docs/bulk.md): the records of {@code core.bulk} to and from the
 * XML of the files, and realistic uploads written from a synthetic population.
 *
 * <p><b>Internal</b> (docs/core-api.md): public only so that the central service, the terminal and the {@code oqs}
 * command can use it; it may change in any release. A vendor's code does not use it.
 */
@Internal
package org.openoqs.core.codec.bulk;

import org.openoqs.core.Internal;
