package io.sabot.resources;

/** Burns CPU on the calling thread, as an event that takes real work would. */
final class Burn {

    private Burn() {
    }

    /**
     * Spins for about {@code nanos} of wall time doing arithmetic.
     *
     * @param nanos how long
     * @return a value derived from the work, so the JIT cannot drop it
     */
    static long forNanos(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 17;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 200; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        return x;
    }
}
