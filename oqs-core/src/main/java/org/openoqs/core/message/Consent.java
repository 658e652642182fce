package org.openoqs.core.message;

import java.time.LocalDateTime;
import org.openoqs.core.code.ConsentStatus;

/**
 * One viewing consent of a result record: {@code <Prefix>ConsFlg}, {@code <Prefix>ConsTime} and
 * {@code <Prefix>AvailableTime} (the time until which the facility may view).
 */
public record Consent(ConsentStatus flag, LocalDateTime consentTime, LocalDateTime availableTime) {
}
