package org.openoqs.terminal.doctor;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Seed ch. 3 (再起動スケジュールの設定): the terminal restarts once a day ({@code restart.time=HH:mm}), outside
 * 3:50–4:10 (when every terminal connects) and at a minute not ending in 0 or 5.
 */
public final class RestartScheduleCheck implements DoctorCheck {
    private static final LocalTime BUSY_FROM = LocalTime.of(3, 50);
    private static final LocalTime BUSY_TO = LocalTime.of(4, 10);

    @Override
    public String id() {
        return "restart.schedule";
    }

    @Override
    public Finding run(DoctorContext context) {
        String fix = "診療（業務）時間外で、3:50〜4:10 を避け、分の末尾が 0 と 5 以外の時刻（例: 2:17）を restart.time に設定し、"
                + "その時刻に再起動するタスク（systemd timer / タスク スケジューラ）を登録してください。";
        if (context.setup().restartTime().isEmpty()) {
            return Finding.warn(id(), "再起動スケジュール（restart.time）が設定されていません。資格確認端末は1日1回再起動が必要です。", fix);
        }
        String text = context.setup().restartTime().get().strip();
        LocalTime time;
        try {
            time = LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            return Finding.fail(id(), "restart.time の形式が正しくありません（HH:mm）: " + text, fix);
        }
        if (!time.isBefore(BUSY_FROM) && !time.isAfter(BUSY_TO)) {
            return Finding.fail(id(), "再起動時刻 " + time + " は 3:50〜4:10 の集中時間帯です。", fix);
        }
        if (time.getMinute() % 5 == 0) {
            return Finding.fail(id(), "再起動時刻 " + time + " の分の末尾が " + (time.getMinute() % 10) + " です（0 と 5 は避けてください）。", fix);
        }
        return Finding.ok(id(), "毎日 " + time + " に再起動します");
    }
}
