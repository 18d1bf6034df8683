package io.h2mq.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.h2mq.H2mqOptions;

/**
 * Micrometer is an optional dependency: only the classes of this package may name its types, and they are loaded
 * only when meters are asked for, so the provider runs without Micrometer on the class path.
 */
class OptionalMicrometerTest {

    @Test
    void noClassOutsideTheMetricsPackageNamesAMicrometerType() throws Exception {
        Path classes = Path.of(H2mqOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path metrics = classes.resolve("io/h2mq/metrics");
        List<Path> naming;
        int scanned;
        try (Stream<Path> all = Files.walk(classes)) {
            List<Path> classFiles = all.filter(p -> p.toString().endsWith(".class")).toList();
            scanned = classFiles.size();
            naming = classFiles.stream().filter(p -> !p.startsWith(metrics))
                    .filter(OptionalMicrometerTest::namesMicrometer).toList();
        }
        assertTrue(scanned > 100, "scanned only " + scanned + " classes in " + classes);
        assertEquals(List.of(), naming);
    }

    private static boolean namesMicrometer(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("io/micrometer/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
