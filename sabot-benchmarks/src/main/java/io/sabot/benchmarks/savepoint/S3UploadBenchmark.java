package io.sabot.benchmarks.savepoint;

import io.sabot.api.savepoint.PutMode;
import io.sabot.savepoint.s3.S3SavepointStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploading a large state file to a local S3Proxy (filesystem-backed, on 127.0.0.1): the S3 store's put against a
 * plain AWS SDK multipart upload of the same file with the same part size, in one run. Each operation uploads
 * {@link #objectMiB} MiB; the object is deleted after each operation (not timed).
 *
 * <p>Run: see the class {@link SavepointBenchmarks}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class S3UploadBenchmark {

    private static final String BUCKET = "sabot-bench";
    private static final String ACCESS_KEY = "bench-access";
    private static final String SECRET_KEY = "bench-secret";

    /** Size of the uploaded object, in MiB. */
    @Param("256")
    public int objectMiB;

    /** Multipart part size, in MiB, for both. */
    @Param("8")
    public int partMiB;

    private Path base;
    private Path source;
    private S3Proxy proxy;
    private S3Client raw;
    private S3SavepointStore store;

    /**
     * Starts S3Proxy, creates the bucket and writes the source file.
     *
     * @throws Exception if any of it fails
     */
    @Setup(Level.Trial)
    public void start() throws Exception {
        base = Files.createTempDirectory(BenchFiles.baseDirectory(), "sabot-s3-bench-");
        Path blobs = Files.createDirectories(base.resolve("blobs"));
        source = base.resolve("state.bin");
        BenchFiles.writeRandom(source, (long) objectMiB << 20, 7);
        proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(blobs.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        raw = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(credentials).httpClientBuilder(Apache5HttpClient.builder()).build();
        raw.createBucket(b -> b.bucket(BUCKET));
        store = S3SavepointStore.builder(URI.create("s3://" + BUCKET + "/sp")).endpoint(endpoint)
                .region("us-east-1").credentials(credentials).partSize((long) partMiB << 20).build();
    }

    /** Deletes the uploaded objects. */
    @TearDown(Level.Invocation)
    public void deleteObjects() {
        raw.deleteObject(b -> b.bucket(BUCKET).key("sp/state.bin"));
        raw.deleteObject(b -> b.bucket(BUCKET).key("raw/state.bin"));
    }

    /**
     * Stops S3Proxy and removes the files.
     *
     * @throws Exception if stopping fails
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        store.close();
        raw.close();
        proxy.stop();
        BenchFiles.deleteTree(base);
    }

    /**
     * The S3 store's put of the file.
     *
     * @return the number of bytes uploaded
     * @throws IOException if the upload fails
     */
    @Benchmark
    public long storePut() throws IOException {
        store.put("state.bin", source, PutMode.OVERWRITE);
        return Files.size(source);
    }

    /**
     * A plain SDK multipart upload of the file: create, parts read from the file one at a time, complete.
     *
     * @return the number of bytes uploaded
     * @throws IOException if reading the file fails
     */
    @Benchmark
    public long rawSdkMultipart() throws IOException {
        String key = "raw/state.bin";
        String uploadId = raw.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        byte[] buffer = new byte[partMiB << 20];
        long total = 0;
        try (InputStream in = Files.newInputStream(source)) {
            int n;
            int number = 1;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                int part = number++;
                int size = n;
                String etag = raw.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(part)
                                .contentLength((long) size),
                        RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, size), size)).eTag();
                parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
                total += size;
            }
        }
        raw.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(u -> u.parts(parts)));
        return total;
    }
}
