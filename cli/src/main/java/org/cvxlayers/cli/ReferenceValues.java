package org.cvxlayers.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reference optima from an {@code optimal.csv} ({@code name,objective}, one header line). */
final class ReferenceValues {
    private ReferenceValues() {
    }

    /**
     * Reads the file in its order.
     *
     * @throws IOException naming file and line when a line is not {@code name,number}
     */
    static Map<String, Double> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).trim();
            if (line.isEmpty() || (k == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("name,"))) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length < 2) {
                throw new IOException(csv + ":" + (k + 1) + ": expected 'name,objective', got '" + line + "'");
            }
            try {
                out.put(f[0].trim(), Double.parseDouble(f[1].trim()));
            } catch (NumberFormatException e) {
                throw new IOException(csv + ":" + (k + 1) + ": objective '" + f[1].trim() + "' is not a number");
            }
        }
        return out;
    }
}
