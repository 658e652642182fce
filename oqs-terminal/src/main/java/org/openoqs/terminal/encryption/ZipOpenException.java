package org.openoqs.terminal.encryption;

/** An encrypted ZIP that cannot be turned into its single XML file. {@link #getMessage()} is Japanese. */
public final class ZipOpenException extends Exception {

    /** Why the archive was refused. */
    public enum Reason {
        NOT_A_ZIP("ZIP形式のファイルではありません"),
        CORRUPT("ZIPファイルが壊れています"),
        WRONG_PASSWORD("暗号化パスワードが一致しません"),
        NOT_ENCRYPTED("ZIPファイルが暗号化されていません"),
        UNSUPPORTED_ENCRYPTION("AES以外の方式で暗号化されています。AES-256で暗号化してください"),
        NO_ENTRY("ZIPファイルにファイルが含まれていません"),
        MULTIPLE_ENTRIES("ZIPファイルに複数のファイルが含まれています。1ファイルのみ格納してください"),
        UNSAFE_ENTRY_NAME("ZIPファイル内のファイル名が正しくありません（フォルダー、パス、使用できない文字）"),
        NOT_XML("ZIPファイル内のファイルがXMLファイル（.xml）ではありません"),
        TOO_LARGE("展開後のファイルサイズが上限を超えています");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public ZipOpenException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    public ZipOpenException(Reason reason, Throwable cause) {
        super(reason.message(), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
