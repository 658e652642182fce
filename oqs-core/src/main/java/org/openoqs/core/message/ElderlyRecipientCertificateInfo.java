package org.openoqs.core.message;

import java.time.LocalDate;

/** 高齢受給者証情報 (70–74). {@code contributionRatio} is 3 digits: 010, 020, 030. */
public record ElderlyRecipientCertificateInfo(
        LocalDate certificateDate,
        LocalDate validStartDate,
        LocalDate validEndDate,
        String contributionRatio) {
}
