package org.cvxlayers.solvers.sparse;

import java.util.Arrays;

/**
 * Approximate minimum degree ordering of a symmetric pattern, after Amestoy, Davis &amp; Duff, "An
 * approximate minimum degree ordering algorithm" (SIAM J. Matrix Anal. Appl. 17(4), 1996) and Davis,
 * <i>Direct Methods for Sparse Linear Systems</i> (SIAM 2006), ch. 7.
 *
 * <p>The elimination runs on a quotient graph: every node is either a <em>variable</em> (not yet
 * eliminated) whose adjacency is a list of elements followed by a list of variables, or an
 * <em>element</em> (an eliminated pivot) whose list holds the variables of its clique. Ingredients:
 * <ul>
 *   <li>approximate external degrees (the AMD bound: the smaller of the previous degree plus the new
 *       element, the total count, and |A_i| + |L_me \ i| + Σ_e |L_e \ L_me|);</li>
 *   <li>element absorption (elements adjacent to the pivot merge into the new element) and aggressive
 *       absorption (an element whose variables all lie in the new element merges too);</li>
 *   <li>mass elimination (a variable adjacent only to the new element is eliminated with the pivot);</li>
 *   <li>supervariables (indistinguishable variables, found through a hash of their lists, are merged and
 *       treated as one node of weight nv);</li>
 *   <li>dense rows: nodes of degree &gt; max(16, 10·√n) (as in AMD/CSparse) are removed before the
 *       elimination and ordered last.</li>
 * </ul>
 * The result is deterministic. Pivots are emitted in elimination order, each followed by the members of
 * its supervariable and the variables mass-eliminated with it; fill equals that of a postordered result.
 */
public final class Amd {
    private Amd() {
    }

    /**
     * Computes a fill-reducing permutation for the symmetric pattern whose upper triangle (or full pattern,
     * or any mix: the union with the transpose is taken) is given. Values and the diagonal are ignored.
     *
     * @return {@code perm} with {@code perm[k]} = original index placed at position k
     * @throws IllegalArgumentException if the matrix is not square
     */
    public static int[] order(CscMatrix pattern) {
        int n = pattern.cols();
        if (pattern.rows() != n) {
            throw new IllegalArgumentException("AMD needs a square pattern, got " + pattern.rows() + "x" + n);
        }
        return new Amd.Run(pattern).order();
    }

    /** One ordering run: the quotient graph and its bookkeeping. */
    private static final class Run {
        private final int n;
        private int[] iw;          // storage of all adjacency lists
        private int pfree;         // first free slot of iw
        private final int[] pe;    // start of each live list, or a negative tag (absorbed / dead / empty root)
        private final int[] len;   // length of each list
        private final int[] elen;  // variables: number of elements at the front of the list; -1 once gone
        private final int[] nv;    // supervariable weight; 0 for absorbed/eliminated-by-mass; negative in L_me
        private final int[] degree;// variables: approximate external degree; elements: |L_e|
        private final int[] w;     // elements: 0 = absorbed; otherwise scratch for |L_e \ L_me|
        private final boolean[] isElement;
        // degree lists
        private final int[] head;
        private final int[] next;
        private final int[] last;
        // supervariable hash buckets and comparison marks
        private final int[] hash;
        private final int[] bucketHead;
        private final int[] bucketNext;
        private final int[] mark;
        private int markTag;
        // member chains of supervariables
        private final int[] memberNext;
        private final int[] memberTail;
        private final int[] order;
        private int nOut;
        private final int[] dense;
        private int nDense;

        Run(CscMatrix a) {
            n = a.cols();
            pe = new int[n];
            len = new int[n];
            elen = new int[n];
            nv = new int[n];
            degree = new int[n];
            w = new int[n];
            isElement = new boolean[n];
            head = new int[n + 1];
            next = new int[n];
            last = new int[n];
            hash = new int[n];
            bucketHead = new int[n];
            bucketNext = new int[n];
            mark = new int[n];
            memberNext = new int[n];
            memberTail = new int[n];
            order = new int[n];
            dense = new int[n];
            buildGraph(a);
        }

        /** Symmetric adjacency without diagonal and duplicates; dense nodes removed. */
        private void buildGraph(CscMatrix a) {
            int[] cp = a.colPtr();
            int[] ri = a.rowIdx();
            int[] count = new int[n];
            for (int j = 0; j < n; j++) {
                for (int p = cp[j]; p < cp[j + 1]; p++) {
                    int i = ri[p];
                    if (i != j) {
                        count[i]++;
                        count[j]++;
                    }
                }
            }
            int[] start = new int[n + 1];
            for (int i = 0; i < n; i++) {
                start[i + 1] = start[i] + count[i];
            }
            int[] adj = new int[start[n]];
            int[] fill = Arrays.copyOf(start, n);
            for (int j = 0; j < n; j++) {
                for (int p = cp[j]; p < cp[j + 1]; p++) {
                    int i = ri[p];
                    if (i != j) {
                        adj[fill[i]++] = j;
                        adj[fill[j]++] = i;
                    }
                }
            }
            // deduplicate each list (a full pattern lists every edge twice)
            int[] seen = new int[n];
            Arrays.fill(seen, -1);
            int[] degreeAll = new int[n];
            for (int i = 0; i < n; i++) {
                int out = start[i];
                for (int p = start[i]; p < fill[i]; p++) {
                    int j = adj[p];
                    if (seen[j] != i) {
                        seen[j] = i;
                        adj[out++] = j;
                    }
                }
                degreeAll[i] = out - start[i];
                fill[i] = out;
            }
            double threshold = Math.max(16.0, 10.0 * Math.sqrt(n));
            threshold = Math.min(n - 2, threshold);
            boolean[] isDense = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (degreeAll[i] > threshold) {
                    isDense[i] = true;
                    dense[nDense++] = i;
                }
            }
            int total = 0;
            for (int i = 0; i < n; i++) {
                total += fill[i] - start[i];
            }
            iw = new int[total + total / 5 + 2 * n + 16];
            int q = 0;
            for (int i = 0; i < n; i++) {
                memberNext[i] = -1;
                memberTail[i] = i;
                w[i] = 1;
                if (isDense[i]) {
                    pe[i] = -1;
                    nv[i] = 0;
                    elen[i] = -1;
                    continue;
                }
                pe[i] = q;
                for (int p = start[i]; p < fill[i]; p++) {
                    int j = adj[p];
                    if (!isDense[j]) {
                        iw[q++] = j;
                    }
                }
                len[i] = q - pe[i];
                nv[i] = 1;
                degree[i] = len[i];
            }
            pfree = q;
        }

        int[] order() {
            int nOrder = n - nDense;
            Arrays.fill(head, -1);
            Arrays.fill(bucketHead, -1);
            for (int i = 0; i < n; i++) {
                if (nv[i] > 0) {
                    insertDegree(i, degree[i]);
                }
            }
            int mindeg = 0;
            int nel = 0;
            int wflg = 2;
            int lemax = 0;
            while (nel < nOrder) {
                // 1. pivot of least approximate degree
                while (head[mindeg] == -1) {
                    mindeg++;
                }
                int me = head[mindeg];
                removeDegree(me);
                int elenme = elen[me];
                int nvpiv = nv[me];
                nel += nvpiv;
                nv[me] = -nvpiv;
                int degme = 0;
                emit(me);

                // 2. the new element L_me: union of me's variables and the variables of its elements
                int pme1;
                int pme2;
                if (elenme == 0) {
                    pme1 = pe[me];
                    pme2 = pme1;
                    for (int p = pe[me], end = pe[me] + len[me]; p < end; p++) {
                        int j = iw[p];
                        int nvj = nv[j];
                        if (nvj > 0) {
                            degme += nvj;
                            nv[j] = -nvj;
                            iw[pme2++] = j;
                            removeDegree(j);
                        }
                    }
                } else {
                    int bound = len[me] - elenme;
                    for (int p = pe[me], end = pe[me] + elenme; p < end; p++) {
                        bound += len[iw[p]];
                    }
                    ensureSpace(bound);
                    pme1 = pfree;
                    pme2 = pme1;
                    int pm = pe[me];
                    for (int k = 0; k < len[me]; k++) {
                        int x = iw[pm + k];
                        if (k < elenme) {
                            int e = x;
                            if (w[e] == 0) {
                                continue;
                            }
                            for (int p = pe[e], end = pe[e] + len[e]; p < end; p++) {
                                int j = iw[p];
                                int nvj = nv[j];
                                if (nvj > 0) {
                                    degme += nvj;
                                    nv[j] = -nvj;
                                    iw[pme2++] = j;
                                    removeDegree(j);
                                }
                            }
                            pe[e] = tag(me); // e is absorbed into me
                            w[e] = 0;
                        } else {
                            int nvj = nv[x];
                            if (nvj > 0) {
                                degme += nvj;
                                nv[x] = -nvj;
                                iw[pme2++] = x;
                                removeDegree(x);
                            }
                        }
                    }
                    pfree = pme2;
                }
                pe[me] = pme1;
                len[me] = pme2 - pme1;
                isElement[me] = true;
                elen[me] = -1;

                // 3. w[e] - wflg = |L_e \ L_me| for every element e adjacent to L_me
                for (int p = pme1; p < pme2; p++) {
                    int i = iw[p];
                    int eln = elen[i];
                    if (eln <= 0) {
                        continue;
                    }
                    int nvi = -nv[i];
                    int wnvi = wflg - nvi;
                    for (int q = pe[i], end = pe[i] + eln; q < end; q++) {
                        int e = iw[q];
                        int we = w[e];
                        if (we >= wflg) {
                            w[e] = we - nvi;
                        } else if (we != 0) {
                            w[e] = degree[e] + wnvi;
                        }
                    }
                }

                // 4. approximate degrees, list pruning, aggressive absorption, mass elimination, hashing
                for (int p = pme1; p < pme2; p++) {
                    int i = iw[p];
                    int p0 = pe[i];
                    int eln = elen[i];
                    int li = len[i];
                    int out = p0;
                    int deg = 0;
                    long h = 0;
                    for (int q = p0; q < p0 + eln; q++) {
                        int e = iw[q];
                        int we = w[e];
                        if (we == 0) {
                            continue; // absorbed
                        }
                        int dext = we - wflg;
                        if (dext > 0) {
                            deg += dext;
                            iw[out++] = e;
                            h += e;
                        } else {
                            pe[e] = tag(me); // aggressive absorption: L_e ⊆ L_me
                            w[e] = 0;
                        }
                    }
                    int ek = out - p0;
                    for (int q = p0 + eln; q < p0 + li; q++) {
                        int j = iw[q];
                        int nvj = nv[j];
                        if (nvj > 0) {
                            deg += nvj;
                            iw[out++] = j;
                            h += j;
                        }
                    }
                    int vk = out - p0 - ek;
                    if (ek == 0 && vk == 0) {
                        // mass elimination: i is adjacent to me only
                        int nvi = -nv[i];
                        degme -= nvi;
                        nvpiv += nvi;
                        nel += nvi;
                        nv[i] = 0;
                        elen[i] = -1;
                        pe[i] = tag(me);
                        len[i] = 0;
                        emit(i);
                        continue;
                    }
                    degree[i] = Math.min(degree[i], deg);
                    // put me at the front of the element part (one entry was pruned, so there is room)
                    if (vk > 0) {
                        iw[p0 + ek + vk] = iw[p0 + ek];
                    }
                    if (ek > 0) {
                        iw[p0 + ek] = iw[p0];
                    }
                    iw[p0] = me;
                    elen[i] = ek + 1;
                    len[i] = ek + vk + 1;
                    int b = (int) (h % n);
                    hash[i] = b;
                    bucketNext[i] = bucketHead[b];
                    bucketHead[b] = i;
                }
                degree[me] = degme;
                lemax = Math.max(lemax, degme);
                wflg += lemax + 1;
                if (wflg <= 0 || wflg > Integer.MAX_VALUE - n - 2) {
                    for (int x = 0; x < n; x++) {
                        if (w[x] != 0) {
                            w[x] = 1;
                        }
                    }
                    wflg = 2;
                }

                // 5. supervariable detection within each hash bucket touched by L_me
                for (int p = pme1; p < pme2; p++) {
                    int i = iw[p];
                    if (nv[i] >= 0) {
                        continue; // mass-eliminated or already merged
                    }
                    int b = hash[i];
                    int first = bucketHead[b];
                    if (first == -1) {
                        continue; // bucket already handled
                    }
                    bucketHead[b] = -1;
                    for (int a = first; a != -1; a = bucketNext[a]) {
                        if (nv[a] >= 0) {
                            continue;
                        }
                        markTag++;
                        if (markTag == Integer.MAX_VALUE) {
                            Arrays.fill(mark, 0);
                            markTag = 1;
                        }
                        for (int q = pe[a], end = pe[a] + len[a]; q < end; q++) {
                            mark[iw[q]] = markTag;
                        }
                        int prev = a;
                        for (int c = bucketNext[a]; c != -1; c = bucketNext[c]) {
                            if (nv[c] < 0 && len[c] == len[a] && elen[c] == elen[a] && sameList(c)) {
                                // c is indistinguishable from a: merge it into a
                                nv[a] += nv[c];
                                nv[c] = 0;
                                elen[c] = -1;
                                pe[c] = tag(a);
                                len[c] = 0;
                                memberNext[memberTail[a]] = c;
                                memberTail[a] = memberTail[c];
                                bucketNext[prev] = bucketNext[c];
                            } else {
                                prev = c;
                            }
                        }
                    }
                }

                // 6. finalize degrees of the surviving principal variables of L_me; compact L_me
                int out = pme1;
                for (int p = pme1; p < pme2; p++) {
                    int i = iw[p];
                    int nvi = -nv[i];
                    if (nvi <= 0) {
                        continue;
                    }
                    nv[i] = nvi;
                    int d = Math.min(degree[i] + degme - nvi, nOrder - nel - nvi);
                    degree[i] = d;
                    insertDegree(i, d);
                    mindeg = Math.min(mindeg, d);
                    iw[out++] = i;
                }
                // 7. the pivot becomes an element
                nv[me] = nvpiv;
                len[me] = out - pme1;
                if (len[me] == 0) {
                    pe[me] = -1;
                    w[me] = 0;
                }
                if (elenme != 0 && out < pfree && pfree == pme2) {
                    pfree = out; // give back the unused tail of the new element
                }
            }
            for (int k = 0; k < nDense; k++) {
                order[nOut++] = dense[k];
            }
            if (nOut != n) {
                throw new IllegalStateException("AMD internal error: ordered " + nOut + " of " + n);
            }
            return order;
        }

        private boolean sameList(int c) {
            for (int q = pe[c], end = pe[c] + len[c]; q < end; q++) {
                if (mark[iw[q]] != markTag) {
                    return false;
                }
            }
            return true;
        }

        /** Appends variable i and the members of its supervariable to the order. */
        private void emit(int i) {
            for (int x = i; x != -1; x = memberNext[x]) {
                order[nOut++] = x;
            }
        }

        private static int tag(int parent) {
            return -parent - 2;
        }

        private void insertDegree(int i, int d) {
            int h = head[d];
            next[i] = h;
            last[i] = -1;
            if (h != -1) {
                last[h] = i;
            }
            head[d] = i;
            degree[i] = d;
        }

        private void removeDegree(int i) {
            int nx = next[i];
            int lt = last[i];
            if (nx != -1) {
                last[nx] = lt;
            }
            if (lt != -1) {
                next[lt] = nx;
            } else {
                head[degree[i]] = nx;
            }
        }

        /** Makes room for {@code need} more entries at pfree: compacts live lists, grows iw if still short. */
        private void ensureSpace(int need) {
            if (pfree + need <= iw.length) {
                return;
            }
            int live = 0;
            long[] keys = new long[n];
            for (int x = 0; x < n; x++) {
                if (pe[x] >= 0) {
                    keys[live++] = ((long) pe[x] << 32) | x;
                }
            }
            Arrays.sort(keys, 0, live);
            int q = 0;
            for (int t = 0; t < live; t++) {
                int x = (int) keys[t];
                int p0 = pe[x];
                pe[x] = q;
                System.arraycopy(iw, p0, iw, q, len[x]);
                q += len[x];
            }
            pfree = q;
            if (pfree + need > iw.length) {
                iw = Arrays.copyOf(iw, Math.max(2 * iw.length, pfree + need + n));
            }
        }
    }
}
