/**
 * The savepoint and checkpoint store on Amazon S3 and S3-compatible servers.
 */
package io.sabot.savepoint.s3;
