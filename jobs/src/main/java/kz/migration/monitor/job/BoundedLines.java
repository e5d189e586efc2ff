package kz.migration.monitor.job;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import kz.migration.monitor.json.RawPayload;

/**
 * Reads {@code \n}-terminated lines of UTF-8 as {@link RawPayload}s, never holding more than {@link
 * RawPayload#MAX_RECORD_BYTES} (plus one) bytes of one line: the rest of an over-long line is
 * skipped and only counted, so a hostile file cannot fill the memory. A trailing {@code \r} is
 * dropped (CRLF files).
 */
final class BoundedLines implements Closeable {

    private static final int KEEP = RawPayload.MAX_RECORD_BYTES + 1;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[1024];

    BoundedLines(InputStream in) {
        this.in = in;
    }

    /** The lines of the first {@code length} bytes of {@code in}. */
    BoundedLines(InputStream in, long length) {
        this(new LengthLimitedStream(in, length));
    }

    /** The next line, or null at the end of the input. */
    RawPayload next() throws IOException {
        int kept = 0;
        long total = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? finish(kept, total) : null;
                }
            }
            any = true;
            int nl = pos;
            while (nl < end && buf[nl] != '\n') {
                nl++;
            }
            int n = nl - pos;
            int room = Math.min(n, KEEP - kept);
            if (room > 0) {
                if (kept + room > line.length) {
                    line =
                            Arrays.copyOf(
                                    line, Math.min(KEEP, Math.max(kept + room, line.length * 2)));
                }
                System.arraycopy(buf, pos, line, kept, room);
                kept += room;
            }
            total += n;
            if (nl < end) {
                pos = nl + 1;
                return finish(kept, total);
            }
            pos = end;
        }
    }

    private RawPayload finish(int kept, long total) {
        if (total <= RawPayload.MAX_RECORD_BYTES + 1 && kept > 0 && line[kept - 1] == '\r') {
            kept--;
            total--;
        }
        return RawPayload.of(line, kept, total);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
