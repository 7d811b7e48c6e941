package dev.registry.rest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A response's stream that remembers whether writing to the client failed, which means the client
 * has gone (closed its connection, timed out): nothing more can reach it. Once it has gone, flushing
 * and closing succeed quietly, so that the server does not report again what it could not send.
 */
final class ClientOutput extends FilterOutputStream {

    private boolean gone;

    ClientOutput(OutputStream out) {
        super(out);
    }

    boolean gone() {
        return gone;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException failed) {
            gone = true;
            throw failed;
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException failed) {
            gone = true;
            throw failed;
        }
    }

    @Override
    public void flush() throws IOException {
        if (gone) {
            return;
        }
        try {
            out.flush();
        } catch (IOException failed) {
            gone = true;
            throw failed;
        }
    }

    /** Closes the server's stream in any case; a failure to do so means the client has gone. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException failed) {
            gone = true;
        }
    }
}
