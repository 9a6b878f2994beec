package io.sabot.api.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotFileTest {

    @Test
    void holdsARelativePathItsSizeAndItsCrc() {
        SnapshotFile file = new SnapshotFile("agents/detect/state.bin", 1024, "0a1b2c3d");

        assertThat(file.path()).isEqualTo("agents/detect/state.bin");
        assertThat(file.size()).isEqualTo(1024);
        assertThat(file.crc32c()).isEqualTo("0a1b2c3d");
    }

    @Test
    void anEmptyFileIsAllowed() {
        assertThat(new SnapshotFile("empty", 0, "00000000").size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/abs", "../escape", "a//b", ""})
    void thePathMustBeASafeRelativeKey(String path) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SnapshotFile(path, 1, "00000000"))
                .withMessageStartingWith("invalid key");
    }

    @Test
    void aNegativeSizeIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SnapshotFile("f", -1, "00000000"))
                .withMessage("file 'f': size must be zero or more, got -1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0A1B2C3D", "0a1b2c3", "0a1b2c3d4", "zzzzzzzz", "", "0x1b2c3d"})
    void theCrcMustBeEightLowerCaseHexDigits(String crc) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SnapshotFile("f", 1, crc))
                .withMessage("file 'f': crc32c must be 8 lower-case hex digits, got '" + crc + "'");
    }

    @Test
    void nullsAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> new SnapshotFile(null, 1, "00000000"));
        assertThatNullPointerException().isThrownBy(() -> new SnapshotFile("f", 1, null));
    }

    @Test
    void formatCrcWritesTheLow32BitsAsEightHexDigits() {
        assertThat(SnapshotFile.formatCrc(0)).isEqualTo("00000000");
        assertThat(SnapshotFile.formatCrc(0xabcL)).isEqualTo("00000abc");
        assertThat(SnapshotFile.formatCrc(0xffffffffL)).isEqualTo("ffffffff");
        assertThat(SnapshotFile.formatCrc(0x1_2345_6789L)).isEqualTo("23456789");
        assertThat(SnapshotFile.formatCrc(-1L)).isEqualTo("ffffffff");
    }

    @Test
    void aFormattedCrcIsAcceptedByTheRecord() {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update("state".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        SnapshotFile file = new SnapshotFile("state.bin", 5, SnapshotFile.formatCrc(crc.getValue()));

        assertThat(file.crc32c()).hasSize(8);
    }
}
