package io.h2mq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine.TypeConversionException;

class OptionConvertersTest {
    @ParameterizedTest
    @CsvSource({"250, 250", "250ms, 250", "5s, 5000", "2m, 120000", "1h, 3600000", "0, 0"})
    void durationsAreMillisecondsOrCarryAUnit(String text, long millis) {
        assertEquals(millis, new Millis().convert(text));
    }

    @Test
    void aDurationWithAnUnknownUnitIsRefusedWithTheValue() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> new Millis().convert("5 days"));
        assertTrue(e.getMessage().contains("'5 days'"), e.getMessage());
    }

    @Test
    void propertiesAreStringsUnlessTyped() {
        PropertyArg.Converter converter = new PropertyArg.Converter();
        assertEquals(new PropertyArg("region", "eu=west"), converter.convert("region=eu=west"));
        assertEquals(new PropertyArg("amount", 150), converter.convert("amount:int=150"));
        assertEquals(new PropertyArg("big", 1L), converter.convert("big:long=1"));
        assertEquals(new PropertyArg("flag", true), converter.convert("flag:boolean=TRUE"));
        assertEquals(new PropertyArg("ratio", 0.5), converter.convert("ratio:double=0.5"));
    }

    @Test
    void aPropertyValueOfTheWrongTypeIsRefusedNamingIt() {
        PropertyArg.Converter converter = new PropertyArg.Converter();
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> converter.convert("amount:int=many"));
        assertEquals("property 'amount': 'many' is not of type int", e.getMessage());
        assertThrows(TypeConversionException.class, () -> converter.convert("flag:boolean=yes"));
        assertThrows(TypeConversionException.class, () -> converter.convert("x:date=2026-01-01"));
        assertThrows(TypeConversionException.class, () -> converter.convert("=value"));
    }

    @Test
    void aTopicIsNamedWithItsPrefixAndAQueueWithOrWithout() {
        assertEquals(new Target(true, "news"), Target.parse("topic:news"));
        assertEquals(new Target(false, "orders"), Target.parse("orders"));
        assertEquals(new Target(false, "topic:odd"), Target.parse("queue:topic:odd"));
        assertThrows(TypeConversionException.class, () -> Target.parse("topic:"));
    }
}
