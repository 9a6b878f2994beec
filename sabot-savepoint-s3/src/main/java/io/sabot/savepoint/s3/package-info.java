/**
 * The savepoint and checkpoint store on Amazon S3 and S3-compatible servers, on the AWS SDK for Java v2:
 * {@link io.sabot.savepoint.s3.S3SavepointStore}, opened by {@link io.sabot.savepoint.s3.S3SavepointStoreProvider}
 * for {@code s3://bucket/prefix} locations.
 */
package io.sabot.savepoint.s3;
