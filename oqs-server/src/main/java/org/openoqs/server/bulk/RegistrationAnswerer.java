package org.openoqs.server.bulk;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkRegistrationUnit;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.reference.ReferenceNumberRegistration;
import org.springframework.stereotype.Component;

/**
 * 照会番号 一括登録 ({@code OQSmuimm}): each {@code ReferenceNumberRegistrationInfo} is screened and registered by the
 * same rules as a single registration ({@link ReferenceNumberRegistration#registerBlock}); the unit echoes the block
 * with its outcome. Entries are registered in file order, so of two entries giving one number to two persons the
 * first wins.
 */
@Component
class RegistrationAnswerer implements UnitAnswerer {

    private final ReferenceNumberRegistration registration;

    RegistrationAnswerer(ReferenceNumberRegistration registration) {
        this.registration = registration;
    }

    @Override
    public boolean serves(BulkKind kind) {
        return kind == BulkKind.REFERENCE_NUMBER;
    }

    @Override
    public List<AnsweredUnit> answer(BulkJobStore.Job job, Facility facility, List<BulkJobStore.Entry> entries,
                                     LocalDateTime now) {
        return UnitAnswerer.eachEntry(entries, entry -> {
            XmlNode block = EntryXml.load(entry.requestXml());
            Set<String> persons = new LinkedHashSet<>();
            Optional<Violation> fault = registration.registerBlock(facility, block, persons);
            BulkRegistrationUnit unit = fault
                    .map(v -> new BulkRegistrationUnit(block, ProcessingResultStatus.ERROR, v.code().code(), v.message()))
                    .orElseGet(() -> new BulkRegistrationUnit(block, ProcessingResultStatus.COMPLETED, null, null));
            return new AnsweredUnit(entry.seq(), unit.processingResultStatus(), unit.processingResultCode(),
                    BulkMessages.registrationUnitToXml(unit), fault.isPresent() ? Set.of() : persons);
        }, entry -> {
            XmlNode block;
            try {
                block = EntryXml.load(entry.requestXml());
            } catch (RuntimeException unreadable) {
                block = null;
            }
            BulkRegistrationUnit unit = new BulkRegistrationUnit(block, ProcessingResultStatus.ERROR,
                    ErrorCode.BULK_ENTRY_FAILED.code(), ErrorCode.BULK_ENTRY_FAILED.message());
            return new AnsweredUnit(entry.seq(), ProcessingResultStatus.ERROR, ErrorCode.BULK_ENTRY_FAILED.code(),
                    BulkMessages.registrationUnitToXml(unit), Set.of());
        });
    }
}
