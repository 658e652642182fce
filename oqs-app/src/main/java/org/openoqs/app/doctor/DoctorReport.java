package org.openoqs.app.doctor;

import java.util.List;
import java.util.Map;
import org.openoqs.terminal.doctor.Finding;
import org.openoqs.terminal.doctor.Verdict;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The doctor's findings as text for a person, or as {@code {"checks":[{"id","status","message","fix"}]}}. */
final class DoctorReport {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Verdict, String> MARK = Map.of(Verdict.OK, "[ ok ]", Verdict.WARN, "[warn]",
            Verdict.FAIL, "[FAIL]", Verdict.SKIP, "[skip]");

    private DoctorReport() {
    }

    static String text(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(MARK.get(f.status())).append(' ').append(f.id()).append(": ").append(f.message()).append('\n');
            if (!f.fix().isEmpty()) {
                out.append("       対処: ").append(f.fix()).append('\n');
            }
        }
        long fails = count(findings, Verdict.FAIL);
        long warns = count(findings, Verdict.WARN);
        out.append(fails == 0 ? "結果: 問題はありません" : "結果: " + fails + " 件の問題があります")
                .append("（ok ").append(count(findings, Verdict.OK)).append("、warn ").append(warns)
                .append("、fail ").append(fails).append("、skip ").append(count(findings, Verdict.SKIP)).append("）\n");
        return out.toString();
    }

    static String json(List<Finding> findings) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode checks = root.putArray("checks");
        for (Finding f : findings) {
            ObjectNode check = checks.addObject();
            check.put("id", f.id());
            check.put("status", f.status().json());
            check.put("message", f.message());
            check.put("fix", f.fix());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static long count(List<Finding> findings, Verdict verdict) {
        return findings.stream().filter(f -> f.status() == verdict).count();
    }
}
