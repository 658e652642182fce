package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code oqs personas} prints the built-in personas as CSV with the contracted columns. */
class PersonasCommandIT {

    @Test
    void printsCsvWithTheContractedColumnsAndEveryValidityOutcome() throws Exception {
        DemoProcess.Completed run = DemoProcess.run("personas");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.output().lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertThat(header).contains("persona", "insurer_number", "symbol", "number", "branch", "birthdate", "name",
                "name_kana", "expected_validity", "card_id");
        int validity = header.indexOf("expected_validity");
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)[validity]))
                .contains("1", "2", "3", "4", "5", "6");
    }

    @Test
    void helpListsTheSubcommands() throws Exception {
        DemoProcess.Completed run = DemoProcess.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("demo", "personas");
    }
}
