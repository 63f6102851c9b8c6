package org.cvxlayers.solvers.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Lines of a text file with their numbers, for readers that report errors by file and line. Carriage returns
 * (CRLF files) are removed; gzip input is recognised by its magic bytes.
 */
final class LineSource implements AutoCloseable {
    private final BufferedReader reader;
    private final String file;
    private int lineNumber;

    LineSource(Reader reader, String file) {
        this.reader = reader instanceof BufferedReader br ? br : new BufferedReader(reader, 1 << 16);
        this.file = file;
    }

    /** Opens a stream, decompressing it when it starts with the gzip magic bytes. */
    static LineSource open(InputStream in, String file) throws IOException {
        PushbackInputStream pin = new PushbackInputStream(in, 2);
        byte[] head = new byte[2];
        int got = pin.readNBytes(head, 0, 2);
        if (got > 0) {
            pin.unread(head, 0, got);
        }
        InputStream body = got == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b
                ? new GZIPInputStream(pin, 1 << 16) : pin;
        return new LineSource(new InputStreamReader(body, StandardCharsets.ISO_8859_1), file);
    }

    /** The next line without its line terminator (and without a trailing CR), or null at the end. */
    String next() throws IOException {
        String s = reader.readLine();
        if (s == null) {
            return null;
        }
        lineNumber++;
        int len = s.length();
        while (len > 0 && s.charAt(len - 1) == '\r') {
            len--;
        }
        return len == s.length() ? s : s.substring(0, len);
    }

    /** Number of the line last returned by {@link #next()} (1-based). */
    int lineNumber() {
        return lineNumber;
    }

    String file() {
        return file;
    }

    /** An error at the current line. */
    ProblemFormatException error(String message) {
        return new ProblemFormatException(file, lineNumber, message);
    }

    /** An error about the whole file. */
    ProblemFormatException fileError(String message) {
        return new ProblemFormatException(file, 0, message);
    }

    /** Parses a real number; accepts Fortran-style {@code D} exponents. */
    double parseDouble(String token, String what) throws ProblemFormatException {
        double v = parseDoubleOrNaN(token);
        if (Double.isNaN(v)) {
            throw error("expected a number for " + what + ", got '" + token + "'");
        }
        return v;
    }

    /** The number a token spells, or NaN if it is not a number. */
    static double parseDoubleOrNaN(String token) {
        if (token.isEmpty()) {
            return Double.NaN;
        }
        char last = token.charAt(token.length() - 1);
        // Double.parseDouble accepts type suffixes such as "1d" or "2f", which are not numbers here
        if (!(Character.isDigit(last) || last == '.')) {
            if (token.equalsIgnoreCase("inf") || token.equalsIgnoreCase("+inf") || token.equalsIgnoreCase("infinity")
                    || token.equalsIgnoreCase("+infinity")) {
                return Double.POSITIVE_INFINITY;
            }
            if (token.equalsIgnoreCase("-inf") || token.equalsIgnoreCase("-infinity")) {
                return Double.NEGATIVE_INFINITY;
            }
            return Double.NaN;
        }
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            if (token.indexOf('D') >= 0 || token.indexOf('d') >= 0) {
                try {
                    return Double.parseDouble(token.replace('D', 'E').replace('d', 'e'));
                } catch (NumberFormatException e2) {
                    return Double.NaN;
                }
            }
            return Double.NaN;
        }
    }

    /** Parses an integer. */
    int parseInt(String token, String what) throws ProblemFormatException {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", got '" + token + "'");
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
