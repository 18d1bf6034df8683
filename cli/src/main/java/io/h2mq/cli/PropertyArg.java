package io.h2mq.cli;

import java.util.Locale;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A message property given as {@code NAME=VALUE} (a String) or {@code NAME:TYPE=VALUE}, TYPE one of boolean, byte,
 * short, int, long, float, double, string: typed so that numeric selectors such as {@code amount > 100} match.
 */
record PropertyArg(String name, Object value) {

    void applyTo(Message message) throws JMSException {
        message.setObjectProperty(name, value);
    }

    /** picocli's converter for {@code --property}. */
    static final class Converter implements ITypeConverter<PropertyArg> {
        @Override
        public PropertyArg convert(String text) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new TypeConversionException("property '" + text + "' is not NAME=VALUE or NAME:TYPE=VALUE");
            }
            String key = text.substring(0, equals);
            String raw = text.substring(equals + 1);
            int colon = key.indexOf(':');
            String name = colon < 0 ? key : key.substring(0, colon);
            String type = colon < 0 ? "string" : key.substring(colon + 1).toLowerCase(Locale.ROOT);
            try {
                return new PropertyArg(name, typed(type, raw));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("property '" + name + "': '" + raw + "' is not of type " + type);
            }
        }

        private static Object typed(String type, String raw) {
            return switch (type) {
                case "string" -> raw;
                case "boolean" -> parseBoolean(raw);
                case "byte" -> Byte.valueOf(raw);
                case "short" -> Short.valueOf(raw);
                case "int" -> Integer.valueOf(raw);
                case "long" -> Long.valueOf(raw);
                case "float" -> Float.valueOf(raw);
                case "double" -> Double.valueOf(raw);
                default -> throw new TypeConversionException("property type '" + type + "' is none of boolean, "
                        + "byte, short, int, long, float, double, string");
            };
        }

        private static Boolean parseBoolean(String raw) {
            if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
                return Boolean.valueOf(raw);
            }
            throw new NumberFormatException(raw);
        }
    }
}
