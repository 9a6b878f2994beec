package io.sabot.api.savepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class StoreExceptionsTest {

    @Test
    void noSuchKeyNamesTheKeyAndTheStore() {
        NoSuchKeyException e = new NoSuchKeyException("file:///data/sp", "sp-1/_metadata.json");

        assertThat(e).hasMessage("no object 'sp-1/_metadata.json' in file:///data/sp")
                .isInstanceOf(StoreException.class).isInstanceOf(IOException.class);
    }

    @Test
    void keyExistsNamesTheKeyAndTheStore() {
        KeyExistsException e = new KeyExistsException("s3://bucket/sp", "sp-1/_metadata.json");

        assertThat(e).hasMessage("object 'sp-1/_metadata.json' already exists in s3://bucket/sp")
                .isInstanceOf(StoreException.class);
    }

    @Test
    void aStoreExceptionKeepsItsCause() {
        IOException cause = new IOException("connection reset");

        assertThat(new StoreException("upload failed", cause)).hasMessage("upload failed").hasCause(cause);
        assertThat(new StoreException("plain")).hasMessage("plain").hasNoCause();
    }
}
