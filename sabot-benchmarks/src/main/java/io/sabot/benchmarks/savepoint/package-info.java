/**
 * Benchmarks of the savepoint stores: hard links against byte copies and {@code cp -r} on a filesystem, and the S3
 * store's uploads against a plain AWS SDK multipart upload to a local S3Proxy.
 */
package io.sabot.benchmarks.savepoint;
