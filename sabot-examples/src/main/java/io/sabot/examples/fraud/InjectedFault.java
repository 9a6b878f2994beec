package io.sabot.examples.fraud;

/** The failure the detector throws when fault injection picks a transaction. */
public final class InjectedFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the fault.
     *
     * @param transactionId the transaction being processed
     */
    public InjectedFault(long transactionId) {
        super("injected fault while processing transaction " + transactionId);
    }
}
