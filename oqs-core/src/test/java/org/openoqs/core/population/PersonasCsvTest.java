package org.openoqs.core.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonasCsvTest {

    @Test
    void headerAndOneRowPerPersona() {
        String csv = Personas.toCsv();
        assertThat(csv).startsWith("persona,insurer_number,symbol,number,branch,birthdate,name,name_kana,"
                + "expected_validity,card_id,description\n");
        assertThat(csv).endsWith("\n").doesNotContain("\r");
        List<List<String>> rows = parse(csv);
        assertThat(rows).hasSize(Personas.all().size() + 1);
        for (List<String> row : rows) {
            assertThat(row).hasSize(11);
        }
    }

    @Test
    void rowsCarryThePersonaValues() {
        List<List<String>> rows = parse(Personas.toCsv());
        for (int i = 0; i < Personas.all().size(); i++) {
            Persona p = Personas.all().get(i);
            List<String> row = rows.get(i + 1);
            assertThat(row.get(0)).isEqualTo(p.key());
            assertThat(row.get(1)).isEqualTo(p.inquiry().insurerNumber().strip()).matches("\\d{6}|\\d{8}");
            assertThat(row.get(3)).isEqualTo(p.inquiry().insuredIdentificationNumber());
            assertThat(row.get(5)).matches("\\d{8}");
            assertThat(row.get(6)).isEqualTo(p.person().name());
            assertThat(row.get(7)).isEqualTo(p.person().nameKana());
            assertThat(row.get(8)).isEqualTo(p.expectedValidity().code());
            assertThat(row.get(9)).isEqualTo(p.card() == null ? "" : p.card().cardId());
            assertThat(row.get(10)).isEqualTo(p.description());
        }
        List<String> kokuho = rows.stream().filter(r -> r.get(0).equals("kokuho")).findFirst().orElseThrow();
        assertThat(kokuho.get(1)).hasSize(6);
        List<String> twins = rows.stream().filter(r -> r.get(0).equals("fukusu-gaitou")).findFirst().orElseThrow();
        assertThat(twins.get(4)).isEmpty();
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field(null)).isEmpty();
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        String csv = Personas.toCsv();
        // persona descriptions exercise both rules
        assertThat(csv).contains("\"国保の70〜74歳, 高齢受給者証");
        assertThat(csv).contains("\"\"複数該当\"\"");
    }

    /** A strict RFC 4180 reader, enough to check the writer. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("quote inside an unquoted field").isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        assertThat(quoted).isFalse();
        assertThat(row).isEmpty();
        return rows;
    }
}
