package org.openoqs.terminal.central;

import org.openoqs.core.bulk.BulkKind;

/**
 * The central service's bulk endpoints as the terminal sees them (docs/bulk.md). Files go as they are, both ways:
 * the service answers with the finished result file in the facility's character code.
 *
 * <p>Both methods throw {@link org.openoqs.terminal.linkage.CentralServiceUnavailableException} when the service
 * cannot be reached (the linkage agent keeps the request and retries) and
 * {@link org.openoqs.terminal.central.CentralServiceRefusedException} when it refused (with its code and message).
 */
public interface BulkCentralService {

    /**
     * Sends an upload ({@code …01req_}) and returns the {@code …01res_} file.
     *
     * @param idempotencyKey the same key for a retried upload gets the same 受付番号
     */
    byte[] upload(BulkKind kind, byte[] file, String idempotencyKey);

    /** Sends a download request ({@code …02req_}) and returns the {@code …02res_} file. */
    byte[] download(BulkKind kind, byte[] file);
}
