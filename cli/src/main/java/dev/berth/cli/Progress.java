package dev.berth.cli;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of one long transfer: on a terminal, one line redrawn in place (bytes, rate, time left);
 * elsewhere (CI logs), a plain line every {@link #PLAIN_EVERY_NANOS}, then a final line.
 */
final class Progress {
    static final long PLAIN_EVERY_NANOS = 5_000_000_000L;
    private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long started;
    private long done;
    private long lastShown;

    Progress(PrintStream out, String label, long total, boolean terminal, LongSupplier nanos) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.terminal = terminal;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
        this.lastShown = started;
    }

    void add(long bytes) {
        done += bytes;
        long now = nanos.getAsLong();
        if (now - lastShown >= (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
            lastShown = now;
            String line = line(now);
            if (terminal) {
                out.print("\r" + line + "\u001b[K");
            } else {
                out.println(line);
            }
            out.flush();
        }
    }

    /** Prints the final line. */
    void finish() {
        long took = Math.max(1, nanos.getAsLong() - started);
        out.print(terminal ? "\r\u001b[K" : "");
        out.println(label + ": " + size(done) + " in " + String.format(Locale.ROOT, "%.1f s", took / 1e9));
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        StringBuilder b = new StringBuilder(label).append(": ").append(size(done));
        if (total > 0) {
            b.append(" of ").append(size(total)).append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
        }
        b.append(", ").append(size((long) rate)).append("/s");
        if (total > 0 && rate > 0 && done < total) {
            b.append(", about ").append(Math.round((total - done) / rate)).append(" s left");
        }
        return b.toString();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }

    OutputStream counting(OutputStream target) {
        return new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                add(len);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                add(1);
            }
        };
    }

    InputStream counting(InputStream source) {
        return new FilterInputStream(source) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    add(n);
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int c = in.read();
                if (c >= 0) {
                    add(1);
                }
                return c;
            }
        };
    }
}
