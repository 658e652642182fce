package org.openoqs.terminal.central;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.terminal.central.CentralServiceRefusedException;

/**
 * The service answered a card-path call with a refusal: its error code (when openoqs knows it) and its Japanese
 * message. A kind of {@link CentralServiceRefusedException}, so the terminal's sessions count it as an answer: the
 * service is reachable.
 */
public final class CardPathRefusedException extends CentralServiceRefusedException {

    private static final long serialVersionUID = 1L;

    public CardPathRefusedException(ErrorCode errorCode, String serviceMessage) {
        super(errorCode, serviceMessage);
    }
}
