package org.cvxlayers.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.junit.jupiter.api.Test;

/**
 * Every file of every benchmark folder parses, and its sizes match the tables of the data README (which were
 * computed from the files or copied from the collections' own tables).
 */
class BenchdataReadTest {

    private static Map<String, String[]> byFirstCell(List<String[]> rows) {
        Map<String, String[]> m = new HashMap<>();
        for (String[] r : rows) {
            m.put(r[0], r);
        }
        return m;
    }

    @Test
    void marosMeszarosSizesMatchTheCollectionTable() throws IOException {
        Path dir = Benchdata.folder("maros_meszaros");
        Map<String, String[]> table = new HashMap<>();
        for (String[] r : Benchdata.readmeRows(dir, "", 1)) {
            if (r.length >= 8 && r[2].matches("\\d+")) {
                table.put(r[0], r);
            }
        }
        List<Path> files = Benchdata.files(dir, ".QPS.gz");
        assertEquals(77, files.size());
        for (Path f : files) {
            ProblemFile pf = ProblemReaders.read(f);
            String[] row = table.get(pf.name());
            assertNotNull(row, "no README row for " + pf.name());
            String what = pf.name();
            assertEquals(Integer.parseInt(row[2]), pf.size().constraints(), what + " M");
            assertEquals(Integer.parseInt(row[3]), pf.size().variables(), what + " N");
            // KSIP: the 00README says NZ = 18411 but the file lists 19898 coefficients in constraint rows
            // (counted independently with awk over the COLUMNS section; 2116 of them are below 1e-10)
            int nz = what.equals("KSIP") ? 19898 : Integer.parseInt(row[4]);
            assertEquals(nz, pf.size().nonzeros(), what + " NZ");
            CscMatrix p = pf.program().p();
            int offDiagonal = 0;
            Set<Integer> quadVars = new HashSet<>();
            for (int j = 0; j < p.cols(); j++) {
                for (int k = p.colPtr()[j]; k < p.colPtr()[j + 1]; k++) {
                    int i = p.rowIdx()[k];
                    assertTrue(i <= j, what + ": P must be upper triangular");
                    if (i != j) {
                        offDiagonal++;
                    }
                    quadVars.add(i);
                    quadVars.add(j);
                }
            }
            assertEquals(Integer.parseInt(row[6]), offDiagonal, what + " QNZ");
            assertEquals(Integer.parseInt(row[5]), quadVars.size(), what + " QN");
            assertEquals(1.0, pf.objectiveSign(), what);
            checkLinearCones(pf.program(), what);
        }
    }

    @Test
    void netlibSizesMatchTheNetlibTable() throws IOException {
        Path dir = Benchdata.folder("netlib");
        Map<String, String[]> table = byFirstCell(Benchdata.readmeRows(dir, ".mps.gz", 2));
        List<Path> files = Benchdata.files(dir, ".mps.gz");
        assertEquals(57, files.size());
        for (Path f : files) {
            ProblemFile pf = ProblemReaders.read(f);
            String[] row = table.get(f.getFileName().toString());
            assertNotNull(row, "no README row for " + f);
            String what = pf.name();
            // the netlib table counts the cost row in rows and nonzeros
            // BOEING1: the netlib table's 351 rows do not include the cost row here: the file has 351
            // E/L/G rows plus the N row (its QP variant QPCBOEI1 lists M = 351), nonzeros 3865 = 3485 + 380 agree
            int rows = Integer.parseInt(row[2]) - (what.equals("boeing1") ? 0 : 1);
            assertEquals(rows, pf.size().constraints(), what + " rows");
            assertEquals(Integer.parseInt(row[3]), pf.size().variables(), what + " cols");
            assertEquals(Integer.parseInt(row[4]), pf.size().nonzeros() + pf.size().objectiveNonzeros(),
                    what + " nonzeros");
            assertEquals(0, pf.program().p().nnz(), what + " is an LP");
            checkLinearCones(pf.program(), what);
        }
    }

    /** Zero rows first, then nonnegative rows: at most two cone blocks. */
    private static void checkLinearCones(ConeProgram prog, String what) {
        List<Cone> cones = prog.cones();
        assertTrue(cones.size() <= 2, what + ": " + cones);
        for (int k = 0; k < cones.size(); k++) {
            Cone c = cones.get(k);
            assertTrue(c instanceof ZeroCone && k == 0 || c instanceof NonnegativeCone, what + ": " + cones);
        }
    }

    @Test
    void cblibSizesMatchTheFileStatistics() throws IOException {
        int read = 0;
        for (String set : new String[] {"cblib_socp", "cblib_exp"}) {
            Path dir = Benchdata.folder(set);
            int section = set.equals("cblib_socp") ? 3 : 4;
            Map<String, String[]> table = byFirstCell(Benchdata.readmeRows(dir, ".cbf.gz", section));
            for (Path f : Benchdata.files(dir, ".cbf.gz")) {
                ProblemFile pf = ProblemReaders.read(f);
                String[] row = table.get(f.getFileName().toString());
                assertNotNull(row, "no README row for " + f);
                String what = pf.name();
                assertEquals(Integer.parseInt(row[2]), pf.size().variables(), what + " vars");
                assertEquals(Integer.parseInt(row[3]), pf.size().constraints(), what + " constraints");
                assertEquals(Integer.parseInt(row[4]), pf.size().nonzeros(), what + " nnz(A)");
                assertEquals(pf.size().variables(), pf.program().n(), what + ": no PSD variables here");
                read++;
            }
        }
        assertEquals(14 + 28, read);
    }

    @Test
    void rotatedConesBecomeSecondOrderCones() throws IOException {
        Path dir = Benchdata.folder("cblib_socp");
        ProblemFile pf = ProblemReaders.read(dir.resolve("chainsing-1000-1.cbf.gz"));
        // README: F:3994, QR:2994 / L=:8982, L+:500, L-:500 — every QR cone has dimension 3 here
        long soc = pf.program().cones().stream().filter(c -> c instanceof SecondOrderCone).count();
        assertEquals(2994, soc);
        assertEquals(8982 + 500 + 500 + 3 * 2994, pf.program().m());
    }

    @Test
    void sdplibSizesMatchTheSdplibTable() throws IOException {
        Path dir = Benchdata.folder("sdplib");
        Map<String, String[]> table = byFirstCell(Benchdata.readmeRows(dir, ".dat-s.gz", 5));
        List<Path> files = Benchdata.files(dir, ".dat-s.gz");
        assertEquals(50, files.size());
        for (Path f : files) {
            ProblemFile pf = ProblemReaders.read(f);
            String[] row = table.get(f.getFileName().toString());
            assertNotNull(row, "no README row for " + f);
            String what = pf.name();
            assertEquals(Integer.parseInt(row[1]), pf.size().variables(), what + " m");
            assertEquals(Integer.parseInt(row[2]), pf.size().constraints(), what + " n");
            assertEquals(Integer.parseInt(row[4]), pf.size().nonzeros(), what + " entries");
            assertEquals(expandBlocks(row[3]), blocksOf(pf.program()), what + " blocks");
            assertEquals(pf.size().variables(), pf.program().n(), what);
        }
    }

    /** "2×6, 1" → [2,2,2,2,2,2,1] sorted; "161, -174" → [-174, 161]. */
    private static List<Integer> expandBlocks(String cell) {
        List<Integer> out = new ArrayList<>();
        for (String part : cell.split(",")) {
            String p = part.trim();
            int times = 1;
            int x = p.indexOf('×');
            if (x >= 0) {
                times = Integer.parseInt(p.substring(x + 1).trim());
                p = p.substring(0, x).trim();
            }
            for (int k = 0; k < times; k++) {
                out.add(Integer.parseInt(p));
            }
        }
        out.sort(null);
        return out;
    }

    /** PSD blocks by order, diagonal parts as negative sizes. */
    private static List<Integer> blocksOf(ConeProgram prog) {
        List<Integer> out = new ArrayList<>();
        for (Cone c : prog.cones()) {
            if (c instanceof PsdCone psd) {
                out.add(psd.n());
            } else if (c instanceof NonnegativeCone nn) {
                out.add(-nn.dim());
            }
        }
        out.sort(null);
        return out;
    }

    @Test
    void knownOptimalPointsGiveThePublishedObjectives() throws IOException {
        Path mm = Benchdata.folder("maros_meszaros");
        // HS21: x* = (2, 0), f = ½(0.02·4) − 100 = −99.96 (optimal.csv), feasible: 10·2 − 0 ≥ 10, bounds hold
        ProblemFile hs21 = ProblemReaders.read(mm.resolve("HS21.QPS.gz"));
        double[] x21 = {2, 0};
        assertEquals(-99.96, hs21.fileObjective(Programs.objective(hs21.program(), x21)), 1e-12);
        assertFeasible(hs21.program(), x21, 0.0);
        // HS268: x* = (1, 2, −1, 3, −4) makes ‖Bx − b‖² = 0 with constant bᵀb = 14463 (data README, §1)
        ProblemFile hs268 = ProblemReaders.read(mm.resolve("HS268.QPS.gz"));
        assertEquals(14463.0, hs268.program().constant(), 0.0);
        double[] x268 = {1, 2, -1, 3, -4};
        assertEquals(0.0, hs268.fileObjective(Programs.objective(hs268.program(), x268)), 1e-9);
        assertFeasible(hs268.program(), x268, 1e-12);
        // NETLIB E226: objective-row RHS −7.113 → constant +7.113
        ProblemFile e226 = ProblemReaders.read(Benchdata.folder("netlib").resolve("e226.mps.gz"));
        assertEquals(7.113, e226.program().constant(), 0.0);
    }

    private static void assertFeasible(ConeProgram prog, double[] x, double tol) {
        double[] s = Programs.slack(prog, x);
        int at = 0;
        for (Cone k : prog.cones()) {
            for (int i = at; i < at + k.dim(); i++) {
                if (k instanceof ZeroCone) {
                    assertEquals(0.0, s[i], tol, "equality row " + i);
                } else {
                    assertTrue(s[i] >= -tol, "inequality row " + i + ": " + s[i]);
                }
            }
            at += k.dim();
        }
    }
}
