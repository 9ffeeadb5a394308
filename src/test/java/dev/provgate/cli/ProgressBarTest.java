// SPDX-License-Identifier: Apache-2.0
package dev.provgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static final long SECOND = 1_000_000_000L;

    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong(5 * SECOND);

    private ProgressBar bar(int total) {
        return new ProgressBar(new PrintWriter(err), "fetching", total, now::get);
    }

    /** The lines drawn, without carriage returns and erase-to-end-of-line codes. */
    private List<String> drawn() {
        return Arrays.stream(err.toString().split("\r")).map(s -> s.replace("\033[K", "")).filter(s -> !s.isEmpty())
                .toList();
    }

    @Test
    void countsPercentAndEta() {
        ProgressBar b = bar(3_000);
        now.addAndGet(10 * SECOND);
        b.update(1_000);
        assertEquals(List.of("fetching [######..............] 1,000/3,000  33%  ETA 20s"), drawn());
        now.addAndGet(50 * SECOND);
        b.update(1_500);
        assertEquals("fetching [##########..........] 1,500/3,000  50%  ETA 1m00s", drawn().get(1));
    }

    @Test
    void neverGoesBackwards() {
        ProgressBar b = bar(10);
        now.addAndGet(SECOND);
        b.update(5);
        now.addAndGet(SECOND);
        b.update(4);
        b.update(5);
        now.addAndGet(SECOND);
        b.advance();
        List<String> lines = drawn();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).contains(" 6/10 "), lines.get(1));
    }

    @Test
    void redrawsAtMostTenTimesASecondButAlwaysTheEnd() {
        ProgressBar b = bar(100);
        for (int i = 0; i < 100; i++) {
            b.advance();
        }
        List<String> lines = drawn();
        assertEquals(List.of("fetching [....................] 1/100  1%  ETA 0s",
                "fetching [####################] 100/100  100%"), lines);
        b.finish();
        assertTrue(err.toString().endsWith("\r\033[K"));
    }

    @Test
    void notOnATerminalTheFactoryGivesASilentBar() {
        ProgressBar b = ProgressBar.create(new PrintWriter(err), "fetching", 10);
        b.update(10);
        b.finish();
        assertEquals("", err.toString(), "tests never run on a terminal");
    }
}
