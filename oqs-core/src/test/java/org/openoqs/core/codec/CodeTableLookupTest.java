package org.openoqs.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.LimitApplicationCertificateChanged;
import org.openoqs.core.code.LimitApplicationCertificateClassification;
import org.openoqs.core.code.LimitApplicationCertificateClassificationFlag;
import org.openoqs.core.code.LimitApplicationConsent;
import org.openoqs.core.code.PersonalFamilyClassification;
import org.openoqs.core.code.PreschoolClassification;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.ReasonOfLoss;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.code.Sex;
import org.openoqs.core.code.SpecificDiseasesDiseaseCategory;

/** The code tables the codec relies on: look-ups by code, table ids, and the values fixed by INTERFACE.md §5. */
class CodeTableLookupTest {

    static final List<Class<? extends Enum<?>>> TABLES = List.of(LimitApplicationConsent.class,
            ReferenceClassification.class, SegmentOfResult.class, ProcessingResultStatus.class, CharacterCode.class,
            QualificationValidity.class, Sex.class, ReasonOfLoss.class, PersonalFamilyClassification.class,
            InsuredCardClassification.class, LimitApplicationCertificateClassification.class,
            LimitApplicationCertificateClassificationFlag.class, SpecificDiseasesDiseaseCategory.class,
            LimitApplicationCertificateChanged.class, PreschoolClassification.class, ConsentStatus.class,
            PrescriptionIssueSelect.class);

    @Test
    void interfaceValues() {
        assertThat(CodeTable.find(SegmentOfResult.class, "9")).contains(SegmentOfResult.FAILED);
        assertThat(CodeTable.find(SegmentOfResult.class, "3")).isEmpty();
        assertThat(CodeTable.find(CharacterCode.class, "0")).contains(CharacterCode.UTF_8);
        assertThat(CodeTable.find(CharacterCode.class, "1")).contains(CharacterCode.SHIFT_JIS);
        assertThat(CodeTable.find(CharacterCode.class, "2")).isEmpty();
        assertThat(CodeTable.find(QualificationValidity.class, " 3 ")).contains(QualificationValidity.INVALID_NEWER_EXISTS);
        assertThat(CodeTable.find(InsuredCardClassification.class, "A1")).contains(InsuredCardClassification.MEDICAL_ASSISTANCE);
        assertThat(CodeTable.find(InsuredCardClassification.class, "1")).as("codes are not numbers").isEmpty();
        assertThat(CodeTable.find(LimitApplicationCertificateClassificationFlag.class, "B10")).contains(LimitApplicationCertificateClassificationFlag.B10);
        assertThat(CodeTable.find(ReasonOfLoss.class, "99")).contains(ReasonOfLoss.OTHER);
        assertThat(CodeTable.find(Sex.class, null)).isEmpty();
        assertThat(CharacterCode.SHIFT_JIS.charset().name()).isEqualTo("windows-31j");
        assertThat(CharacterCode.SHIFT_JIS.declaredName()).isEqualTo("Shift_JIS");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyValueIsFoundByItsOwnCodeAndTablesHaveIds() {
        Set<String> ids = new HashSet<>();
        for (Class<? extends Enum<?>> table : TABLES) {
            String id = CodeTable.tableId((Class<? extends CodeTable>) table);
            assertThat(id).matches("OQSCD\\d{3}");
            assertThat(ids.add(id)).as("duplicate table id %s", id).isTrue();
            for (Enum<?> value : table.getEnumConstants()) {
                CodeTable v = (CodeTable) value;
                assertThat(CodeTable.find((Class) table, v.code())).contains(value);
                assertThat(v.label()).isNotBlank();
            }
        }
    }
}
