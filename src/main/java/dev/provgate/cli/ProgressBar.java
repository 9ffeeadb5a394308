// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar on standard error for long work, redrawn in place:
 * {@code fetching attestations [#######.............] 1,204/3,215  37%  ETA 1m12s}.
 *
 * <p>Use {@link #create(PrintWriter, String, int)}: on a terminal it draws, anywhere else (a pipe, a file, CI's log)
 * it is silent, so callers never ask. Call {@link #advance()} after each item or {@link #update(int)} with a count
 * done, from any thread; the count shown never goes backwards (a smaller count from a slower thread is ignored).
 * Call {@link #finish()} once at the end: it erases the bar so that the report starts on a clean line. Redraws are
 * limited to ten a second (the last count is always drawn). The ETA assumes the remaining items take as long as the
 * finished ones did on average.
 *
 * <pre>{@code
 * ProgressBar bar = ProgressBar.create(spec.commandLine().getErr(), "scanning repositories", repos.size());
 * for (Path repo : repos) {
 *     scan(repo);
 *     bar.advance();
 * }
 * bar.finish();
 * }</pre>
 */
public final class ProgressBar {
    private static final int WIDTH = 20;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err; // null: silent
    private final String label;
    private final int total;
    private final LongSupplier nanoTime;
    private final long started;
    private int done;
    private long drawnAt;

    /** A bar that draws on {@code err} whether or not it is a terminal; most callers want {@link #create}. */
    public ProgressBar(PrintWriter err, String label, int total) {
        this(err, label, total, System::nanoTime);
    }

    ProgressBar(PrintWriter err, String label, int total, LongSupplier nanoTime) {
        this.err = err;
        this.label = label;
        this.total = Math.max(0, total);
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.drawnAt = started - REDRAW_NANOS;
    }

    /** A drawing bar on a terminal, a silent one anywhere else. */
    public static ProgressBar create(PrintWriter err, String label, int total) {
        return Terminal.interactive() ? new ProgressBar(err, label, total) : silent();
    }

    /** A bar that counts but never writes anything. */
    public static ProgressBar silent() {
        return new ProgressBar(null, "", Integer.MAX_VALUE, () -> 0L);
    }

    /** One more item done. */
    public synchronized void advance() {
        update(done + 1);
    }

    /** {@code count} items done in all; ignored when it is not more than already shown. */
    public synchronized void update(int count) {
        if (count <= done) {
            return;
        }
        done = Math.min(count, total);
        long now = nanoTime.getAsLong();
        if (err != null && (done == total || now - drawnAt >= REDRAW_NANOS)) {
            drawnAt = now;
            err.print("\r" + line(now) + "\033[K");
            err.flush();
        }
    }

    /** Erases the bar. */
    public synchronized void finish() {
        if (err != null) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    /** The bar as drawn when {@code now} is the time, without the carriage return. */
    private String line(long now) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        int percent = total == 0 ? 100 : (int) ((long) done * 100 / total);
        return label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%,d/%,d  %d%%", done, total, percent) + eta(now);
    }

    private String eta(long now) {
        if (done == 0 || done == total) {
            return "";
        }
        long left = (now - started) / done * (total - done);
        Duration d = Duration.ofNanos(left);
        return d.toMinutes() > 0 ? String.format(Locale.ROOT, "  ETA %dm%02ds", d.toMinutes(), d.toSecondsPart())
                : String.format(Locale.ROOT, "  ETA %ds", d.toSeconds());
    }
}
