package org.cvxlayers.benchmarks.sparse;

import edu.emory.mathcs.csparsej.tdouble.Dcs_amd;
import java.util.Arrays;
import org.cvxlayers.solvers.sparse.Amd;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.cvxlayers.solvers.sparse.LdlSymbolic;
import org.cvxlayers.solvers.sparse.Ordering;

/**
 * Prints nnz(L) (strictly lower) under the natural ordering, our AMD and CSparse's cs_amd for the
 * benchmark matrices, as a Markdown table. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.cvxlayers.benchmarks.sparse.FillReport}; with {@code --random}, compares fill and permutations on 40
 * seeded random KKT patterns instead.
 */
public final class FillReport {
    private FillReport() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--random")) {
            compareRandom();
            return;
        }
        String[] names = args.length > 0 ? args
                : new String[] {"grid50", "grid100", "grid200", "kkt600", "kkt6000"};
        System.out.println("| matrix | n | nnz(upper) | nnz(L) natural | nnz(L) our AMD | nnz(L) cs_amd | natural/ours | ours/cs_amd |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String name : names) {
            CscMatrix a = SparseCases.named(name).upper();
            int n = a.cols();
            long nat = LdlSymbolic.analyze(a, Ordering.NATURAL).nnzL();
            long ours = LdlSymbolic.analyze(a, Ordering.AMD).nnzL();
            int[] csPerm = Arrays.copyOf(Dcs_amd.cs_amd(1, SparseCases.toCs(a)), n);
            long cs = LdlSymbolic.analyze(a, csPerm).nnzL();
            System.out.printf("| %s | %d | %d | %d | %d | %d | %.2f | %.3f |%n", name, n, a.nnz(), nat, ours, cs,
                    (double) nat / ours, (double) ours / cs);
        }
    }

    /** 40 seeded random KKT patterns (n + m from 300 to 3420): fill and permutation of ours vs cs_amd. */
    private static void compareRandom() {
        long sumOurs = 0;
        long sumCs = 0;
        int better = 0;
        int worse = 0;
        int samePerm = 0;
        for (int s = 0; s < 40; s++) {
            int n = 200 + 50 * s;
            int m = 100 + 30 * s;
            CscMatrix k = SparseCases.randomKkt(n, m, 1 + s % 4, 2 + s % 3, s);
            int[] ours = Amd.order(k);
            int[] cs = Arrays.copyOf(Dcs_amd.cs_amd(1, SparseCases.toCs(k)), n + m);
            long fo = LdlSymbolic.analyze(k, ours).nnzL();
            long fc = LdlSymbolic.analyze(k, cs).nnzL();
            sumOurs += fo;
            sumCs += fc;
            better += fo < fc ? 1 : 0;
            worse += fo > fc ? 1 : 0;
            samePerm += Arrays.equals(ours, cs) ? 1 : 0;
        }
        System.out.printf("40 random KKT patterns: total nnz(L) ours %d, cs_amd %d (ratio %.4f); ours smaller on %d,"
                + " larger on %d; identical permutations on %d%n", sumOurs, sumCs, (double) sumOurs / sumCs, better,
                worse, samePerm);
    }
}
