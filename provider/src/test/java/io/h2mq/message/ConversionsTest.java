package io.h2mq.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jakarta.jms.MessageFormatException;

/** The spec's conversion table (3-5, which contains 3-4) checked cell by cell: allowed cells convert, others fail. */
class ConversionsTest {
    private static final Map<Object, Set<ValueKind>> ALLOWED = Map.of(
            true, EnumSet.of(ValueKind.BOOLEAN, ValueKind.STRING),
            (byte) 7, EnumSet.of(ValueKind.BYTE, ValueKind.SHORT, ValueKind.INT, ValueKind.LONG, ValueKind.STRING),
            (short) 7, EnumSet.of(ValueKind.SHORT, ValueKind.INT, ValueKind.LONG, ValueKind.STRING),
            'c', EnumSet.of(ValueKind.CHAR, ValueKind.STRING),
            7, EnumSet.of(ValueKind.INT, ValueKind.LONG, ValueKind.STRING),
            7L, EnumSet.of(ValueKind.LONG, ValueKind.STRING),
            7.5f, EnumSet.of(ValueKind.FLOAT, ValueKind.DOUBLE, ValueKind.STRING),
            7.5d, EnumSet.of(ValueKind.DOUBLE, ValueKind.STRING),
            "7", EnumSet.complementOf(EnumSet.of(ValueKind.CHAR, ValueKind.BYTES)));

    static Stream<Arguments> allowedCells() {
        List<Arguments> cells = new ArrayList<>();
        ALLOWED.forEach((value, kinds) -> kinds.forEach(kind -> cells.add(Arguments.of(value, kind))));
        return cells.stream();
    }

    static Stream<Arguments> forbiddenCells() {
        List<Arguments> cells = new ArrayList<>();
        ALLOWED.forEach((value, kinds) -> EnumSet.complementOf(EnumSet.copyOf(kinds))
                .forEach(kind -> cells.add(Arguments.of(value, kind))));
        for (ValueKind kind : ValueKind.values()) {
            if (kind != ValueKind.BYTES) {
                cells.add(Arguments.of(new byte[] {1}, kind));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("allowedCells")
    void allowedConversionGivesTheWidenedOrParsedValue(Object value, ValueKind kind) throws Exception {
        Object converted = Conversions.convert(value, kind, "v");
        Object expected = switch (kind) {
            case BOOLEAN -> value instanceof String s ? Boolean.valueOf(s) : value;
            case BYTE -> (byte) 7;
            case SHORT -> (short) 7;
            case CHAR -> 'c';
            case INT -> 7;
            case LONG -> 7L;
            case FLOAT -> value instanceof String ? 7f : 7.5f;
            case DOUBLE -> value instanceof String ? 7d : 7.5d;
            case STRING -> String.valueOf(value);
            case BYTES -> value;
        };
        assertEquals(expected, converted);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("forbiddenCells")
    void conversionOutsideTheTableThrowsMessageFormatException(Object value, ValueKind kind) {
        assertThrows(MessageFormatException.class, () -> Conversions.convert(value, kind, "v"));
    }

    @ParameterizedTest
    @MethodSource("integralKinds")
    void nullReadAsIntegralThrowsNumberFormatException(ValueKind kind) {
        assertThrows(NumberFormatException.class, () -> Conversions.convert(null, kind, "v"));
    }

    static Stream<ValueKind> integralKinds() {
        return Stream.of(ValueKind.BYTE, ValueKind.SHORT, ValueKind.INT, ValueKind.LONG);
    }

    @ParameterizedTest
    @MethodSource("npeKinds")
    void nullReadAsFloatDoubleOrCharThrowsNullPointerException(ValueKind kind) {
        assertThrows(NullPointerException.class, () -> Conversions.convert(null, kind, "v"));
    }

    static Stream<ValueKind> npeKinds() {
        return Stream.of(ValueKind.FLOAT, ValueKind.DOUBLE, ValueKind.CHAR);
    }

    @org.junit.jupiter.api.Test
    void nullReadsAsFalseNullStringAndNullBytes() throws Exception {
        assertEquals(false, Conversions.convert(null, ValueKind.BOOLEAN, "v"));
        assertEquals(null, Conversions.convert(null, ValueKind.STRING, "v"));
        assertEquals(null, Conversions.convert(null, ValueKind.BYTES, "v"));
    }

    @org.junit.jupiter.api.Test
    void unparsableStringThrowsNumberFormatExceptionNamingTheValue() {
        NumberFormatException e = assertThrows(NumberFormatException.class,
                () -> Conversions.convert("abc", ValueKind.INT, "property 'p'"));
        assertEquals("cannot read property 'p' value 'abc' as int", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void bytesAreCopiedOnRead() throws Exception {
        byte[] stored = {1, 2};
        byte[] read = (byte[]) Conversions.convert(stored, ValueKind.BYTES, "v");
        read[0] = 9;
        assertArrayEquals(new byte[] {1, 2}, stored);
    }
}
