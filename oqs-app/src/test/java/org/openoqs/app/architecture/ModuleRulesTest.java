package org.openoqs.app.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The module rules hold on every main class of every module, and they do catch a violation: each is run once on a
 * deliberately violating class and must fail naming it.
 */
class ModuleRulesTest {

    @Test
    void onlyDurableWritesRenamesIntoPlace() {
        ModuleRules.ONLY_DURABLE_WRITES_RENAMES_INTO_PLACE.check(ModuleRules.mainClasses());
    }

    @Test
    void coreImportsNoFrameworkAndNoFileIo() {
        ModuleRules.CORE_STAYS_PLAIN.check(ModuleRules.mainClasses());
    }

    @Test
    void aHandWrittenTempAndRenameIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(HandWrittenRename.class);
        assertThatThrownBy(() -> ModuleRules.ONLY_DURABLE_WRITES_RENAMES_INTO_PLACE.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(HandWrittenRename.class.getName())
                .hasMessageContaining("Files.move");
    }

    @Test
    void fileIoInCoreIsNamed() {
        JavaClasses violating = new ClassFileImporter().importClasses(
                org.openoqs.core.archfixture.CoreReadingAFile.class);
        assertThatThrownBy(() -> ModuleRules.CORE_STAYS_PLAIN.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CoreReadingAFile")
                .hasMessageContaining("java.nio.file");
    }

    /** What the rule forbids: the temp name + rename issue 19 found in the linkage agent. */
    static final class HandWrittenRename {
        static void publish(java.nio.file.Path target, byte[] content) throws java.io.IOException {
            java.nio.file.Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
            java.nio.file.Files.write(temp, content);
            java.nio.file.Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
