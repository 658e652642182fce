package org.openoqs.terminal.reader;

/**
 * 運転モード of the face-auth reader (seed chapter 12, test 03: the terminal's 顔認証付きカードリーダー操作 screen must show
 * 無人運転 before patients can confirm on their own). Staff switch it off (停止) to operate the counter themselves; the
 * generic reader (目視確認, 暗証番号 with staff) does not depend on it.
 */
public enum ReaderMode {
    UNMANNED("無人運転"),
    STOPPED("停止中");

    private final String label;

    ReaderMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
