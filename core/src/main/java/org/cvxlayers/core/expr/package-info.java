/**
 * Expressions of the modelling language: shapes, the expression base class with its fluent operators,
 * variables, parameters and constants. Values are row-major in the public API and column-major inside.
 */
package org.cvxlayers.core.expr;
