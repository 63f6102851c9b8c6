/**
 * Runnable examples of {@link org.cvxlayers.diff.layer.CvxpyLayer}: the cvxpylayers README example, its
 * geometric-programming example and a short training loop; {@code cvxlayers demo} runs all three.
 */
package org.cvxlayers.diff.layer.examples;
