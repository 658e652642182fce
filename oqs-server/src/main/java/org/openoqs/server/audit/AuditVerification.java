package org.openoqs.server.audit;

/**
 * Result of re-computing the audit chain.
 *
 * @param intact        true when every hash matches and ids are contiguous from 1
 * @param checked       number of entries checked
 * @param firstBrokenId id of the first entry that does not verify ({@code -1} when intact)
 * @param reason        why it broke ({@code null} when intact)
 */
public record AuditVerification(boolean intact, long checked, long firstBrokenId, String reason) {

    /** The reason in Japanese, for an operator ({@code oqs audit verify}, {@code oqs doctor}); empty when intact. */
    public String japaneseReason() {
        if (reason == null) {
            return "";
        }
        if (reason.startsWith("id gap")) {
            return "記録番号が連続していません（記録が削除または挿入されています）";
        }
        if (reason.startsWith("prev_hash")) {
            return "直前の記録とのつながり（prev_hash）が一致しません";
        }
        if (reason.startsWith("the keyed epoch")) {
            return "鍵ファイルが示す鍵付き区間の最初の記録（AUDIT_CHAIN_KEYED）ではありません";
        }
        if (reason.startsWith("HMAC")) {
            return "記録の内容が鍵付きハッシュ（HMAC）と一致しません（鍵を持たない者による書き換え）";
        }
        if (reason.startsWith("hash does not match")) {
            return "記録の内容がハッシュと一致しません（書き換え）";
        }
        if (reason.startsWith("the chain ends before")) {
            return "鍵ファイルが示す鍵付き区間より前で記録が終わっています（記録の削除）";
        }
        if (reason.startsWith("chain head")) {
            return "最後の記録が先頭情報（audit_head）と一致しません（末尾の記録の削除）";
        }
        return reason;
    }
}
