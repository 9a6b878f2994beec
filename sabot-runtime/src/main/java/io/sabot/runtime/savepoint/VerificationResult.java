package io.sabot.runtime.savepoint;

import java.util.List;
import java.util.Objects;

/**
 * What {@link SavepointManager#verify(String)} found. Immutable.
 *
 * @param id           the savepoint verified
 * @param filesChecked how many of its files were read and checked
 * @param bytesChecked how many bytes were read
 * @param problems     one line per problem (unreadable metadata, a missing, extra, wrong-sized or corrupt file,
 *                     named by its path); empty if the savepoint is intact
 */
public record VerificationResult(String id, int filesChecked, long bytesChecked, List<String> problems) {

    /**
     * Creates the record, copying the problems.
     *
     * @param id           the savepoint verified
     * @param filesChecked how many files were checked
     * @param bytesChecked how many bytes were read
     * @param problems     one line per problem
     */
    public VerificationResult {
        Objects.requireNonNull(id, "id");
        problems = List.copyOf(problems);
    }

    /** {@return true if the savepoint is intact: its metadata is valid and every file matches it} */
    public boolean ok() {
        return problems.isEmpty();
    }
}
