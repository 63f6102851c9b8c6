package org.cvxlayers.solvers.io;

import java.nio.file.Path;
import java.util.Locale;

/** The problem file formats the readers understand. */
public enum ProblemFormat {
    /** Detect the format from the file extension ({@code .mps}, {@code .qps}, {@code .cbf}, {@code .dat-s}). */
    AUTO(""),
    /** MPS, fixed or free, with optional quadratic sections. */
    MPS(".mps"),
    /** QPS: MPS with a {@code QUADOBJ} or {@code QMATRIX} section (same reader as MPS). */
    QPS(".qps"),
    /** Conic Benchmark Format, versions 1 to 3. */
    CBF(".cbf"),
    /** SDPA sparse format as used by SDPLIB. */
    SDPA(".dat-s");

    private final String extension;

    ProblemFormat(String extension) {
        this.extension = extension;
    }

    /** The extension (lower case, with dot) that identifies the format; empty for {@link #AUTO}. */
    public String extension() {
        return extension;
    }

    /**
     * The format a file name's extension names, in any letter case, optionally followed by {@code .gz}.
     *
     * @throws IllegalArgumentException if the extension is not one of the known ones
     */
    public static ProblemFormat detect(String fileName) {
        String lower = stripGz(fileName.toLowerCase(Locale.ROOT));
        for (ProblemFormat f : values()) {
            if (f != AUTO && lower.endsWith(f.extension)) {
                return f;
            }
        }
        throw new IllegalArgumentException("cannot tell the format of '" + fileName
                + "' from its extension (expected .mps, .qps, .cbf or .dat-s, optionally .gz)");
    }

    /** {@link #detect(String)} on the file name of a path. */
    public static ProblemFormat detect(Path path) {
        return detect(path.getFileName().toString());
    }

    /**
     * The instance name of a file: its name without {@code .gz} and without the format extension, e.g.
     * {@code HS21.QPS.gz → HS21}, {@code mcp124-1.dat-s.gz → mcp124-1}. Unknown extensions are kept.
     */
    public static String stem(String fileName) {
        String name = fileName;
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (ProblemFormat f : values()) {
            if (f != AUTO && lower.endsWith(f.extension)) {
                return name.substring(0, name.length() - f.extension.length());
            }
        }
        return name;
    }

    private static String stripGz(String lower) {
        return lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
    }
}
