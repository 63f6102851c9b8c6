package org.cvxlayers.core.canon;

import java.util.ArrayList;
import java.util.List;

/**
 * Second-order-cone representation of a weighted geometric mean with rational weights,
 * {@code |root| ≤ Π leafᵢ^{wᵢ}}, Σ wᵢ = 1 (leaves are implied nonnegative). With wᵢ = nᵢ / 2ᵈ the mean is a
 * balanced binary tree of 2-term means {@code u² ≤ a·b}, each the 3-D cone {@code ‖(2u, a − b)‖ ≤ a + b}
 * (Ben-Tal &amp; Nemirovski; the construction CVXPY's {@code gm_constrs} uses). When the common denominator D
 * is not a power of two, the root itself fills the missing weight: |r| ≤ Π xᵢ^{nᵢ/D} ⟺ |r| ≤ Π xᵢ^{nᵢ/2ᵈ}·|r|^{(2ᵈ−D)/2ᵈ}.
 */
public final class GeoMeanTree {
    private GeoMeanTree() {
    }

    /**
     * Adds the constraints for {@code |root| ≤ Π leaves[i]^{weights[i]}} (scalar tensors).
     *
     * @param weights nonnegative rationals summing to 1
     */
    public static void add(CanonContext ctx, AffineTensor root, List<AffineTensor> leaves, List<Rational> weights) {
        long den = 1;
        for (Rational w : weights) {
            den = den / Rational.gcd(den, w.den()) * w.den();
        }
        List<AffineTensor> ls = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < leaves.size(); i++) {
            long c = weights.get(i).num() * (den / weights.get(i).den());
            if (c > 0) {
                ls.add(leaves.get(i));
                counts.add(c);
                sum += c;
            }
        }
        if (sum != den) {
            throw new IllegalArgumentException("geometric-mean weights " + weights + " do not sum to 1");
        }
        long total = Long.highestOneBit(den);
        if (total < den) {
            total <<= 1;
        }
        AffineTensor r = root;
        if (total > den) {
            // |root| ≤ u and u enters as its own leaf (leaves are nonnegative, the root need not be)
            AffineTensor u = ctx.newVariable(1);
            ctx.addNonneg(u.minus(root));
            ctx.addNonneg(u.plus(root));
            ls.add(u);
            counts.add(total - den);
            r = u;
        }
        long[] cs = new long[counts.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = counts.get(i);
        }
        node(ctx, ls, cs, total, r);
    }

    /** Enforces |target| ≤ mean of the leaves with counts summing to total (a power of two); returns target. */
    private static AffineTensor node(CanonContext ctx, List<AffineTensor> leaves, long[] counts, long total,
            AffineTensor target) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == total) {
                if (target == null) {
                    return leaves.get(i);
                }
                ctx.addNonneg(leaves.get(i).minus(target));
                ctx.addNonneg(leaves.get(i).plus(target));
                return target;
            }
        }
        long half = total / 2;
        long[] left = new long[counts.length];
        long[] right = new long[counts.length];
        long acc = 0;
        for (int i = 0; i < counts.length; i++) {
            long take = Math.min(counts[i], Math.max(0, half - acc));
            left[i] = take;
            right[i] = counts[i] - take;
            acc += take;
        }
        AffineTensor a = node(ctx, leaves, left, half, null);
        AffineTensor b = node(ctx, leaves, right, half, null);
        AffineTensor u = target != null ? target : ctx.newVariable(1);
        ctx.addSoc(a.plus(b), AffineTensor.concat(u.scale(2.0), a.minus(b)));
        return u;
    }
}
