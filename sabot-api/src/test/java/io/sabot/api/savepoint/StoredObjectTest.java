package io.sabot.api.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredObjectTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void holdsKeySizeAndModificationTime() {
        StoredObject object = new StoredObject("a/b", 0, AT);

        assertThat(object.key()).isEqualTo("a/b");
        assertThat(object.size()).isZero();
        assertThat(object.lastModified()).isEqualTo(AT);
    }

    @Test
    void aNegativeSizeIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StoredObject("k", -1, AT))
                .withMessage("object size must be zero or more, got -1");
    }

    @Test
    void nullsAreRejected() {
        assertThatNullPointerException().isThrownBy(() -> new StoredObject(null, 1, AT));
        assertThatNullPointerException().isThrownBy(() -> new StoredObject("k", 1, null));
    }
}
