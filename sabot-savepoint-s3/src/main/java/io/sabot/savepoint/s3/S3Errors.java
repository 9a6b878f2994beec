package io.sabot.savepoint.s3;

import io.sabot.api.savepoint.StoreException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns AWS SDK failures into one-line {@link StoreException}s that name the location, the endpoint, what failed and
 * what to check. Messages are built from status codes and S3 error codes; they never include credentials.
 *
 * <p>Thread-safety: immutable.
 */
final class S3Errors {

    private final String location;
    private final String endpoint;

    /**
     * Creates the translator for one store.
     *
     * @param location the store's location, {@code s3://bucket/prefix}
     * @param endpoint a description of the endpoint, for example {@code http://127.0.0.1:9000} or {@code AWS S3}
     */
    S3Errors(String location, String endpoint) {
        this.location = location;
        this.endpoint = endpoint;
    }

    /**
     * Describes a failed operation.
     *
     * @param action what the store was doing, for example {@code "write 'sp-1/a'"}
     * @param e      the SDK's failure
     * @return the exception to throw
     */
    StoreException translate(String action, SdkException e) {
        String where = location + " at " + endpoint;
        if (e instanceof AwsServiceException) {
            AwsServiceException ase = (AwsServiceException) e;
            int status = ase.statusCode();
            String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
            if ("NoSuchBucket".equals(code)) {
                return new StoreException("cannot " + action + ": the bucket of " + where + " does not exist; "
                        + "create it or correct the bucket name", e);
            }
            if (status == 403 || "InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)
                    || "AccessDenied".equals(code) || "ExpiredToken".equals(code)) {
                return new StoreException("cannot " + action + ": access denied to " + where + " (" + status
                        + (code == null ? "" : " " + code) + "); check the credentials (the AWS default chain, "
                        + "s3.profile, or s3.access-key-id and s3.secret-access-key) and that their policy allows "
                        + "this bucket and prefix", e);
            }
            if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)
                    || "IllegalLocationConstraintException".equals(code)) {
                return new StoreException("cannot " + action + ": the bucket of " + where + " is in another region "
                        + "(" + status + (code == null ? "" : " " + code) + "); set s3.region or AWS_REGION to the "
                        + "bucket's region", e);
            }
            String message = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorMessage();
            return new StoreException("cannot " + action + " in " + where + ": S3 answered " + status
                    + (code == null ? "" : " " + code) + (message == null ? "" : " (" + oneLine(message) + ")"), e);
        }
        Throwable root = rootCause(e);
        if (e instanceof ApiCallTimeoutException || root instanceof SocketTimeoutException
                || root instanceof InterruptedIOException) {
            return new StoreException("cannot " + action + ": " + where + " did not answer in time (" + describe(root)
                    + "); check that the endpoint is up and reachable, or raise s3.api-call-timeout-ms", e);
        }
        if (root instanceof ConnectException || root instanceof UnknownHostException
                || root instanceof NoRouteToHostException) {
            return new StoreException("cannot " + action + ": cannot reach the S3 endpoint of " + where + " ("
                    + describe(root) + "); check the endpoint (s3.endpoint, SABOT_S3_ENDPOINT or AWS_ENDPOINT_URL_S3) "
                    + "and the network", e);
        }
        return new StoreException("cannot " + action + " in " + where + ": " + oneLine(e.getMessage()), e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + oneLine(message));
    }

    static String oneLine(String text) {
        if (text == null) {
            return "no details";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
