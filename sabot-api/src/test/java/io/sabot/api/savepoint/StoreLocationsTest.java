package io.sabot.api.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreLocationsTest {

    @Test
    void anAbsolutePathBecomesAFileUri(@TempDir Path dir) {
        URI uri = StoreLocations.parse(dir.toString());

        assertThat(uri.getScheme()).isEqualTo("file");
        assertThat(Path.of(uri)).isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void aRelativePathBecomesTheFileUriOfItsAbsoluteForm() {
        URI uri = StoreLocations.parse("savepoints/app");

        assertThat(uri.getScheme()).isEqualTo("file");
        assertThat(Path.of(uri)).isEqualTo(Path.of("savepoints/app").toAbsolutePath());
    }

    @Test
    void aPathIsNormalised() {
        assertThat(Path.of(StoreLocations.parse("a/./b/../c"))).isEqualTo(Path.of("a/c").toAbsolutePath());
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(StoreLocations.parse("  s3://bucket/prefix \n")).isEqualTo(URI.create("s3://bucket/prefix"));
    }

    @Test
    void aPathWithSpacesIsEncodedInTheUri() {
        URI uri = StoreLocations.parse("/tmp/my savepoints");

        assertThat(uri.getRawPath()).isEqualTo("/tmp/my%20savepoints");
        assertThat(Path.of(uri)).isEqualTo(Path.of("/tmp/my savepoints"));
    }

    @Test
    void anS3UriKeepsItsBucketAndPrefix() {
        URI uri = StoreLocations.parse("s3://my-bucket/sabot/savepoints");

        assertThat(uri.getScheme()).isEqualTo("s3");
        assertThat(uri.getAuthority()).isEqualTo("my-bucket");
        assertThat(uri.getPath()).isEqualTo("/sabot/savepoints");
    }

    @Test
    void aBareBucketIsAnS3Location() {
        assertThat(StoreLocations.parse("s3://my-bucket").getAuthority()).isEqualTo("my-bucket");
    }

    @Test
    void aLegacyBucketNameThatIsNotAHostNameIsStillAnS3Location() {
        URI uri = StoreLocations.parse("s3://Legacy_Bucket/prefix");

        assertThat(uri.getAuthority()).isEqualTo("Legacy_Bucket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://", "s3:///prefix", "s3:bucket", "S3:///x"})
    void anS3UriWithoutABucketIsRejectedShowingTheExpectedForm(String location) {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreLocations.parse(location))
                .withMessageEndingWith("write s3://bucket or s3://bucket/prefix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://AKIAEXAMPLE:s3cr3t@bucket/prefix", "https://user:password@minio.local/b",
            "s3://token@bucket", "s3://AKIA:se_cret@under_score/x"})
    void aUriWithCredentialsIsRefusedWithoutRepeatingThem(String location) {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreLocations.parse(location))
                .withMessage("store location must not contain credentials; "
                        + "use the provider's credential settings instead");
    }

    @Test
    void aSecretWithASlashThatSplitsTheAuthorityIsRefusedWithoutRepeatingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StoreLocations.parse("s3://AKIAEXAMPLE:ab/cd@bucket/prefix"))
                .withMessage("invalid S3 location: a bucket name cannot contain ':'; "
                        + "to give credentials, use the provider's credential settings instead");
    }

    @Test
    void aMalformedUriWithCredentialsDoesNotEchoTheSecret() {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreLocations.parse("s3://key:s3cr3t@bucket/a b"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void aMalformedUriIsRejectedWithTheReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreLocations.parse("s3://bucket/a b"))
                .withMessageStartingWith("invalid store location 's3://bucket/a b': ");
    }

    @Test
    void theSchemeIsMatchedWhateverItsCase() {
        URI uri = StoreLocations.parse("S3://bucket/x");

        assertThat(StoreLocations.scheme(uri)).isEqualTo("s3");
    }

    @Test
    void aUriWithAnotherSchemeIsPassedThroughForItsProvider() {
        assertThat(StoreLocations.parse("file:///var/lib/sabot")).isEqualTo(URI.create("file:///var/lib/sabot"));
        assertThat(StoreLocations.parse("gs://bucket/p")).isEqualTo(URI.create("gs://bucket/p"));
    }

    @Test
    void aSchemeOfOneLetterIsTreatedAsAPathNotAUri() {
        // "c:" could be a Windows drive; only schemes of two or more letters are URIs.
        assertThat(StoreLocations.scheme(StoreLocations.parse("c:relative"))).isEqualTo("file");
    }

    @Test
    void schemeOfAUriWithoutOneIsFile() {
        assertThat(StoreLocations.scheme(URI.create("relative/path"))).isEqualTo("file");
        assertThat(StoreLocations.scheme(URI.create("FILE:///x"))).isEqualTo("file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankLocationIsRejected(String location) {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreLocations.parse(location))
                .withMessage("store location must not be blank");
    }

    @Test
    void aPathTheFileSystemCannotHoldIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreLocations.parse("bad\u0000path"))
                .withMessageStartingWith("invalid store path 'bad\\u0000path'");
    }

    @Test
    void nullIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> StoreLocations.parse(null))
                .withMessage("location must not be null");
    }
}
