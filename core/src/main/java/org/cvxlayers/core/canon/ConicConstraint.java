package org.cvxlayers.core.canon;

/** Anything that canonicalizes into cone blocks of the compiled program (the user constraints). */
public interface ConicConstraint {
    /** Adds this constraint's cone blocks to {@code ctx}, owning the block that carries its dual. */
    void canonicalize(CanonContext ctx);
}
