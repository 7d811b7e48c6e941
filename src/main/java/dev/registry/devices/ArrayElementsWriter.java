package dev.registry.devices;

import java.io.IOException;
import java.io.Writer;

/**
 * Passes on what JSON-B writes for one array without its brackets, and leaves the writer under it
 * open (JSON-B closes the writer it is given), so a batch of the full list is written straight into
 * the response instead of into a string first.
 */
final class ArrayElementsWriter extends Writer {

    private static final int NONE = -1;

    private final Writer out;
    private boolean opened;
    /** The last character written so far, held back because it may be the closing bracket. */
    private int held = NONE;

    ArrayElementsWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        if (!opened) {
            opened = true;
            offset++;
            length--;
            if (length == 0) {
                return;
            }
        }
        if (held != NONE) {
            out.write(held);
        }
        out.write(text, offset, length - 1);
        held = text[offset + length - 1];
    }

    /** The response is flushed once, at its end. */
    @Override
    public void flush() {
    }

    /** Drops the closing bracket; the response stays open for the next batch. */
    @Override
    public void close() {
        held = NONE;
    }
}
