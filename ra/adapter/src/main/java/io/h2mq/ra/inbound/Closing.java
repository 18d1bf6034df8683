package io.h2mq.ra.inbound;

/** Closing what was half opened when opening failed: a failure to close is kept with the failure to open. */
final class Closing {
    private Closing() {
    }

    static void close(AutoCloseable half, Exception openFailure) {
        try {
            half.close();
        } catch (Exception e) {
            openFailure.addSuppressed(e);
        }
    }
}
