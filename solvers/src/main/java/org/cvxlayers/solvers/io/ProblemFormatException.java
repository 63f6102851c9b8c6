package org.cvxlayers.solvers.io;

import java.io.IOException;

/**
 * A problem file that cannot be read: malformed syntax, an unsupported feature (integer variables, an
 * unknown cone) or inconsistent counts. The message names the file and, where one applies, the line.
 */
public final class ProblemFormatException extends IOException {
    private final String file;
    private final int line;

    /**
     * @param file    the file name (as given to the reader)
     * @param line    1-based line number, or 0 when the problem is not tied to one line
     * @param message what is wrong
     */
    public ProblemFormatException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** The file name as given to the reader. */
    public String file() {
        return file;
    }

    /** The 1-based line number, or 0 when the error concerns the file as a whole. */
    public int line() {
        return line;
    }
}
