package io.h2mq.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Shows how far a long command has got, on stderr so that stdout stays the command's result. On a terminal it
 * redraws one bar in place a few times a second; otherwise (a pipe, a log file) it prints a plain line every few
 * seconds. Updated from the one thread doing the work; {@link #advance} is cheap enough to call per message.
 */
final class Progress implements AutoCloseable {
    private static final long TERMINAL_EVERY = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long LINES_EVERY = TimeUnit.SECONDS.toNanos(2);
    private static final int BAR_WIDTH = 30;

    private final String verb;
    private final long total;
    private final boolean terminal;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private long lastShown = start;
    private long done;
    private boolean drawn;
    private boolean finished;

    private Progress(String verb, long total, boolean terminal, PrintStream err) {
        this.verb = verb;
        this.total = total;
        this.terminal = terminal;
        this.err = err;
    }

    /** Progress of {@code verb} over {@code total} messages, or an unknown number when {@code total <= 0}. */
    static Progress of(String verb, long total) {
        return new Progress(verb, total, System.console() != null, System.err);
    }

    void advance(long done) {
        this.done = done;
        long now = System.nanoTime();
        if (now - lastShown >= (terminal ? TERMINAL_EVERY : LINES_EVERY)) {
            lastShown = now;
            show(now);
        }
    }

    long done() {
        return done;
    }

    /** Seconds since the start. */
    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Messages per second since the start. */
    double rate() {
        double seconds = elapsedSeconds();
        return seconds <= 0 ? 0 : done / seconds;
    }

    /**
     * The closing line of a command: {@code sent 100 messages to queue q in 0.52 s (192 msg/s)}. Ends the bar first,
     * so that the line printed next does not share the bar's line.
     */
    String summary(String verb, String where) {
        finish();
        return String.format(Locale.ROOT, "%s %d message%s %s in %.2f s (%.0f msg/s)", verb, done,
                done == 1 ? "" : "s", where, elapsedSeconds(), rate());
    }

    private void show(long now) {
        String figures = done + (total > 0 ? "/" + total : "") + String.format(Locale.ROOT, "  %.0f msg/s", rate());
        if (terminal) {
            err.print("\r" + verb + " " + bar() + figures + "   ");
            drawn = true;
        } else {
            err.println(verb + ": " + figures);
        }
        err.flush();
    }

    private String bar() {
        if (total <= 0) {
            return "";
        }
        int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%  ", done * 100 / total);
    }

    /** Ends the bar's line, so that what follows starts on its own. */
    @Override
    public void close() {
        finish();
    }

    private void finish() {
        if (drawn && !finished) {
            show(System.nanoTime());
            err.println();
            err.flush();
        }
        finished = true;
    }
}
