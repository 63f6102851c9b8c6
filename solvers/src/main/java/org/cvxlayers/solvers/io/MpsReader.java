package org.cvxlayers.solvers.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reader of MPS and QPS files, free or fixed format, into a cone program.
 *
 * <p>Sections: {@code NAME}, {@code OBJSENSE} (MIN/MAX), {@code OBJNAME}, {@code ROWS}, {@code COLUMNS},
 * {@code RHS}, {@code RANGES}, {@code BOUNDS} (LO, UP, FX, FR, MI, PL; integer types BV/LI/UI/SC and
 * {@code MARKER} lines are rejected), {@code QUADOBJ}/{@code QMATRIX}/{@code QSECTION} and {@code ENDATA}.
 * Each data line is first split on blanks; when that does not make sense (names with blanks, as in
 * FORPLAN) it is read by the fixed MPS columns 2–3, 5–12, 15–22, 25–36, 40–47, 50–61.
 *
 * <p>Conversion: the first {@code N} row is the objective (other free rows are dropped); an objective-row
 * RHS {@code r} gives the constant {@code −r}; rows with equal lower and upper limits become zero-cone rows,
 * other rows one nonnegative row per finite limit ({@code −aᵀx ≤ −lo}, {@code aᵀx ≤ hi}); variable bounds
 * become rows the same way (default {@code 0 ≤ x < ∞}; an {@code UP} bound below zero with no {@code LO}
 * makes the lower bound −∞, as CPLEX and HiGHS do). Quadratic entries are stored by unordered pair, so
 * {@code QUADOBJ} (one triangle) and {@code QMATRIX} (both triangles) both give the symmetric Q of
 * {@code ½xᵀQx}. Values of magnitude ≥ 1e30 in bounds and ranges mean infinity.
 */
final class MpsReader {
    private static final double INF = 1e30;
    private static final int[][] FIXED_FIELDS = {{1, 3}, {4, 12}, {14, 22}, {24, 36}, {39, 47}, {49, 61}};

    private enum Section { NONE, NAME, OBJSENSE, OBJNAME, ROWS, COLUMNS, RHS, RANGES, BOUNDS, QUAD, END }

    private final LineSource in;

    // rows
    private final Map<String, Integer> rowIndex = new HashMap<>();
    private char[] rowType = new char[64];
    private int nRows;
    private String objectiveName;
    private int objectiveRow = -1;
    // columns
    private final Map<String, Integer> colIndex = new HashMap<>();
    private int nCols;
    private String lastColName;
    private int lastCol = -1;
    private double[] c = new double[64];
    private double[] lo = new double[64];
    private double[] hi = new double[64];
    private boolean[] loSet = new boolean[64];
    // constraint entries (file row, column, value)
    private int[] ei = new int[1024];
    private int[] ej = new int[1024];
    private double[] ev = new double[1024];
    private int nEntries;
    private int objectiveEntries;
    // right-hand sides and ranges
    private double[] rhs = new double[64];
    private double[] range = new double[64];
    private double constant;
    private String rhsSet;
    private String rangeSet;
    private String boundSet;
    // quadratic terms by unordered pair (min, max) → value
    private final Map<Long, Double> quad = new LinkedHashMap<>();
    private boolean maximize;
    private boolean sawEnd;

    private MpsReader(LineSource in) {
        this.in = in;
    }

    static ProblemFile read(LineSource in, String name, ProblemFormat format) throws IOException {
        return new MpsReader(in).parse(name, format);
    }

    private ProblemFile parse(String name, ProblemFormat format) throws IOException {
        Section section = Section.NONE;
        String line;
        while ((line = in.next()) != null) {
            if (line.isBlank() || line.charAt(0) == '*') {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                section = header(line);
                if (section == Section.END) {
                    sawEnd = true;
                    break;
                }
                continue;
            }
            switch (section) {
                case NONE -> throw in.error("data line before any section header");
                case NAME -> { }
                case OBJSENSE -> objSense(line.trim());
                case OBJNAME -> objectiveName = line.trim();
                case ROWS -> rowLine(line);
                case COLUMNS -> columnLine(line);
                case RHS -> rhsLine(line, false);
                case RANGES -> rhsLine(line, true);
                case BOUNDS -> boundLine(line);
                case QUAD -> quadLine(line);
                default -> throw in.error("unexpected line after ENDATA");
            }
        }
        if (!sawEnd) {
            throw in.fileError("missing ENDATA (file ends at line " + in.lineNumber() + ")");
        }
        if (objectiveRow < 0) {
            throw in.fileError(objectiveName != null ? "objective row '" + objectiveName + "' not found in ROWS"
                    : "no objective (N) row in ROWS");
        }
        return assemble(name, format);
    }

    private Section header(String line) throws ProblemFormatException {
        String[] t = line.trim().split("\\s+");
        String key = t[0].toUpperCase(Locale.ROOT);
        switch (key) {
            case "NAME":
                return Section.NAME;
            case "OBJSENSE":
                if (t.length > 1) {
                    objSense(t[1]);
                }
                return Section.OBJSENSE;
            case "OBJSENCE": // a misspelling some generators write
                return Section.OBJSENSE;
            case "OBJNAME":
                if (t.length > 1) {
                    objectiveName = t[1];
                }
                return Section.OBJNAME;
            case "ROWS":
                return Section.ROWS;
            case "COLUMNS":
                return Section.COLUMNS;
            case "RHS":
                return Section.RHS;
            case "RANGES":
                return Section.RANGES;
            case "BOUNDS":
                return Section.BOUNDS;
            case "QUADOBJ", "QMATRIX", "QSECTION":
                return Section.QUAD;
            case "ENDATA":
                return Section.END;
            case "SOS", "CSECTION", "QCMATRIX", "INDICATORS", "GENCONS", "PWLOBJ", "PWLNAM", "PWLNAT":
                throw in.error("section " + key + " is not supported (only linear and convex quadratic programs)");
            default:
                throw in.error("unknown section header '" + t[0] + "'");
        }
    }

    private void objSense(String word) throws ProblemFormatException {
        switch (word.toUpperCase(Locale.ROOT)) {
            case "MAX", "MAXIMIZE", "MAXIMISE" -> maximize = true;
            case "MIN", "MINIMIZE", "MINIMISE" -> maximize = false;
            default -> throw in.error("OBJSENSE must be MIN or MAX, got '" + word + "'");
        }
    }

    // ---- ROWS ----------------------------------------------------------------------------------------

    private void rowLine(String line) throws ProblemFormatException {
        String[] t = line.trim().split("\\s+");
        String type;
        String rowName;
        if (t.length == 2 && t[0].length() == 1) {
            type = t[0];
            rowName = t[1];
        } else {
            String[] f = fixed(line);
            type = f[0];
            rowName = f[1];
        }
        if (rowName.isEmpty()) {
            throw in.error("row without a name");
        }
        char k = type.isEmpty() ? '?' : Character.toUpperCase(type.charAt(0));
        if (type.length() != 1 || "NELG".indexOf(k) < 0) {
            throw in.error("row type must be N, E, L or G, got '" + type + "'");
        }
        if (rowIndex.containsKey(rowName)) {
            throw in.error("row '" + rowName + "' defined twice");
        }
        if (nRows == rowType.length) {
            rowType = Arrays.copyOf(rowType, 2 * nRows);
            rhs = Arrays.copyOf(rhs, 2 * nRows);
            range = Arrays.copyOf(range, 2 * nRows);
        }
        rowType[nRows] = k;
        range[nRows] = Double.NaN;
        rowIndex.put(rowName, nRows);
        if (k == 'N' && objectiveRow < 0 && (objectiveName == null || objectiveName.equals(rowName))) {
            objectiveRow = nRows;
        }
        nRows++;
    }

    // ---- COLUMNS -------------------------------------------------------------------------------------

    private void columnLine(String line) throws ProblemFormatException {
        if (line.contains("'MARKER'") || line.contains("'INTORG'") || line.contains("'INTEND'")) {
            throw in.error("integer variables (MARKER INTORG/INTEND) are not supported: continuous problems only");
        }
        String[] t = line.trim().split("\\s+");
        if ((t.length == 3 || t.length == 5) && validPairs(t, 1)) {
            int col = column(t[0]);
            entry(col, t[1], t[2]);
            if (t.length == 5) {
                entry(col, t[3], t[4]);
            }
            return;
        }
        String[] f = fixed(line);
        String[] fp = f[4].isEmpty() ? new String[] {f[2], f[3]} : new String[] {f[2], f[3], f[4], f[5]};
        if (f[1].isEmpty() || !validPairs(fp, 0)) {
            // neither reading makes sense: report against the blank-separated reading when it has the
            // shape of a COLUMNS line, so the message names the offending token
            if ((t.length == 3 || t.length == 5) && numbersAt(t, 2)) {
                fp = Arrays.copyOfRange(t, 1, t.length);
                f[1] = t[0];
            } else if (f[1].isEmpty() || f[2].isEmpty()) {
                throw in.error("COLUMNS line needs a column name, a row name and a value");
            }
        }
        int col = column(f[1]);
        for (int k = 0; k + 1 < fp.length; k += 2) {
            entry(col, fp[k], fp[k + 1]);
        }
    }

    /** Whether tokens at positions from, from+2, … are numbers. */
    private static boolean numbersAt(String[] t, int from) {
        for (int k = from; k < t.length; k += 2) {
            if (Double.isNaN(LineSource.parseDoubleOrNaN(t[k]))) {
                return false;
            }
        }
        return true;
    }

    /** Whether tokens from {@code from} on are (known row, number) pairs. */
    private boolean validPairs(String[] t, int from) {
        for (int k = from; k + 1 < t.length; k += 2) {
            if (!rowIndex.containsKey(t[k]) || Double.isNaN(LineSource.parseDoubleOrNaN(t[k + 1]))) {
                return false;
            }
        }
        return (t.length - from) % 2 == 0;
    }

    private int column(String colName) {
        if (colName.equals(lastColName)) {
            return lastCol;
        }
        Integer j = colIndex.get(colName);
        if (j == null) {
            j = nCols++;
            colIndex.put(colName, j);
            if (nCols > c.length) {
                int cap = 2 * c.length;
                c = Arrays.copyOf(c, cap);
                lo = Arrays.copyOf(lo, cap);
                hi = Arrays.copyOf(hi, cap);
                loSet = Arrays.copyOf(loSet, cap);
            }
            hi[j] = Double.POSITIVE_INFINITY;
        }
        lastColName = colName;
        lastCol = j;
        return j;
    }

    private void entry(int col, String rowName, String value) throws ProblemFormatException {
        Integer r = rowIndex.get(rowName);
        if (r == null) {
            throw in.error("unknown row '" + rowName + "'");
        }
        double v = in.parseDouble(value, "the coefficient of row '" + rowName + "'");
        if (r == objectiveRow) {
            c[col] += v;
            objectiveEntries++;
        } else if (rowType[r] != 'N') {
            if (nEntries == ei.length) {
                ei = Arrays.copyOf(ei, 2 * nEntries);
                ej = Arrays.copyOf(ej, 2 * nEntries);
                ev = Arrays.copyOf(ev, 2 * nEntries);
            }
            ei[nEntries] = r;
            ej[nEntries] = col;
            ev[nEntries++] = v;
        }
    }

    // ---- RHS / RANGES --------------------------------------------------------------------------------

    private void rhsLine(String line, boolean ranges) throws ProblemFormatException {
        String[] t = line.trim().split("\\s+");
        String set;
        String[] pairs;
        if ((t.length == 3 || t.length == 5) && validPairs(t, 1)) {
            set = t[0];
            pairs = Arrays.copyOfRange(t, 1, t.length);
        } else if ((t.length == 2 || t.length == 4) && validPairs(t, 0)) {
            set = "";
            pairs = t;
        } else {
            String[] f = fixed(line);
            set = f[1];
            pairs = f[4].isEmpty() ? new String[] {f[2], f[3]} : new String[] {f[2], f[3], f[4], f[5]};
            if (!validPairs(pairs, 0)) {
                // neither reading makes sense: report against the blank-separated one
                if (t.length == 3 || t.length == 5) {
                    set = t[0];
                    pairs = Arrays.copyOfRange(t, 1, t.length);
                } else if (t.length == 2 || t.length == 4) {
                    set = "";
                    pairs = t;
                } else {
                    throw in.error((ranges ? "RANGES" : "RHS") + " line must hold an optional set name and one or"
                            + " two (row, value) pairs");
                }
            }
        }
        double[] values = new double[pairs.length / 2];
        int[] rowsOf = new int[pairs.length / 2];
        for (int k = 0; k + 1 < pairs.length; k += 2) {
            Integer r = rowIndex.get(pairs[k]);
            if (r == null) {
                throw in.error("unknown row '" + pairs[k] + "' in " + (ranges ? "RANGES" : "RHS"));
            }
            rowsOf[k / 2] = r;
            values[k / 2] = in.parseDouble(pairs[k + 1], "the " + (ranges ? "range" : "right-hand side")
                    + " of row '" + pairs[k] + "'");
        }
        // only the first RHS / RANGES vector counts, as in most readers
        if (ranges) {
            if (rangeSet == null) {
                rangeSet = set;
            } else if (!rangeSet.equals(set)) {
                return;
            }
        } else {
            if (rhsSet == null) {
                rhsSet = set;
            } else if (!rhsSet.equals(set)) {
                return;
            }
        }
        for (int k = 0; k < rowsOf.length; k++) {
            int r = rowsOf[k];
            double v = values[k];
            if (ranges) {
                if (rowType[r] != 'N') {
                    range[r] = v;
                }
            } else if (r == objectiveRow) {
                constant = -v;
            } else {
                rhs[r] = v;
            }
        }
    }

    // ---- BOUNDS --------------------------------------------------------------------------------------

    private void boundLine(String line) throws ProblemFormatException {
        String[] t = line.trim().split("\\s+");
        String type = t[0].toUpperCase(Locale.ROOT);
        boolean needsValue = needsValue(type);
        String set = null;
        String colName = null;
        String value = null;
        if (t.length == 4 && colIndex.containsKey(t[2]) && !Double.isNaN(LineSource.parseDoubleOrNaN(t[3]))) {
            set = t[1];
            colName = t[2];
            value = t[3];
        } else if (t.length == 3 && needsValue && colIndex.containsKey(t[1])
                && !Double.isNaN(LineSource.parseDoubleOrNaN(t[2]))) {
            set = "";
            colName = t[1];
            value = t[2];
        } else if (t.length == 3 && !needsValue && colIndex.containsKey(t[2])) {
            set = t[1];
            colName = t[2];
        } else if (t.length == 2 && !needsValue && colIndex.containsKey(t[1])) {
            set = "";
            colName = t[1];
        } else {
            String[] f = fixed(line);
            type = f[0].toUpperCase(Locale.ROOT);
            needsValue = needsValue(type);
            set = f[1];
            colName = f[2];
            value = f[3].isEmpty() ? null : f[3];
        }
        switch (type) {
            case "BV", "LI", "UI", "SC" ->
                throw in.error("bound type " + type + " makes variable '" + colName
                        + "' integer or semicontinuous: continuous problems only");
            case "UP", "LO", "FX", "FR", "MI", "PL" -> { }
            default -> throw in.error("unknown bound type '" + type + "'");
        }
        Integer j = colIndex.get(colName);
        if (j == null) {
            throw in.error("unknown column '" + colName + "' in BOUNDS");
        }
        double v = 0.0;
        if (needsValue) {
            if (value == null) {
                throw in.error("bound " + type + " of column '" + colName + "' needs a value");
            }
            v = in.parseDouble(value, "the bound of column '" + colName + "'");
        }
        if (boundSet == null) {
            boundSet = set;
        } else if (!boundSet.equals(set)) {
            return; // only the first bound set counts
        }
        switch (type) {
            case "UP" -> {
                hi[j] = v >= INF ? Double.POSITIVE_INFINITY : v;
                if (v < 0 && !loSet[j] && lo[j] == 0.0) {
                    lo[j] = Double.NEGATIVE_INFINITY;
                }
            }
            case "LO" -> {
                lo[j] = v <= -INF ? Double.NEGATIVE_INFINITY : v;
                loSet[j] = true;
            }
            case "FX" -> {
                lo[j] = v;
                hi[j] = v;
                loSet[j] = true;
            }
            case "FR" -> {
                lo[j] = Double.NEGATIVE_INFINITY;
                hi[j] = Double.POSITIVE_INFINITY;
                loSet[j] = true;
            }
            case "MI" -> {
                lo[j] = Double.NEGATIVE_INFINITY;
                loSet[j] = true;
            }
            default -> hi[j] = Double.POSITIVE_INFINITY; // PL
        }
    }

    private static boolean needsValue(String type) {
        return switch (type) {
            case "UP", "LO", "FX", "LI", "UI", "SC" -> true;
            default -> false;
        };
    }

    // ---- QUADOBJ / QMATRIX ---------------------------------------------------------------------------

    private void quadLine(String line) throws ProblemFormatException {
        String[] t = line.trim().split("\\s+");
        String a;
        String b;
        String value;
        if (t.length == 3 && colIndex.containsKey(t[0]) && colIndex.containsKey(t[1])
                && !Double.isNaN(LineSource.parseDoubleOrNaN(t[2]))) {
            a = t[0];
            b = t[1];
            value = t[2];
        } else {
            String[] f = fixed(line);
            a = f[1];
            b = f[2];
            value = f[3];
        }
        Integer i = colIndex.get(a);
        Integer j = colIndex.get(b);
        if (i == null || j == null) {
            throw in.error("unknown column '" + (i == null ? a : b) + "' in the quadratic section");
        }
        double v = in.parseDouble(value, "the quadratic coefficient");
        long key = ((long) Math.min(i, j) << 32) | Math.max(i, j);
        quad.put(key, v); // by unordered pair: a second listing of (j, i) is the same entry
    }

    /** The six fixed-format fields of a line (trimmed, empty when absent). */
    private static String[] fixed(String line) {
        String[] f = new String[6];
        for (int k = 0; k < 6; k++) {
            int s = FIXED_FIELDS[k][0];
            int e = Math.min(FIXED_FIELDS[k][1], line.length());
            f[k] = s < e ? line.substring(s, e).trim() : "";
        }
        return f;
    }

    // ---- assembly ------------------------------------------------------------------------------------

    private ProblemFile assemble(String name, ProblemFormat format) {
        ConeProgramBuilder bld = new ConeProgramBuilder();
        // each file row maps to up to two program rows: (id, sign)
        int[] rowLoId = new int[nRows];
        int[] rowHiId = new int[nRows];
        int constraints = 0;
        for (int r = 0; r < nRows; r++) {
            rowLoId[r] = -1;
            rowHiId[r] = -1;
            char k = rowType[r];
            if (k == 'N') {
                continue;
            }
            constraints++;
            double b = rhs[r];
            double rl = range[r];
            double l;
            double h;
            if (Double.isNaN(rl)) {
                l = k == 'L' ? Double.NEGATIVE_INFINITY : b;
                h = k == 'G' ? Double.POSITIVE_INFINITY : b;
            } else {
                double ar = Math.abs(rl) >= INF ? Double.POSITIVE_INFINITY : Math.abs(rl);
                if (k == 'L') {
                    l = b - ar;
                    h = b;
                } else if (k == 'G') {
                    l = b;
                    h = b + ar;
                } else if (rl >= 0) {
                    l = b;
                    h = b + ar;
                } else {
                    l = b - ar;
                    h = b;
                }
            }
            if (l == h) {
                rowHiId[r] = bld.addZeroRow(h);
            } else {
                if (l > Double.NEGATIVE_INFINITY) {
                    rowLoId[r] = bld.addNonnegRow(-l);
                }
                if (h < Double.POSITIVE_INFINITY) {
                    rowHiId[r] = bld.addNonnegRow(h);
                }
            }
        }
        for (int k = 0; k < nEntries; k++) {
            int r = ei[k];
            if (rowLoId[r] >= 0) {
                bld.addA(rowLoId[r], ej[k], -ev[k]);
            }
            if (rowHiId[r] >= 0) {
                bld.addA(rowHiId[r], ej[k], ev[k]);
            }
        }
        for (int j = 0; j < nCols; j++) {
            double l = lo[j];
            double h = hi[j];
            if (l == h) {
                bld.addA(bld.addZeroRow(h), j, 1.0);
                continue;
            }
            if (l > Double.NEGATIVE_INFINITY) {
                bld.addA(bld.addNonnegRow(-l), j, -1.0);
            }
            if (h < Double.POSITIVE_INFINITY) {
                bld.addA(bld.addNonnegRow(h), j, 1.0);
            }
        }
        for (Map.Entry<Long, Double> e : quad.entrySet()) {
            long key = e.getKey();
            bld.addP((int) (key >>> 32), (int) (key & 0xffffffffL), e.getValue());
        }
        double sign = maximize ? -1.0 : 1.0;
        ProblemSize size = new ProblemSize(nCols, constraints, nEntries, objectiveEntries);
        return new ProblemFile(name, format, bld.build(nCols, Arrays.copyOf(c, nCols), constant, sign), sign, size);
    }
}
