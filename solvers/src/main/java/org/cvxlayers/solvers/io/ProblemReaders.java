package org.cvxlayers.solvers.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the readers: {@code ProblemReaders.read(path, ProblemFormat.AUTO)} reads an MPS, QPS, CBF or
 * SDPA file (gzip'ed or not) into a {@link ProblemFile}.
 */
public final class ProblemReaders {
    private ProblemReaders() {
    }

    /** Reads a file in the format its extension names. */
    public static ProblemFile read(Path path) throws IOException {
        return read(path, ProblemFormat.AUTO);
    }

    /**
     * Reads a file; gzip content is recognised by its magic bytes.
     *
     * @throws ProblemFormatException if the file is malformed or uses an unsupported feature (the message names
     *                                the path as given and the line), or if AUTO cannot tell the format from
     *                                the extension
     * @throws IOException            if the file cannot be read
     */
    public static ProblemFile read(Path path, ProblemFormat format) throws IOException {
        String fileName = path.getFileName().toString();
        ProblemFormat f = resolve(path.toString(), format);
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString(), ProblemFormat.stem(fileName), f);
        }
    }

    /** Reads a problem from a stream; {@code fileName} names it in errors and gives the instance name. */
    public static ProblemFile read(InputStream stream, String fileName, ProblemFormat format) throws IOException {
        return read(stream, fileName, ProblemFormat.stem(fileName), resolve(fileName, format));
    }

    private static ProblemFile read(InputStream stream, String fileName, String name, ProblemFormat f)
            throws IOException {
        try (LineSource in = LineSource.open(stream, fileName)) {
            return switch (f) {
                case MPS, QPS -> MpsReader.read(in, name, f);
                case CBF -> CbfReader.read(in, name);
                case SDPA -> SdpaReader.read(in, name);
                case AUTO -> throw new IllegalStateException("format resolved above");
            };
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new ProblemFormatException(fileName, 0, "corrupt compressed data: " + e.getMessage());
        }
    }

    /** Reads a problem from text (for tests and small examples). */
    public static ProblemFile parse(String text, String fileName, ProblemFormat format) throws IOException {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), fileName, format);
    }

    private static ProblemFormat resolve(String fileName, ProblemFormat format) throws ProblemFormatException {
        if (format != ProblemFormat.AUTO) {
            return format;
        }
        try {
            return ProblemFormat.detect(fileName);
        } catch (IllegalArgumentException e) {
            throw new ProblemFormatException(fileName, 0, e.getMessage());
        }
    }
}
