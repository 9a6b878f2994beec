package io.sabot.runtime.http;

import java.util.Map;

/**
 * A token-protected action served at {@code POST /admin/<name>}, such as triggering a savepoint.
 *
 * <p>Thread-safety: may be called from several HTTP threads at once.
 */
@FunctionalInterface
public interface AdminAction {

    /**
     * Performs the action.
     *
     * @param parameters the request's query parameters
     * @return the JSON-serialisable result, sent with status 200
     * @throws IllegalArgumentException for a bad parameter (sent as 400 with its message)
     * @throws Exception                for any other failure (sent as 500 with its message)
     */
    Object perform(Map<String, String> parameters) throws Exception;
}
