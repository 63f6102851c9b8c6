/**
 * Runnable examples of {@link org.cvxlayers.diff.layer.CvxpyLayer}: the cvxpylayers README example and a short
 * training loop; {@code cvxlayers demo} runs both. (A geometric-programming example needs DGP support in core,
 * which does not exist yet.)
 */
package org.cvxlayers.diff.layer.examples;
