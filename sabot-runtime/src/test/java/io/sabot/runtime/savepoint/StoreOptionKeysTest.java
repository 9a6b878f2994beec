package io.sabot.runtime.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreOptionKeysTest {

    @Test
    void keysArePrefixDotNameInLowerCase() {
        assertThat(StoreOptionKeys.requireValid("s3.endpoint")).isEqualTo("s3.endpoint");
        assertThat(StoreOptionKeys.requireValid("fs.create-directory")).isEqualTo("fs.create-directory");
        for (String bad : new String[] {"endpoint", "S3.endpoint", "s3.Endpoint", "s3.", ".fsync", "s3..x",
            "s3.end point", "s3.-x", ""}) {
            assertThatThrownBy(() -> StoreOptionKeys.requireValid(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("store option '" + bad + "' is not PREFIX.NAME in lower case, such as s3.endpoint "
                            + "or fs.fsync");
        }
    }

    @Test
    void secretsAreKeysNamingASecretATokenOrAPassword() {
        assertThat(StoreOptionKeys.isSecret("s3.secret-access-key")).isTrue();
        assertThat(StoreOptionKeys.isSecret("s3.session-token")).isTrue();
        assertThat(StoreOptionKeys.isSecret("other.password")).isTrue();
        assertThat(StoreOptionKeys.isSecret("s3.access-key-id")).isFalse();
        assertThat(StoreOptionKeys.isSecret("s3.endpoint")).isFalse();
    }

    @Test
    void aCopyIsSortedUnmodifiableAndMasksSecretsInItsTextOnly() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("s3.session-token", "tok-123");
        given.put("fs.fsync", "false");
        Map<String, String> copy = StoreOptionKeys.copyOf(given);
        given.clear();

        assertThat(copy).containsExactly(Map.entry("fs.fsync", "false"), Map.entry("s3.session-token", "tok-123"))
                .isEqualTo(Map.of("fs.fsync", "false", "s3.session-token", "tok-123"));
        assertThat(copy.get("s3.session-token")).isEqualTo("tok-123");
        assertThat(copy.containsKey("fs.fsync")).isTrue();
        assertThat(copy).hasToString("{fs.fsync=false, s3.session-token=********}");
        assertThat(StoreOptionKeys.copyOf(copy)).isSameAs(copy);
        assertThatThrownBy(() -> copy.put("fs.fsync", "true")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> StoreOptionKeys.copyOf(Map.of("Nope", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
