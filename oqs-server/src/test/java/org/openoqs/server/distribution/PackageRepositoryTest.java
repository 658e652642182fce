package org.openoqs.server.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package repository: a published version never changes, names are checked before they touch a path. */
class PackageRepositoryTest {
    @TempDir
    Path tmp;

    @Test
    void publishedVersionCannotBeReplacedAndHalfPublishedOnesAreNotListed() throws Exception {
        PackageRepository repository = new PackageRepository(tmp.resolve("packages"), Clock.systemUTC());
        Path file = Files.writeString(tmp.resolve("p.zip"), "bytes");
        PackageCoordinates coordinates = new PackageCoordinates("oqs-terminal", "1.0.0");
        repository.publish(coordinates, file, new byte[] {1});
        Files.createDirectories(tmp.resolve("packages/oqs-terminal/.2.0.0.staging"));

        assertThatThrownBy(() -> repository.publish(coordinates, file, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("公開済み");
        assertThat(repository.list()).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo("1.0.0");
            assertThat(e.signed()).isTrue();
            assertThat(e.size()).isEqualTo(5);
        });
    }

    @Test
    void namesThatCouldEscapeTheRepositoryAreRefused() {
        assertThatThrownBy(() -> new PackageCoordinates("../ca", "1.0.0")).hasMessageContaining("コンポーネント名");
        assertThatThrownBy(() -> new PackageCoordinates("oqs-terminal", "1.0/../../x")).hasMessageContaining("バージョン");
        assertThat(PackageRepository.compareVersions("1.10.0", "1.9.9")).isPositive();
    }
}
