package org.cvxlayers.solvers.ipm.cones;

import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.DualExponentialCone;
import org.cvxlayers.solvers.cones.DualPowerCone;
import org.cvxlayers.solvers.cones.ExponentialCone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PowerCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;

/** The one place that maps a cone specification to its interior-point block. */
public final class IpmCones {
    private IpmCones() {
    }

    /**
     * The interior-point block for {@code spec} covering entries {@code [offset, offset + spec.dim())}.
     *
     * @throws IllegalArgumentException for cone types the interior-point method does not support yet
     */
    public static IpmCone create(Cone spec, int offset) {
        // Java 17 has no pattern switch: an instanceof chain over the sealed family
        if (spec instanceof ZeroCone z) {
            return new ZeroConeIpm(offset, z.dim());
        } else if (spec instanceof NonnegativeCone nn) {
            return new NonnegativeConeIpm(offset, nn.dim());
        } else if (spec instanceof SecondOrderCone soc) {
            return new SecondOrderConeIpm(offset, soc.dim());
        } else if (spec instanceof ExponentialCone) {
            return new ExponentialConeIpm(offset);
        } else if (spec instanceof PowerCone pc) {
            return new PowerConeIpm(offset, pc.alpha());
        } else if (spec instanceof PsdCone psd) {
            return new PsdConeIpm(offset, psd.n());
        } else if (spec instanceof DualExponentialCone || spec instanceof DualPowerCone) {
            // the solver rewrites these blocks as primal ones (DualConeReduction) before creating IPM blocks
            throw new IllegalArgumentException(spec + " at row " + offset
                    + ": dual exponential/power blocks must be reduced by DualConeReduction first");
        }
        throw new IllegalArgumentException("unknown cone type " + spec + " at row " + offset);
    }
}
