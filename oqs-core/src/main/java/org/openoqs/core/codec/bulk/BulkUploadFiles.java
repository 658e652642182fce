package org.openoqs.core.codec.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.openoqs.core.bulk.BulkDocumentWriter;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;

/**
 * Writes realistic bulk uploads from a synthetic population, streamed: a 一括照会 file with one entry per
 * qualification in force (numbers and birthdate as on the person's card). For benchmarks, load tests and vendors
 * who want a large valid file.
 */
public final class BulkUploadFiles {

    private BulkUploadFiles() {
    }

    /**
     * Writes an {@code OQSmuquc01req_} with up to {@code count} persons of {@code population} whose qualification is
     * in force on {@code confirmationDate} (cycling through them again when the population has fewer).
     *
     * @return the number of entries written
     */
    public static int qualificationUpload(SyntheticPopulation population, int count, String institutionCode,
                                          LocalDate confirmationDate, String fileId, CharacterCode code,
                                          OutputStream out) throws IOException {
        Map<String, Person> persons = new HashMap<>();
        for (Person p : population.persons()) {
            persons.put(p.personId(), p);
        }
        BulkDocumentWriter writer = new BulkDocumentWriter(out, code);
        writer.begin(BulkMessages.uploadHeaderToXml(new RequestHeader(QualificationMessages.DATE.format(confirmationDate),
                institutionCode, fileId)));
        int written = 0;
        while (written < count) {
            int before = written;
            for (Qualification q : population.qualifications()) {
                if (written == count) {
                    break;
                }
                Person p = persons.get(q.personId());
                if (p == null || !q.isValidOn(confirmationDate) || q.isMedicalAssistance()) {
                    continue;
                }
                written++;
                writer.element(QualificationMessages.searchInfoToXml(new QualificationConfirmSearchInfo(
                        q.insurerNumber().fileForm(), q.insuredCardSymbol(), q.insuredIdentificationNumber(),
                        q.insuredBranchNumber(), QualificationMessages.DATE.format(p.birthdate()), "1",
                        "entry-" + written)));
            }
            if (written == before) {
                throw new IllegalArgumentException("the population has no qualification in force on " + confirmationDate);
            }
        }
        writer.end();
        return written;
    }
}
