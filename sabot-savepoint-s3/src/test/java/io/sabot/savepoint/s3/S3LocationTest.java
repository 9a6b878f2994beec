package io.sabot.savepoint.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** S3 locations parse into a bucket and a prefix, and bad ones are refused with the expected form. */
class S3LocationTest {

    @Test
    void parsesBucketAndPrefix() {
        S3Location l = S3Location.parse(URI.create("s3://my-bucket/team/savepoints/"));
        assertThat(l.bucket()).isEqualTo("my-bucket");
        assertThat(l.prefix()).isEqualTo("team/savepoints/");
        assertThat(l.uri()).isEqualTo(URI.create("s3://my-bucket/team/savepoints"));

        S3Location root = S3Location.parse(URI.create("S3://bucket.with.dots"));
        assertThat(root.prefix()).isEmpty();
        assertThat(root.uri()).isEqualTo(URI.create("s3://bucket.with.dots"));
        assertThat(S3Location.parse(URI.create("s3://b12/")).prefix()).isEmpty();
    }

    @Test
    void refusesWhatIsNotABucketLocation() {
        for (String bad : new String[] {"s3:///prefix", "file:///tmp/x", "s3://Upper/x", "s3://bkt/x?versionId=1",
                "s3://bkt/x#frag", "s3://bkt/a/../b", "s3:relative"}) {
            assertThatThrownBy(() -> S3Location.parse(URI.create(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("s3://");
        }
        assertThatThrownBy(() -> S3Location.parse(URI.create("s3://key:secret@bucket/p")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials")
                .hasMessageNotContaining("secret@");
    }
}
