package org.cvxlayers.benchmarks.sparse;

import edu.emory.mathcs.csparsej.tdouble.Dcs_amd;
import java.util.Arrays;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.cvxlayers.solvers.sparse.LdlSymbolic;
import org.cvxlayers.solvers.sparse.Ordering;

/**
 * Prints nnz(L) (strictly lower) under the natural ordering, our AMD and CSparse's cs_amd for the
 * benchmark matrices, as a Markdown table. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.cvxlayers.benchmarks.sparse.FillReport}.
 */
public final class FillReport {
    private FillReport() {
    }

    public static void main(String[] args) {
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
}
