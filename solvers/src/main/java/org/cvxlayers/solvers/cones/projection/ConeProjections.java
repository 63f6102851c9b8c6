package org.cvxlayers.solvers.cones.projection;

import java.util.List;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.DualExponentialCone;
import org.cvxlayers.solvers.cones.DualPowerCone;
import org.cvxlayers.solvers.cones.ExponentialCone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PowerCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;

/** Factory from the {@link Cone} records to their projections. */
public final class ConeProjections {
    private ConeProjections() {
    }

    /** The projection of one cone block. */
    public static ConeProjection of(Cone cone) {
        if (cone instanceof ZeroCone z) {
            return new ZeroProjection(z.dim());
        } else if (cone instanceof NonnegativeCone k) {
            return new NonnegativeProjection(k.dim());
        } else if (cone instanceof SecondOrderCone q) {
            return new SecondOrderProjection(q.dim());
        } else if (cone instanceof ExponentialCone) {
            return new ExponentialProjection();
        } else if (cone instanceof DualExponentialCone) {
            return new DualExponentialProjection();
        } else if (cone instanceof PowerCone p) {
            return new PowerProjection(p.alpha());
        } else if (cone instanceof DualPowerCone p) {
            return new DualPowerProjection(p.alpha());
        } else if (cone instanceof PsdCone s) {
            return new PsdProjection(s.n());
        }
        throw new IllegalArgumentException("no projection for cone " + cone);
    }

    /** The projection onto a product of cones, in order. */
    public static ProductProjection product(List<? extends Cone> cones) {
        ConeProjection[] blocks = new ConeProjection[cones.size()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = of(cones.get(i));
        }
        return new ProductProjection(blocks);
    }
}
