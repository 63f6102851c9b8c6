/**
 * The {@code cvxlayers} command line: {@code solve} (one file, optional one-line JSON), {@code bench} (a folder
 * against its {@code optimal.csv}) and {@code demo}; the output formats are contracts of DESIGN.md.
 */
package org.cvxlayers.cli;
