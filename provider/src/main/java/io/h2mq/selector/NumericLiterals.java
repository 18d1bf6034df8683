package io.h2mq.selector;

import java.util.regex.Pattern;

/**
 * Decodes numeric literals with the Java language's literal syntax, as the specification asks: exact
 * literals are Java integer literals (decimal, hex {@code 0x1d}, octal {@code 035}, binary {@code 0b11},
 * underscores between digits, optional {@code L}) held as {@code long}; approximate literals are Java
 * floating-point literals ({@code 7E3}, {@code 7.}, {@code .5}, {@code 1.5f}, hex {@code 0x1p3}) held as
 * {@code double}, or as {@code float} when suffixed {@code f}, as Java types them.
 *
 * <p>The decimal literal {@code 9223372036854775808} (2<sup>63</sup>) is accepted here as
 * {@link Long#MIN_VALUE}: Java allows it only as the operand of unary minus, and the parser enforces that
 * through {@link #isUnsignedMinLong(Token)}.
 */
final class NumericLiterals {

    private static final String DIGITS = "[0-9](?:[0-9_]*[0-9])?";
    private static final String HEX_DIGITS = "[0-9a-fA-F](?:[0-9a-fA-F_]*[0-9a-fA-F])?";
    private static final String EXPONENT = "[eE][+-]?" + DIGITS;

    private static final Pattern DECIMAL = Pattern.compile("(?:0|[1-9](?:[0-9_]*[0-9])?)[lL]?");
    private static final Pattern HEX = Pattern.compile("0[xX]" + HEX_DIGITS + "[lL]?");
    private static final Pattern OCTAL = Pattern.compile("0_*[0-7](?:[0-7_]*[0-7])?[lL]?");
    private static final Pattern BINARY = Pattern.compile("0[bB][01](?:[01_]*[01])?[lL]?");
    private static final Pattern DECIMAL_FLOATING = Pattern.compile(
            "(?:" + DIGITS + "\\.(?:" + DIGITS + ")?(?:" + EXPONENT + ")?[fFdD]?"
                    + "|\\." + DIGITS + "(?:" + EXPONENT + ")?[fFdD]?"
                    + "|" + DIGITS + EXPONENT + "[fFdD]?"
                    + "|" + DIGITS + "[fFdD])");
    private static final Pattern HEX_FLOATING = Pattern.compile(
            "0[xX](?:" + HEX_DIGITS + "\\.?|(?:" + HEX_DIGITS + ")?\\." + HEX_DIGITS + ")[pP][+-]?" + DIGITS + "[fFdD]?");

    private static final String MIN_LONG_MAGNITUDE = "9223372036854775808";

    private NumericLiterals() {
    }

    static boolean isExact(String text) {
        return DECIMAL.matcher(text).matches() || HEX.matcher(text).matches()
                || OCTAL.matcher(text).matches() || BINARY.matcher(text).matches();
    }

    static boolean isApproximate(String text) {
        return DECIMAL_FLOATING.matcher(text).matches() || HEX_FLOATING.matcher(text).matches();
    }

    /**
     * @return the value, or null when it is out of the range of {@code long} (hex, octal and binary
     *         literals span all 64 bits, as in Java)
     */
    static Long exactValue(String text) {
        String digits = stripSuffix(text.replace("_", ""), "lL");
        try {
            if (digits.length() > 2 && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X')) {
                return Long.parseUnsignedLong(digits.substring(2), 16);
            }
            if (digits.length() > 2 && (digits.charAt(1) == 'b' || digits.charAt(1) == 'B')) {
                return Long.parseUnsignedLong(digits.substring(2), 2);
            }
            if (digits.length() > 1 && digits.charAt(0) == '0') {
                return Long.parseUnsignedLong(digits.substring(1), 8);
            }
            return digits.equals(MIN_LONG_MAGNITUDE) ? Long.MIN_VALUE : Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    /** @return a {@code Float} for an {@code f}-suffixed literal, else a {@code Double}; null when infinite */
    static Number approximateValue(String text) {
        String digits = text.replace("_", "");
        char last = digits.charAt(digits.length() - 1);
        if (last == 'f' || last == 'F') {
            float value = Float.parseFloat(digits);
            return Float.isInfinite(value) ? null : value;
        }
        double value = Double.parseDouble(digits);
        return Double.isInfinite(value) ? null : value;
    }

    /** True for the decimal literal 2<sup>63</sup>, which is only valid right after a unary minus. */
    static boolean isUnsignedMinLong(Token token) {
        return token.kind() == TokenKind.EXACT_NUMBER
                && stripSuffix(token.text().replace("_", ""), "lL").equals(MIN_LONG_MAGNITUDE);
    }

    private static String stripSuffix(String text, String suffixes) {
        char last = text.charAt(text.length() - 1);
        return suffixes.indexOf(last) >= 0 ? text.substring(0, text.length() - 1) : text;
    }
}
