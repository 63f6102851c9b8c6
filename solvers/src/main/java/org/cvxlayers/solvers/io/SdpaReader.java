package org.cvxlayers.solvers.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PsdCone;

/**
 * Reader of SDPA sparse files ({@code .dat-s}) as SDPLIB uses them, in SDPLIB's sign convention
 * <pre>
 *   minimise cᵀx   s.t.   Σ F_i x_i − F_0 ⪰ 0
 * </pre>
 * with free variables x. Each block becomes slack rows {@code s = svec(Σ F_i x_i − F_0)}: program columns
 * {@code −svec(F_i)} and right-hand side {@code −svec(F_0)}, off-diagonal entries times √2 (svec); a block with
 * a negative size is diagonal and becomes nonnegative rows.
 *
 * <p>Syntax: leading comment lines start with {@code "} or {@code *}; then m (text after the number is
 * ignored), the number of blocks, the block sizes and the m entries of c (punctuation {@code , ( ) { }} and
 * {@code +} signs ignored, values may continue over lines); then one entry {@code matno block i j value} per
 * line, 1-based, upper triangle (a lower-triangle entry is read as its mirror image, duplicates are summed).
 */
final class SdpaReader {
    private static final double SQRT2 = Math.sqrt(2.0);

    private final LineSource in;
    private String[] pending = new String[0];
    private int pendingAt;

    private SdpaReader(LineSource in) {
        this.in = in;
    }

    static ProblemFile read(LineSource in, String name) throws IOException {
        return new SdpaReader(in).parse(name);
    }

    private static String clean(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int k = 0; k < line.length(); k++) {
            char ch = line.charAt(k);
            switch (ch) {
                case ',', '(', ')', '{', '}' -> sb.append(' ');
                case '+' -> { }
                default -> sb.append(ch);
            }
        }
        return sb.toString().trim();
    }

    /** The tokens of the next non-empty, non-comment line; null at the end. */
    private String[] nextLineTokens(boolean allowComments) throws IOException {
        String s;
        while ((s = in.next()) != null) {
            String t = s.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (allowComments && (t.charAt(0) == '"' || t.charAt(0) == '*')) {
                continue;
            }
            t = clean(t);
            if (!t.isEmpty()) {
                return t.split("\\s+");
            }
        }
        return null;
    }

    /** The next token of a header value list that may span lines. */
    private String nextToken(String what) throws IOException {
        while (pendingAt >= pending.length) {
            String[] t = nextLineTokens(false);
            if (t == null) {
                throw in.error("file ends while reading " + what);
            }
            pending = t;
            pendingAt = 0;
        }
        return pending[pendingAt++];
    }

    private ProblemFile parse(String name) throws IOException {
        String[] first = nextLineTokens(true);
        if (first == null) {
            throw in.fileError("empty file");
        }
        int m = leadingInt(first[0], "m (the number of variables)");
        String[] second = nextLineTokens(false);
        if (second == null) {
            throw in.error("file ends before the number of blocks");
        }
        int nBlocks = leadingInt(second[0], "the number of blocks");
        if (m < 0 || nBlocks < 1) {
            throw in.error("need m >= 0 and at least one block, got m = " + m + ", blocks = " + nBlocks);
        }
        int[] sizes = new int[nBlocks];
        int order = 0;
        for (int k = 0; k < nBlocks; k++) {
            sizes[k] = in.parseInt(stripDot(nextToken("the block sizes")), "a block size");
            if (sizes[k] == 0) {
                throw in.error("block " + (k + 1) + " has size 0");
            }
            order += Math.abs(sizes[k]);
        }
        pending = new String[0]; // the rest of the sizes line is ignored
        double[] c = new double[m];
        int cNonzeros = 0;
        for (int i = 0; i < m; i++) {
            c[i] = in.parseDouble(nextToken("c"), "c[" + (i + 1) + "]");
            if (c[i] != 0.0) {
                cNonzeros++;
            }
        }
        if (pendingAt < pending.length) {
            throw in.error("c has more than m = " + m + " entries");
        }

        ConeProgramBuilder bld = new ConeProgramBuilder();
        int[] blockRow = new int[nBlocks];
        for (int k = 0; k < nBlocks; k++) {
            int d = sizes[k];
            blockRow[k] = d > 0 ? bld.addCone(new PsdCone(d)) : bld.addCone(new NonnegativeCone(-d));
        }
        int entries = 0;
        String[] t;
        while ((t = nextLineTokens(false)) != null) {
            if (t.length != 5) {
                throw in.error("expected 'matno block i j value', got " + t.length + " fields");
            }
            int mat = in.parseInt(stripDot(t[0]), "the matrix number");
            int blk = in.parseInt(stripDot(t[1]), "the block number");
            int i = in.parseInt(stripDot(t[2]), "the row index");
            int j = in.parseInt(stripDot(t[3]), "the column index");
            double v = in.parseDouble(t[4], "the entry value");
            if (mat < 0 || mat > m) {
                throw in.error("matrix number " + mat + " outside 0.." + m);
            }
            if (blk < 1 || blk > nBlocks) {
                throw in.error("block number " + blk + " outside 1.." + nBlocks);
            }
            int d = Math.abs(sizes[blk - 1]);
            if (i < 1 || i > d || j < 1 || j > d) {
                throw in.error("entry (" + i + ", " + j + ") outside block " + blk + " of size " + d);
            }
            int row;
            double coef;
            if (sizes[blk - 1] < 0) {
                if (i != j) {
                    throw in.error("off-diagonal entry (" + i + ", " + j + ") in diagonal block " + blk);
                }
                row = blockRow[blk - 1] + i - 1;
                coef = v;
            } else {
                row = blockRow[blk - 1] + PsdCone.svecIndex(Math.min(i, j) - 1, Math.max(i, j) - 1);
                coef = i == j ? v : SQRT2 * v;
            }
            if (mat == 0) {
                bld.addB(row, -coef);
            } else {
                bld.addA(row, mat - 1, -coef);
            }
            entries++;
        }
        ProblemSize size = new ProblemSize(m, order, entries, cNonzeros);
        return new ProblemFile(name, ProblemFormat.SDPA, bld.build(m, c, 0.0, 1.0), 1.0, size);
    }

    /** The integer at the start of a token such as {@code 6=mdim}. */
    private int leadingInt(String token, String what) throws ProblemFormatException {
        int k = 0;
        if (k < token.length() && token.charAt(k) == '-') {
            k++;
        }
        while (k < token.length() && Character.isDigit(token.charAt(k))) {
            k++;
        }
        return in.parseInt(token.substring(0, k), what);
    }

    /** Integers written as {@code 2.} or {@code 2.0}. */
    private static String stripDot(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return token;
        }
        for (int k = dot + 1; k < token.length(); k++) {
            if (token.charAt(k) != '0') {
                return token;
            }
        }
        return token.substring(0, dot);
    }
}
