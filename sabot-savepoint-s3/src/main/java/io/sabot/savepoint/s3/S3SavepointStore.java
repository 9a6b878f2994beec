package io.sabot.savepoint.s3;

import io.sabot.api.savepoint.CopyMethod;
import io.sabot.api.savepoint.KeyExistsException;
import io.sabot.api.savepoint.NoSuchKeyException;
import io.sabot.api.savepoint.PutMode;
import io.sabot.api.savepoint.SavepointStore;
import io.sabot.api.savepoint.StoreException;
import io.sabot.api.savepoint.StoreKeys;
import io.sabot.api.savepoint.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A {@link SavepointStore} in an Amazon S3 bucket or an S3-compatible server, under a key prefix:
 * {@code s3://bucket/prefix}. A key {@code sp-1/agent-a/state} is the object {@code prefix/sp-1/agent-a/state}.
 *
 * <p>Writes: an object up to {@link S3SavepointStoreBuilder#partSize(long) the part size} is one {@code PutObject}; a larger one is
 * a multipart upload of parts of that size, read from the caller's stream one part at a time (memory: one part),
 * each with a CRC32C checksum, aborted on any failure so nothing partial remains. A
 * {@link PutMode#CREATE_IF_ABSENT} put sends {@code If-None-Match: *} (on {@code PutObject}, or on
 * {@code CompleteMultipartUpload} after a cheap existence check that avoids uploading in vain); S3's
 * {@code 412 Precondition Failed} becomes a {@link KeyExistsException}.
 *
 * <p>Copies are server-side: {@code CopyObject}, or {@code UploadPartCopy} parts above
 * {@link S3SavepointStoreBuilder#multipartCopyThreshold(long) the copy threshold} (5 GiB, S3's limit for one copy). So is
 * {@link #copyFrom} from another {@code S3SavepointStore} on the same endpoint. Listing pages through
 * {@code ListObjectsV2} (1,000 keys a page) and returns keys in Java string order; {@code listChildren} uses the
 * {@code /} delimiter. {@link #delete} asks first whether the object exists, to report it.
 *
 * <p>Errors are {@link StoreException}s with one line naming the location, the endpoint and what to check (see
 * {@code S3Errors}); transient failures are retried by the SDK's standard retry strategy first. Credentials are
 * never part of {@link #location()}, {@link #toString()}, messages or logs.
 *
 * <p>Thread-safety: thread-safe; the S3 client is shared by all threads.
 */
public final class S3SavepointStore implements SavepointStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3SavepointStore.class);
    private static final int MAX_CONFLICT_RETRIES = 3;
    private static final long MAX_PARTS = 10_000;

    private final S3Client s3;
    private final boolean ownsClient;
    private final String bucket;
    private final String prefix;
    private final URI location;
    private final URI endpoint;
    private final String endpointDescription;
    private final long partSize;
    private final long multipartCopyThreshold;
    private final long copyPartSize;
    private final S3Errors errors;
    /** Whether the bucket is known to exist, so a 404 without an error code (HEAD) is a missing key. */
    private volatile boolean bucketSeen;

    S3SavepointStore(S3Client s3, boolean ownsClient, S3Location where, URI endpoint, String endpointDescription,
                     long partSize, long multipartCopyThreshold, long copyPartSize) {
        this.s3 = s3;
        this.ownsClient = ownsClient;
        this.bucket = where.bucket();
        this.prefix = where.prefix();
        this.location = where.uri();
        this.endpoint = endpoint;
        this.endpointDescription = endpointDescription;
        this.partSize = partSize;
        this.multipartCopyThreshold = multipartCopyThreshold;
        this.copyPartSize = copyPartSize;
        this.errors = new S3Errors(location.toString(), endpointDescription);
    }

    /**
     * Starts a builder.
     *
     * @param location {@code s3://bucket} or {@code s3://bucket/prefix}
     * @return a builder with the defaults documented on {@link S3SavepointStoreBuilder}
     */
    public static S3SavepointStoreBuilder builder(URI location) {
        return new S3SavepointStoreBuilder(location);
    }

    @Override
    public URI location() {
        return location;
    }

    /** {@return the bucket} */
    public String bucket() {
        return bucket;
    }

    /** {@return the key prefix inside the bucket: empty, or ending in {@code /}} */
    public String prefix() {
        return prefix;
    }

    /** {@return the part size of multipart uploads, in bytes} */
    public long partSize() {
        return partSize;
    }

    @Override
    public void put(String key, InputStream data, long length, PutMode mode) throws IOException {
        String objectKey = objectKey(key);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mode, "mode");
        if (length < 0) {
            throw new IllegalArgumentException("length of '" + key + "' must be zero or more, got " + length);
        }
        if (length <= partSize) {
            byte[] bytes = readExactly(data, (int) length, key, 0, length);
            expectEnd(data, key, length);
            putSingle(key, objectKey, bytes, mode);
        } else {
            if (mode == PutMode.CREATE_IF_ABSENT && head(key, objectKey).isPresent()) {
                throw new KeyExistsException(location.toString(), key);
            }
            putMultipart(key, objectKey, data, length, mode);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        String objectKey = objectKey(key);
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(objectKey));
            return new AbortingInputStream(in);
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            throw new NoSuchKeyException(location.toString(), key);
        } catch (SdkException e) {
            if (isNotFound(e)) {
                throw new NoSuchKeyException(location.toString(), key);
            }
            throw errors.translate("read '" + key + "'", e);
        }
    }

    @Override
    public Optional<StoredObject> stat(String key) throws IOException {
        String objectKey = objectKey(key);
        return head(key, objectKey).map(h -> new StoredObject(key, h.contentLength(), h.lastModified()));
    }

    @Override
    public List<StoredObject> list(String keyPrefix) throws IOException {
        StoreKeys.requireValidPrefix(keyPrefix);
        List<StoredObject> objects = new ArrayList<>();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                    .bucket(bucket).prefix(prefix + keyPrefix).build())) {
                for (S3Object o : page.contents()) {
                    if (o.key().endsWith("/")) {
                        continue; // a "folder" marker made by a console or another tool, not an object
                    }
                    objects.add(new StoredObject(o.key().substring(prefix.length()), o.size(), o.lastModified()));
                }
            }
        } catch (SdkException e) {
            throw errors.translate("list '" + keyPrefix + "'", e);
        }
        objects.sort(Comparator.comparing(StoredObject::key));
        return objects;
    }

    @Override
    public List<String> listChildren(String keyPrefix) throws IOException {
        StoreKeys.requireValidPrefix(keyPrefix);
        if (!keyPrefix.isEmpty() && !keyPrefix.endsWith("/")) {
            throw new IllegalArgumentException("invalid prefix '" + keyPrefix + "': listChildren needs \"\" or a "
                    + "prefix ending in '/'");
        }
        String full = prefix + keyPrefix;
        List<String> children = new ArrayList<>();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                    .bucket(bucket).prefix(full).delimiter("/").build())) {
                for (CommonPrefix p : page.commonPrefixes()) {
                    String child = p.prefix().substring(full.length(), p.prefix().length() - 1);
                    if (!child.isEmpty()) {
                        children.add(child);
                    }
                }
            }
        } catch (SdkException e) {
            throw errors.translate("list the children of '" + keyPrefix + "'", e);
        }
        children.sort(Comparator.naturalOrder());
        return children;
    }

    @Override
    public boolean delete(String key) throws IOException {
        String objectKey = objectKey(key);
        if (head(key, objectKey).isEmpty()) {
            return false;
        }
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(objectKey));
            return true;
        } catch (SdkException e) {
            throw errors.translate("delete '" + key + "'", e);
        }
    }

    @Override
    public CopyMethod copy(String sourceKey, String targetKey) throws IOException {
        String from = objectKey(sourceKey);
        String to = objectKey(targetKey);
        return serverSideCopy(this, sourceKey, from, targetKey, to);
    }

    /**
     * Copies from another store: server-side when {@code source} is an {@code S3SavepointStore} on the same endpoint
     * (this store's credentials must be allowed to read the source), otherwise by streaming the bytes.
     *
     * @param source    the store holding the object
     * @param sourceKey the object's key there
     * @param targetKey its key here; overwritten if present
     * @return {@link CopyMethod#SERVER_SIDE} or {@link CopyMethod#STREAM}
     * @throws IOException as {@link SavepointStore#copyFrom}
     */
    @Override
    public CopyMethod copyFrom(SavepointStore source, String sourceKey, String targetKey) throws IOException {
        if (source instanceof S3SavepointStore && Objects.equals(((S3SavepointStore) source).endpoint, endpoint)) {
            S3SavepointStore other = (S3SavepointStore) source;
            return serverSideCopy(other, sourceKey, other.objectKey(sourceKey), targetKey, objectKey(targetKey));
        }
        return SavepointStore.super.copyFrom(source, sourceKey, targetKey);
    }

    /** Closes the S3 client if this store created it. */
    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }

    @Override
    public String toString() {
        return "S3SavepointStore[" + location + " at " + endpointDescription + "]";
    }

    /**
     * Checks that the bucket exists and the credentials may list the store's prefix: a one-key
     * {@code ListObjectsV2} of the prefix, which a policy limited to the prefix allows (unlike {@code HeadBucket}).
     *
     * @throws StoreException naming the problem: a missing bucket, denied access, an unreachable endpoint
     */
    public void checkAccess() throws StoreException {
        try {
            s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(1));
            bucketSeen = true;
        } catch (SdkException e) {
            throw errors.translate("open the store", e);
        }
    }

    // ---------------------------------------------------------------- writes

    private void putSingle(String key, String objectKey, byte[] bytes, PutMode mode) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                s3.putObject(b -> {
                    b.bucket(bucket).key(objectKey).contentLength((long) bytes.length);
                    if (mode == PutMode.CREATE_IF_ABSENT) {
                        b.ifNoneMatch("*");
                    }
                }, RequestBody.fromBytes(bytes));
                return;
            } catch (SdkException e) {
                if (isPreconditionFailed(e)) {
                    throw new KeyExistsException(location.toString(), key);
                }
                if (!isConditionalConflict(e) || attempt >= MAX_CONFLICT_RETRIES) {
                    throw errors.translate("write '" + key + "'", e);
                }
            }
        }
    }

    private void putMultipart(String key, String objectKey, InputStream data, long length, PutMode mode)
            throws IOException {
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(objectKey)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32_C)).uploadId();
        } catch (SdkException e) {
            throw errors.translate("start a multipart upload of '" + key + "'", e);
        }
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long done = 0;
            int partNumber = 1;
            byte[] buffer = new byte[(int) Math.min(partSizeFor(length, partSize), length)];
            while (done < length) {
                int size = (int) Math.min(buffer.length, length - done);
                readExactly(data, buffer, size, key, done, length);
                int number = partNumber;
                UploadPartResponse response;
                try {
                    response = s3.uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                                    .partNumber(number).contentLength((long) size)
                                    .checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
                            RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, size), size));
                } catch (SdkException e) {
                    throw errors.translate("upload part " + number + " of '" + key + "'", e);
                }
                parts.add(CompletedPart.builder().partNumber(number).eTag(response.eTag())
                        .checksumCRC32C(response.checksumCRC32C()).build());
                done += size;
                partNumber++;
            }
            expectEnd(data, key, length);
            complete(key, objectKey, uploadId, parts, mode);
            completed = true;
        } finally {
            if (!completed) {
                abort(key, objectKey, uploadId);
            }
        }
    }

    private void complete(String key, String objectKey, String uploadId, List<CompletedPart> parts, PutMode mode)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                s3.completeMultipartUpload(b -> {
                    b.bucket(bucket).key(objectKey).uploadId(uploadId).multipartUpload(u -> u.parts(parts));
                    if (mode == PutMode.CREATE_IF_ABSENT) {
                        b.ifNoneMatch("*");
                    }
                });
                return;
            } catch (SdkException e) {
                if (isPreconditionFailed(e)) {
                    throw new KeyExistsException(location.toString(), key);
                }
                if (!isConditionalConflict(e) || attempt >= MAX_CONFLICT_RETRIES) {
                    throw errors.translate("complete the multipart upload of '" + key + "'", e);
                }
            }
        }
    }

    private void abort(String key, String objectKey, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
        } catch (SdkException e) {
            LOG.warn("could not abort the multipart upload of '{}' in {} ({}); a bucket lifecycle rule for "
                    + "incomplete multipart uploads will remove its parts", key, location, e.getClass().getSimpleName());
        }
    }

    private byte[] readExactly(InputStream data, int size, String key, long offset, long length) throws IOException {
        byte[] bytes = new byte[size];
        readExactly(data, bytes, size, key, offset, length);
        return bytes;
    }

    private void readExactly(InputStream data, byte[] buffer, int size, String key, long offset, long length)
            throws IOException {
        int n = data.readNBytes(buffer, 0, size);
        if (n < size) {
            throw new StoreException("cannot write '" + key + "' in " + location + ": the data ended after "
                    + (offset + n) + " of the " + length + " bytes declared; nothing was stored");
        }
    }

    private void expectEnd(InputStream data, String key, long length) throws IOException {
        if (data.read() >= 0) {
            throw new StoreException("cannot write '" + key + "' in " + location + ": the data is longer than the "
                    + length + " bytes declared; nothing was stored");
        }
    }

    // ---------------------------------------------------------------- copies

    private CopyMethod serverSideCopy(S3SavepointStore source, String sourceKey, String from, String targetKey,
                                      String to) throws IOException {
        HeadObjectResponse head = source.head(sourceKey, from)
                .orElseThrow(() -> new NoSuchKeyException(source.location.toString(), sourceKey));
        long size = head.contentLength();
        if (source.bucket.equals(bucket) && from.equals(to)) {
            return CopyMethod.SERVER_SIDE; // S3 refuses to copy an object onto itself; it is already there
        }
        if (size <= multipartCopyThreshold) {
            try {
                s3.copyObject(b -> b.sourceBucket(source.bucket).sourceKey(from)
                        .destinationBucket(bucket).destinationKey(to));
            } catch (SdkException e) {
                if (isNotFound(e)) {
                    throw new NoSuchKeyException(source.location.toString(), sourceKey);
                }
                throw errors.translate("copy '" + sourceKey + "' to '" + targetKey + "'", e);
            }
        } else {
            multipartCopy(source, sourceKey, from, targetKey, to, size);
        }
        return CopyMethod.SERVER_SIDE;
    }

    private void multipartCopy(S3SavepointStore source, String sourceKey, String from, String targetKey, String to,
                               long size) throws IOException {
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(to)).uploadId();
        } catch (SdkException e) {
            throw errors.translate("start a multipart copy to '" + targetKey + "'", e);
        }
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int partNumber = 1;
            long part = partSizeFor(size, copyPartSize);
            for (long offset = 0; offset < size; offset += part) {
                long last = Math.min(size, offset + part) - 1;
                String range = "bytes=" + offset + "-" + last;
                int number = partNumber++;
                UploadPartCopyResponse response;
                try {
                    response = s3.uploadPartCopy(b -> b.sourceBucket(source.bucket).sourceKey(from)
                            .destinationBucket(bucket).destinationKey(to).uploadId(uploadId)
                            .partNumber(number).copySourceRange(range));
                } catch (SdkException e) {
                    if (isNotFound(e)) {
                        throw new NoSuchKeyException(source.location.toString(), sourceKey);
                    }
                    throw errors.translate("copy part " + number + " of '" + sourceKey + "' to '" + targetKey + "'",
                            e);
                }
                parts.add(CompletedPart.builder().partNumber(number).eTag(response.copyPartResult().eTag()).build());
            }
            complete(targetKey, to, uploadId, parts, PutMode.OVERWRITE);
            completed = true;
        } finally {
            if (!completed) {
                abort(targetKey, to, uploadId);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Optional<HeadObjectResponse> head(String key, String objectKey) throws StoreException {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(objectKey)));
        } catch (SdkException e) {
            if (isNotFound(e)) {
                if (!bucketSeen) {
                    checkAccess(); // a HEAD 404 has no body: tell a missing bucket from a missing key, once
                }
                return Optional.empty();
            }
            throw errors.translate("read the attributes of '" + key + "'", e);
        }
    }

    /**
     * The part size for an object: the configured one, or larger (to a whole MiB) if the object would otherwise need
     * more than S3's 10,000 parts.
     */
    static long partSizeFor(long objectSize, long configured) {
        long needed = (objectSize + MAX_PARTS - 1) / MAX_PARTS;
        long mib = 1L << 20;
        return Math.max(configured, (needed + mib - 1) / mib * mib);
    }

    private String objectKey(String key) {
        return prefix + StoreKeys.requireValid(key);
    }

    private static boolean isNotFound(SdkException e) {
        return e instanceof AwsServiceException && ((AwsServiceException) e).statusCode() == 404
                && !isNoSuchBucket(e);
    }

    private static boolean isNoSuchBucket(SdkException e) {
        return e instanceof software.amazon.awssdk.services.s3.model.NoSuchBucketException
                || e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null
                && "NoSuchBucket".equals(((AwsServiceException) e).awsErrorDetails().errorCode());
    }

    private static boolean isPreconditionFailed(SdkException e) {
        return e instanceof AwsServiceException && ((AwsServiceException) e).statusCode() == 412;
    }

    private static boolean isConditionalConflict(SdkException e) {
        return e instanceof AwsServiceException && ((AwsServiceException) e).statusCode() == 409;
    }

    /** Aborts the HTTP connection when closed before the end, instead of reading the rest of a large object. */
    private static final class AbortingInputStream extends FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> response;
        private boolean atEnd;

        AbortingInputStream(ResponseInputStream<GetObjectResponse> response) {
            super(response);
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            atEnd |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            atEnd |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!atEnd) {
                response.abort();
            }
            super.close();
        }
    }
}
