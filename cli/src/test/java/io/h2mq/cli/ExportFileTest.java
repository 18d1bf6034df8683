package io.h2mq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFileTest {
    @TempDir
    Path dir;

    @Test
    void typedValuesComeBackWithTheirExactType() throws Exception {
        Object[] values = {null, true, (byte) -1, (short) 2, 'c', 3, 4L, 5.5f, 6.25, "seven", "", new byte[] {8}};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Object value : values) {
                TypedValues.write(out, value);
            }
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        for (Object expected : values) {
            Object read = TypedValues.read(in);
            if (expected instanceof byte[] b) {
                assertTrue(Arrays.equals(b, (byte[]) read));
            } else {
                assertEquals(expected, read);
            }
        }
    }

    @Test
    void aFileWithoutTrailerIsCutShort() throws Exception {
        Path file = dir.resolve("cut.h2mq");
        try (ExportWriter writer = ExportWriter.create(file)) {
            writer.sync();
        }

        try (ExportReader reader = ExportReader.open(file)) {
            ExportFileException e = assertThrows(ExportFileException.class, () -> reader.next(null));
            assertTrue(e.getMessage().contains("is cut short after record 0"), e.getMessage());
        }
    }

    @Test
    void aFileOfAnotherVersionIsRefusedNamingTheVersion() throws Exception {
        Path file = dir.resolve("v9.h2mq");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(ExportFormat.MAGIC);
            out.writeInt(9);
        }
        Files.write(file, bytes.toByteArray());

        ExportFileException e = assertThrows(ExportFileException.class, () -> ExportReader.open(file));
        assertTrue(e.getMessage().endsWith("is an h2mq export file of version 9; this tool reads version 1"),
                e.getMessage());
    }

    @Test
    void anEmptyExportReadsAsNoMessages() throws Exception {
        Path file = dir.resolve("empty.h2mq");
        try (ExportWriter writer = ExportWriter.create(file)) {
            writer.finish();
        }

        try (ExportReader reader = ExportReader.open(file)) {
            assertEquals(null, reader.next(null));
        }
    }
}
