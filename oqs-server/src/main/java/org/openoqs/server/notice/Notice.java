package org.openoqs.server.notice;

import java.time.Instant;

/**
 * One お知らせ from the central service.
 *
 * @param id              its number
 * @param institutionCode the one facility it is addressed to, or {@code null} for every facility
 * @param title           件名
 * @param body            本文 (plain text; line breaks kept)
 * @param publishedFrom   shown from
 * @param publishedUntil  shown until (exclusive), {@code null} = until withdrawn
 */
public record Notice(long id, String institutionCode, String title, String body, Instant publishedFrom,
                     Instant publishedUntil) {
}
