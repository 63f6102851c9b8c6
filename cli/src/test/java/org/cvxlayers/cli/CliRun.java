package org.cvxlayers.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code cvxlayers} in-process and captures its output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
