package org.openoqs.server.bulk;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * 受付番号: the reception date ({@code yyyyMMdd}) and 12 random digits, 20 digits in all. Random rather than a
 * counter so that several server instances need no coordination (the database's unique constraint catches the
 * one-in-10^12 collision) and so that a number tells nothing about other facilities' jobs.
 */
final class ReceptionNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final SecureRandom random = new SecureRandom();

    String next(LocalDate today) {
        StringBuilder sb = new StringBuilder(20).append(DAY.format(today));
        for (int i = 0; i < 12; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
