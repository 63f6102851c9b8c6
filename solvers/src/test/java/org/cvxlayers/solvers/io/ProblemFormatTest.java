package org.cvxlayers.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemFormatTest {

    @Test
    void detectsByExtensionInAnyCaseWithOptionalGz() {
        assertEquals(ProblemFormat.QPS, ProblemFormat.detect("HS21.QPS.gz"));
        assertEquals(ProblemFormat.MPS, ProblemFormat.detect("afiro.mps"));
        assertEquals(ProblemFormat.MPS, ProblemFormat.detect("AFIRO.MpS.GZ"));
        assertEquals(ProblemFormat.CBF, ProblemFormat.detect("nb.CBF"));
        assertEquals(ProblemFormat.SDPA, ProblemFormat.detect("mcp124-1.dat-s.gz"));
        assertThrows(IllegalArgumentException.class, () -> ProblemFormat.detect("x.lp"));
        assertEquals("HS21", ProblemFormat.stem("HS21.QPS.gz"));
        assertEquals("mcp124-1", ProblemFormat.stem("mcp124-1.dat-s.gz"));
        assertEquals("vtpbase", ProblemFormat.stem("vtpbase.mps"));
    }

    @Test
    void readsGzipAndPlainFilesAlike(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("t.mps");
        Files.writeString(plain, MpsReaderTest.FREE.replace("\n", "\r\n"));
        Path gz = dir.resolve("t.MPS.GZ");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(MpsReaderTest.FREE.getBytes(StandardCharsets.US_ASCII));
        }
        Files.write(gz, bytes.toByteArray());
        ProblemFile a = ProblemReaders.read(plain);
        ProblemFile b = ProblemReaders.read(gz);
        assertEquals("t", a.name());
        assertEquals("t", b.name());
        assertEquals(a.size(), b.size());
        assertEquals(a.program().a().nnz(), b.program().a().nnz());
    }

    @Test
    void unknownExtensionIsAFormatError(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("model.lp");
        Files.writeString(f, "min x");
        ProblemFormatException e = assertThrows(ProblemFormatException.class, () -> ProblemReaders.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
    }
}
