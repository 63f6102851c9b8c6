package org.cvxlayers.solvers.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.DualExponentialCone;
import org.cvxlayers.solvers.cones.DualPowerCone;
import org.cvxlayers.solvers.cones.ExponentialCone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PowerCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;

/**
 * Reader of the Conic Benchmark Format (CBF, versions 1–3; MOSEK's "CBF format" reference) into a cone
 * program.
 *
 * <p>CBF states {@code min/max g_obj} s.t. {@code x ∈ K_var}, {@code g = Ax + F(X) + b ∈ K_con},
 * {@code G_i = Σ_j x_j H_ij + D_i ⪰ 0} and matrix variables {@code X_j ⪰ 0}. Every conic membership
 * {@code g ∈ K} becomes rows {@code s = T g ∈ K'} of {@code A x + s = b}, i.e. program rows {@code −T·A} and
 * right-hand side {@code T·b}, where {@code T} maps CBF's cone onto ours:
 * <ul>
 *   <li>{@code F}: no rows; {@code L=}: zero cone; {@code L+}: nonnegative; {@code L-}: nonnegative of
 *       {@code −g}; {@code Q}: second-order cone as is;</li>
 *   <li>{@code QR} ({@code 2 g₀g₁ ≥ ‖g₂:‖², g₀, g₁ ≥ 0}): second-order cone of
 *       {@code ((g₀+g₁)/√2, (g₀−g₁)/√2, g₂:)}, since {@code t² − u² = 2 g₀ g₁};</li>
 *   <li>{@code EXP} ({@code g₀ ≥ g₁ exp(g₂/g₁)}) and {@code EXP*}: the triple reversed, {@code (g₂, g₁, g₀)},
 *       gives our exponential cone (x, y, z) with {@code z ≥ y exp(x/y)} and likewise its dual;</li>
 *   <li>{@code @k:POW} / {@code @k:POW*} of dimension 3 with weights (a, b): power cone / dual power cone with
 *       {@code α = a/(a+b)} in the same order (the cone depends only on the normalised weights).</li>
 * </ul>
 * Matrix variables become svec variables ({@code n(n+1)/2} extra columns after the scalar ones) with a PSD cone
 * row block; a lower-triangle coefficient {@code F_kl} (k ≠ l) stands for both {@code (k,l)} and {@code (l,k)},
 * so {@code ⟨F, X⟩} gets {@code √2·F_kl} on the svec entry {@code √2·X_kl}. PSD constraints become PSD rows
 * {@code svec(G_i)}: off-diagonal coefficients of H and D times √2.
 */
final class CbfReader {
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);

    /** A cone of the VAR or CON section: kind and dimension, with the power-cone parameter index. */
    private record ConeSpec(String kind, int dim, int powIndex, int line) {
    }

    private final LineSource in;
    private int version = -1;
    private boolean maximize;
    private boolean senseSeen;
    private final List<double[]> powCones = new ArrayList<>();
    private final List<double[]> dualPowCones = new ArrayList<>();
    private int nVar = -1;
    private List<ConeSpec> varCones;
    private int nCon = -1;
    private List<ConeSpec> conCones;
    private int[] psdVarDims = new int[0];
    private int[] psdVarOffset = new int[0];
    private int[] psdConDims = new int[0];
    private int nTotal;

    // objective
    private double[] c;
    private double constant;
    private int objNonzeros;
    // ACOORD / FCOORD entries by CBF row (translated into program rows at the end)
    private final TripletBuffer rowEntries = new TripletBuffer();
    private double[] conB;
    private int aNonzeros;
    // PSD constraint data as (psd constraint, svec position, column, value); column −1 for D
    private final List<double[]> psdEntries = new ArrayList<>();

    private CbfReader(LineSource in) {
        this.in = in;
    }

    static ProblemFile read(LineSource in, String name) throws IOException {
        return new CbfReader(in).parse(name);
    }

    /** Next line that is neither blank nor a comment, trimmed; null at the end. */
    private String nextData() throws IOException {
        String s;
        while ((s = in.next()) != null) {
            String t = s.trim();
            if (!t.isEmpty() && t.charAt(0) != '#') {
                return t;
            }
        }
        return null;
    }

    private String requireData(String what) throws IOException {
        String s = nextData();
        if (s == null) {
            throw in.error("file ends while reading " + what);
        }
        return s;
    }

    private String[] tokens(String line, int expected, String what) throws ProblemFormatException {
        String[] t = line.split("\\s+");
        if (t.length != expected) {
            throw in.error(what + ": expected " + expected + " fields, got " + t.length + " in '" + line + "'");
        }
        return t;
    }

    private ProblemFile parse(String name) throws IOException {
        String line;
        while ((line = nextData()) != null) {
            String key = line.split("\\s+")[0].toUpperCase(Locale.ROOT);
            switch (key) {
                case "VER" -> {
                    version = in.parseInt(tokens(requireData("VER"), 1, "VER")[0], "the version");
                    if (version < 1 || version > 3) {
                        throw in.error("CBF version " + version + " is not supported (1 to 3)");
                    }
                }
                case "OBJSENSE" -> {
                    String s = requireData("OBJSENSE").toUpperCase(Locale.ROOT);
                    if (s.equals("MAX")) {
                        maximize = true;
                    } else if (!s.equals("MIN")) {
                        throw in.error("OBJSENSE must be MIN or MAX, got '" + s + "'");
                    }
                    senseSeen = true;
                }
                case "POWCONES" -> readPowCones(powCones, "POWCONES");
                case "POW*CONES" -> readPowCones(dualPowCones, "POW*CONES");
                case "PSDVAR" -> readPsdVar();
                case "VAR" -> {
                    String[] h = tokens(requireData("VAR"), 2, "VAR header");
                    nVar = nonneg(h[0], "the number of variables");
                    varCones = readCones(nonneg(h[1], "the number of cones"), nVar, "VAR");
                }
                case "INT" -> throw in.error("integer variables (INT) are not supported: continuous problems only");
                case "CON" -> {
                    String[] h = tokens(requireData("CON"), 2, "CON header");
                    nCon = nonneg(h[0], "the number of constraints");
                    conCones = readCones(nonneg(h[1], "the number of cones"), nCon, "CON");
                }
                case "PSDCON" -> readPsdCon();
                case "OBJFCOORD" -> readObjF();
                case "OBJACOORD" -> readObjA();
                case "OBJBCOORD" -> {
                    ensureVars("OBJBCOORD");
                    constant += in.parseDouble(tokens(requireData("OBJBCOORD"), 1, "OBJBCOORD")[0], "OBJBCOORD");
                }
                case "FCOORD" -> readF();
                case "ACOORD" -> readA();
                case "BCOORD" -> readB();
                case "HCOORD" -> readH();
                case "DCOORD" -> readD();
                default -> throw in.error("unknown or unsupported CBF keyword '" + line + "'");
            }
        }
        if (version < 0) {
            throw in.fileError("no VER section");
        }
        if (!senseSeen) {
            throw in.fileError("no OBJSENSE section");
        }
        ensureVarsAtEnd();
        return assemble(name);
    }

    private int nonneg(String token, String what) throws ProblemFormatException {
        int v = in.parseInt(token, what);
        if (v < 0) {
            throw in.error(what + " must be >= 0, got " + v);
        }
        return v;
    }

    private void readPowCones(List<double[]> target, String what) throws IOException {
        if (nVar >= 0 || nCon >= 0) {
            throw in.error(what + " must come before VAR and CON");
        }
        String[] h = tokens(requireData(what), 2, what + " header");
        int k = nonneg(h[0], "the number of cones");
        int total = nonneg(h[1], "the number of parameters");
        int seen = 0;
        for (int i = 0; i < k; i++) {
            int np = nonneg(tokens(requireData(what), 1, what)[0], "the number of parameters of cone " + i);
            double[] alpha = new double[np];
            for (int p = 0; p < np; p++) {
                alpha[p] = in.parseDouble(tokens(requireData(what), 1, what)[0], "a power-cone weight");
                if (!(alpha[p] > 0)) {
                    throw in.error("power-cone weights must be positive, got " + alpha[p]);
                }
            }
            seen += np;
            target.add(alpha);
        }
        if (seen != total) {
            throw in.error(what + " announced " + total + " parameters but lists " + seen);
        }
    }

    private void readPsdVar() throws IOException {
        if (nVar >= 0) {
            throw in.error("PSDVAR must come before VAR");
        }
        int k = nonneg(tokens(requireData("PSDVAR"), 1, "PSDVAR")[0], "the number of PSD variables");
        psdVarDims = new int[k];
        for (int i = 0; i < k; i++) {
            psdVarDims[i] = in.parseInt(tokens(requireData("PSDVAR"), 1, "PSDVAR")[0], "a PSD variable order");
            if (psdVarDims[i] < 1) {
                throw in.error("PSD variable order must be >= 1, got " + psdVarDims[i]);
            }
        }
    }

    private void readPsdCon() throws IOException {
        int k = nonneg(tokens(requireData("PSDCON"), 1, "PSDCON")[0], "the number of PSD constraints");
        psdConDims = new int[k];
        for (int i = 0; i < k; i++) {
            psdConDims[i] = in.parseInt(tokens(requireData("PSDCON"), 1, "PSDCON")[0], "a PSD constraint order");
            if (psdConDims[i] < 1) {
                throw in.error("PSD constraint order must be >= 1, got " + psdConDims[i]);
            }
        }
    }

    private List<ConeSpec> readCones(int k, int total, String what) throws IOException {
        List<ConeSpec> list = new ArrayList<>(k);
        int sum = 0;
        for (int i = 0; i < k; i++) {
            String[] t = tokens(requireData(what), 2, what + " cone");
            String kind = t[0].toUpperCase(Locale.ROOT);
            int dim = nonneg(t[1], "the cone dimension");
            int pow = -1;
            if (kind.startsWith("@")) {
                int colon = kind.indexOf(':');
                if (colon < 0) {
                    throw in.error("malformed parametrised cone '" + t[0] + "'");
                }
                pow = in.parseInt(kind.substring(1, colon), "the cone parameter index");
                kind = kind.substring(colon + 1);
                List<double[]> table = kind.equals("POW") ? powCones : kind.equals("POW*") ? dualPowCones : null;
                if (table == null) {
                    throw in.error("unknown parametrised cone '" + t[0] + "'");
                }
                if (pow < 0 || pow >= table.size()) {
                    throw in.error("cone '" + t[0] + "' refers to parameter set " + pow + " but only "
                            + table.size() + " are defined");
                }
                if (dim != 3 || table.get(pow).length != 2) {
                    throw in.error("only 3-dimensional power cones with 2 weights are supported, got '" + t[0]
                            + "' of dimension " + dim + " with " + table.get(pow).length + " weights");
                }
            } else {
                switch (kind) {
                    case "F", "L+", "L-", "L=" -> { }
                    case "Q" -> {
                        if (dim < 1) {
                            throw in.error("Q cone needs dimension >= 1");
                        }
                    }
                    case "QR" -> {
                        if (dim < 2) {
                            throw in.error("QR cone needs dimension >= 2");
                        }
                    }
                    case "EXP", "EXP*" -> {
                        if (dim != 3) {
                            throw in.error(kind + " cone must have dimension 3, got " + dim);
                        }
                    }
                    default -> throw in.error("unknown cone '" + t[0] + "'");
                }
            }
            list.add(new ConeSpec(kind, dim, pow, in.lineNumber()));
            sum += dim;
        }
        if (sum != total) {
            throw in.error(what + " cones cover " + sum + " entries but the header announced " + total);
        }
        return list;
    }

    private void ensureVars(String what) throws ProblemFormatException {
        if (nVar < 0) {
            // a file with only PSD variables may omit VAR
            if (psdVarDims.length == 0) {
                throw in.error(what + " before VAR");
            }
            nVar = 0;
            varCones = List.of();
        }
        if (c == null) {
            psdVarOffset = new int[psdVarDims.length];
            nTotal = nVar;
            for (int i = 0; i < psdVarDims.length; i++) {
                psdVarOffset[i] = nTotal;
                nTotal += psdVarDims[i] * (psdVarDims[i] + 1) / 2;
            }
            c = new double[nTotal];
        }
    }

    private void ensureVarsAtEnd() throws ProblemFormatException {
        if (nVar < 0 && psdVarDims.length == 0) {
            throw in.fileError("no VAR section");
        }
        ensureVars("end of file");
        if (nCon < 0) {
            nCon = 0;
            conCones = List.of();
        }
        if (conB == null) {
            conB = new double[nCon];
        }
    }

    private void ensureCons(String what) throws ProblemFormatException {
        ensureVars(what);
        if (nCon < 0) {
            throw in.error(what + " before CON");
        }
        if (conB == null) {
            conB = new double[nCon];
        }
    }

    private int index(String token, int bound, String what) throws ProblemFormatException {
        int v = in.parseInt(token, what);
        if (v < 0 || v >= bound) {
            throw in.error(what + " " + v + " out of range [0, " + bound + ")");
        }
        return v;
    }

    private int count(String what) throws IOException {
        return nonneg(tokens(requireData(what), 1, what + " count")[0], "the number of " + what + " entries");
    }

    /** svec position of the symmetric entry (k, l) = (l, k) in an order-n matrix. */
    private int svecPos(String kt, String lt, int n) throws ProblemFormatException {
        int k = index(kt, n, "matrix row");
        int l = index(lt, n, "matrix column");
        return PsdCone.svecIndex(Math.min(k, l), Math.max(k, l));
    }

    /** Whether (k, l) is off the diagonal; call after {@link #svecPos} has validated the indices. */
    private static boolean offDiagonal(String kt, String lt) {
        return Integer.parseInt(kt) != Integer.parseInt(lt);
    }

    private void readObjF() throws IOException {
        ensureVars("OBJFCOORD");
        int n = count("OBJFCOORD");
        for (int e = 0; e < n; e++) {
            String[] t = tokens(requireData("OBJFCOORD"), 4, "OBJFCOORD entry");
            int j = index(t[0], psdVarDims.length, "PSD variable");
            int pos = svecPos(t[1], t[2], psdVarDims[j]);
            double v = in.parseDouble(t[3], "an objective coefficient");
            c[psdVarOffset[j] + pos] += offDiagonal(t[1], t[2]) ? SQRT2 * v : v;
        }
    }

    private void readObjA() throws IOException {
        ensureVars("OBJACOORD");
        int n = count("OBJACOORD");
        for (int e = 0; e < n; e++) {
            String[] t = tokens(requireData("OBJACOORD"), 2, "OBJACOORD entry");
            int j = index(t[0], nVar, "variable");
            c[j] += in.parseDouble(t[1], "an objective coefficient");
        }
        objNonzeros += n;
    }

    private void readF() throws IOException {
        ensureCons("FCOORD");
        int n = count("FCOORD");
        for (int e = 0; e < n; e++) {
            String[] t = tokens(requireData("FCOORD"), 5, "FCOORD entry");
            int i = index(t[0], nCon, "constraint");
            int j = index(t[1], psdVarDims.length, "PSD variable");
            int pos = svecPos(t[2], t[3], psdVarDims[j]);
            double v = in.parseDouble(t[4], "a coefficient");
            rowEntries.add(i, psdVarOffset[j] + pos, offDiagonal(t[2], t[3]) ? SQRT2 * v : v);
        }
    }

    private void readA() throws IOException {
        ensureCons("ACOORD");
        int n = count("ACOORD");
        for (int e = 0; e < n; e++) {
            String[] t = tokens(requireData("ACOORD"), 3, "ACOORD entry");
            int i = index(t[0], nCon, "constraint");
            int j = index(t[1], nVar, "variable");
            rowEntries.add(i, j, in.parseDouble(t[2], "a coefficient"));
        }
        aNonzeros += n;
    }

    private void readB() throws IOException {
        ensureCons("BCOORD");
        int n = count("BCOORD");
        for (int e = 0; e < n; e++) {
            String[] t = tokens(requireData("BCOORD"), 2, "BCOORD entry");
            int i = index(t[0], nCon, "constraint");
            conB[i] += in.parseDouble(t[1], "a constant");
        }
    }

    private void readH() throws IOException {
        ensureVars("HCOORD");
        int n = count("HCOORD");
        for (int e = 0; e < n; e++) {
            String[] t = tokens(requireData("HCOORD"), 5, "HCOORD entry");
            int i = index(t[0], psdConDims.length, "PSD constraint");
            int j = index(t[1], nVar, "variable");
            int pos = svecPos(t[2], t[3], psdConDims[i]);
            double v = in.parseDouble(t[4], "a coefficient");
            psdEntries.add(new double[] {i, pos, j, offDiagonal(t[2], t[3]) ? SQRT2 * v : v});
        }
    }

    private void readD() throws IOException {
        ensureVars("DCOORD");
        int n = count("DCOORD");
        for (int e = 0; e < n; e++) {
            String[] t = tokens(requireData("DCOORD"), 4, "DCOORD entry");
            int i = index(t[0], psdConDims.length, "PSD constraint");
            int pos = svecPos(t[1], t[2], psdConDims[i]);
            double v = in.parseDouble(t[3], "a constant");
            psdEntries.add(new double[] {i, pos, -1, offDiagonal(t[1], t[2]) ? SQRT2 * v : v});
        }
    }

    // ---- assembly ------------------------------------------------------------------------------------

    /**
     * Adds the rows of one CBF cone and fills, for each of its {@code dim} entries g_k, up to two
     * (program row, coefficient) pairs with {@code s_row += coef · g_k}.
     */
    private void addCone(ConeProgramBuilder bld, ConeSpec spec, int[] row1, double[] coef1, int[] row2,
            double[] coef2, int first) {
        int d = spec.dim();
        switch (spec.kind()) {
            case "F" -> { }
            case "L=" -> {
                int r = bld.addCone(new ZeroCone(d));
                identity(row1, coef1, first, r, d, 1.0);
            }
            case "L+" -> identity(row1, coef1, first, bld.addCone(new NonnegativeCone(d)), d, 1.0);
            case "L-" -> identity(row1, coef1, first, bld.addCone(new NonnegativeCone(d)), d, -1.0);
            case "Q" -> identity(row1, coef1, first, bld.addCone(new SecondOrderCone(d)), d, 1.0);
            case "QR" -> {
                int r = bld.addCone(new SecondOrderCone(d));
                identity(row1, coef1, first, r, d, 1.0);
                row1[first] = r;
                coef1[first] = INV_SQRT2;
                row2[first] = r + 1;
                coef2[first] = INV_SQRT2;
                row1[first + 1] = r;
                coef1[first + 1] = INV_SQRT2;
                row2[first + 1] = r + 1;
                coef2[first + 1] = -INV_SQRT2;
            }
            case "EXP", "EXP*" -> {
                int r = bld.addCone(spec.kind().equals("EXP") ? new ExponentialCone() : new DualExponentialCone());
                for (int k = 0; k < 3; k++) {
                    row1[first + k] = r + 2 - k;
                    coef1[first + k] = 1.0;
                }
            }
            case "POW" -> {
                double[] w = powCones.get(spec.powIndex());
                identity(row1, coef1, first, bld.addCone(new PowerCone(w[0] / (w[0] + w[1]))), 3, 1.0);
            }
            case "POW*" -> {
                double[] w = dualPowCones.get(spec.powIndex());
                identity(row1, coef1, first, bld.addCone(new DualPowerCone(w[0] / (w[0] + w[1]))), 3, 1.0);
            }
            default -> throw new IllegalStateException("cone kind checked while reading: " + spec.kind());
        }
    }

    private static void identity(int[] row1, double[] coef1, int first, int r, int d, double s) {
        for (int k = 0; k < d; k++) {
            row1[first + k] = r + k;
            coef1[first + k] = s;
        }
    }

    private ProblemFile assemble(String name) {
        ConeProgramBuilder bld = new ConeProgramBuilder();
        // variable cones: g = x_j
        int[] vr1 = filled(nVar);
        int[] vr2 = filled(nVar);
        double[] vc1 = new double[nVar];
        double[] vc2 = new double[nVar];
        int at = 0;
        for (ConeSpec spec : varCones) {
            addCone(bld, spec, vr1, vc1, vr2, vc2, at);
            at += spec.dim();
        }
        for (int j = 0; j < nVar; j++) {
            if (vr1[j] >= 0) {
                bld.addA(vr1[j], j, -vc1[j]);
            }
            if (vr2[j] >= 0) {
                bld.addA(vr2[j], j, -vc2[j]);
            }
        }
        // scalar constraints: g = A x + F(X) + b
        int[] cr1 = filled(nCon);
        int[] cr2 = filled(nCon);
        double[] cc1 = new double[nCon];
        double[] cc2 = new double[nCon];
        at = 0;
        for (ConeSpec spec : conCones) {
            addCone(bld, spec, cr1, cc1, cr2, cc2, at);
            at += spec.dim();
        }
        for (int e = 0; e < rowEntries.size; e++) {
            int i = rowEntries.i[e];
            if (cr1[i] >= 0) {
                bld.addA(cr1[i], rowEntries.j[e], -cc1[i] * rowEntries.v[e]);
            }
            if (cr2[i] >= 0) {
                bld.addA(cr2[i], rowEntries.j[e], -cc2[i] * rowEntries.v[e]);
            }
        }
        for (int i = 0; i < nCon; i++) {
            if (cr1[i] >= 0) {
                bld.addB(cr1[i], cc1[i] * conB[i]);
            }
            if (cr2[i] >= 0) {
                bld.addB(cr2[i], cc2[i] * conB[i]);
            }
        }
        // matrix variables: s = svec(X) in the PSD cone
        for (int j = 0; j < psdVarDims.length; j++) {
            int r = bld.addCone(new PsdCone(psdVarDims[j]));
            int len = psdVarDims[j] * (psdVarDims[j] + 1) / 2;
            for (int k = 0; k < len; k++) {
                bld.addA(r + k, psdVarOffset[j] + k, -1.0);
            }
        }
        // PSD constraints: s = svec(Σ x_j H_ij + D_i)
        int[] psdRow = new int[psdConDims.length];
        for (int i = 0; i < psdConDims.length; i++) {
            psdRow[i] = bld.addCone(new PsdCone(psdConDims[i]));
        }
        for (double[] e : psdEntries) {
            int r = psdRow[(int) e[0]] + (int) e[1];
            if (e[2] < 0) {
                bld.addB(r, e[3]);
            } else {
                bld.addA(r, (int) e[2], -e[3]);
            }
        }
        double sign = maximize ? -1.0 : 1.0;
        ProblemSize size = new ProblemSize(nVar, nCon, aNonzeros, objNonzeros);
        return new ProblemFile(name, ProblemFormat.CBF, bld.build(nTotal, c, constant, sign), sign, size);
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /** A growable (row, column, value) list. */
    private static final class TripletBuffer {
        int[] i = new int[256];
        int[] j = new int[256];
        double[] v = new double[256];
        int size;

        void add(int r, int col, double x) {
            if (size == i.length) {
                i = Arrays.copyOf(i, 2 * size);
                j = Arrays.copyOf(j, 2 * size);
                v = Arrays.copyOf(v, 2 * size);
            }
            i[size] = r;
            j[size] = col;
            v[size++] = x;
        }
    }
}
