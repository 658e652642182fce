package org.openoqs.terminal.certificate;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A completed renewal: the new certificate is in the terminal's PKCS#12 and in use for new connections.
 *
 * @param previousCopy         where the replaced PKCS#12 was kept ({@code client.p12.previous})
 * @param previousRevokedAfter when the service revokes the replaced certificate (after its grace); {@code null} when
 *                             the service did not say (an older service kept it valid until its end date)
 */
public record RenewalResult(String previousSerial, String newSerial, Instant newNotAfter, Path previousCopy,
        Instant previousRevokedAfter) {
}
