package io.sabot.savepoint.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.savepoint.StoreException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** SDK failures become one line naming the location, the endpoint and what to check. */
class S3ErrorsTest {

    private final S3Errors errors = new S3Errors("s3://b/p", "https://s3.example.test");

    private static SdkException service(int status, String code, String message) {
        return S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private String message(SdkException e) {
        StoreException translated = errors.translate("write 'k'", e);
        assertThat(translated.getCause()).isSameAs(e);
        assertThat(translated.getMessage()).startsWith("cannot write 'k'").contains("s3://b/p")
                .contains("https://s3.example.test").doesNotContain("\n");
        return translated.getMessage();
    }

    @Test
    void serviceErrorsSayWhatToCheck() {
        assertThat(message(service(404, "NoSuchBucket", "gone"))).contains("does not exist");
        assertThat(message(service(403, "SignatureDoesNotMatch", "sig"))).contains("access denied")
                .contains("403 SignatureDoesNotMatch");
        assertThat(message(service(400, "ExpiredToken", "old"))).contains("access denied");
        assertThat(message(service(301, "PermanentRedirect", "elsewhere"))).contains("another region")
                .contains("s3.region");
        assertThat(message(service(400, "AuthorizationHeaderMalformed", "x"))).contains("another region");
        assertThat(message(service(500, "InternalError", "We encountered\nan internal error")))
                .contains("500 InternalError").contains("We encountered an internal error");
        assertThat(message(S3Exception.builder().statusCode(503).build())).contains("S3 answered 503");
    }

    @Test
    void clientErrorsSayWhetherTheEndpointIsUnreachableOrSlow() {
        assertThat(message(SdkClientException.create("x", new ConnectException("Connection refused"))))
                .contains("cannot reach").contains("Connection refused");
        assertThat(message(SdkClientException.create("x", new java.net.UnknownHostException("nohost"))))
                .contains("cannot reach");
        assertThat(message(SdkClientException.create("x", new SocketTimeoutException("Read timed out"))))
                .contains("did not answer in time");
        assertThat(message(ApiCallTimeoutException.create(1000))).contains("did not answer in time");
        assertThat(message(SdkClientException.create("weird\nfailure"))).endsWith("weird failure");
    }

    @Test
    void longMessagesAreShortened() {
        assertThat(S3Errors.oneLine("x".repeat(1000))).hasSize(303);
        assertThat(S3Errors.oneLine(null)).isEqualTo("no details");
    }
}
