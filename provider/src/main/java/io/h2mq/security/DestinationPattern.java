package io.h2mq.security;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A pattern over destination names, as Artemis writes them: words separated by {@code .}, where {@code *} stands for
 * exactly one word and {@code #} for any number of words, none included. {@code orders.#} matches {@code orders},
 * {@code orders.eu} and {@code orders.eu.paris}; {@code orders.*} matches only {@code orders.eu}; {@code #} matches
 * every name.
 *
 * <p>{@link #SPECIFICITY} orders patterns most specific first: compared word by word from the left, a literal word
 * beats {@code *}, which beats {@code #}; the first difference decides; when one pattern is a prefix of the other,
 * the longer one is more specific.
 */
public record DestinationPattern(String text, List<String> words) {
    private static final String ONE = "*";
    private static final String ANY = "#";

    public static final Comparator<DestinationPattern> SPECIFICITY = DestinationPattern::compareSpecificity;

    public DestinationPattern {
        words = List.copyOf(words);
    }

    public static DestinationPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a destination pattern must not be empty");
        }
        String trimmed = text.trim();
        List<String> words = Arrays.asList(trimmed.split("\\.", -1));
        for (String word : words) {
            if (word.isEmpty()) {
                throw new IllegalArgumentException("destination pattern '" + text + "' has an empty word");
            }
            if (!word.equals(ONE) && !word.equals(ANY) && (word.contains(ONE) || word.contains(ANY))) {
                throw new IllegalArgumentException("destination pattern '" + text + "': a wildcard (* or #) must be a"
                        + " whole word, got '" + word + "'");
            }
        }
        return new DestinationPattern(trimmed, words);
    }

    public boolean matches(String destination) {
        return matches(0, destination.split("\\.", -1), 0);
    }

    private boolean matches(int p, String[] name, int n) {
        if (p == words.size()) {
            return n == name.length;
        }
        String word = words.get(p);
        if (word.equals(ANY)) {
            for (int skip = n; skip <= name.length; skip++) {
                if (matches(p + 1, name, skip)) {
                    return true;
                }
            }
            return false;
        }
        return n < name.length && (word.equals(ONE) || word.equals(name[n])) && matches(p + 1, name, n + 1);
    }

    private static int compareSpecificity(DestinationPattern a, DestinationPattern b) {
        int common = Math.min(a.words.size(), b.words.size());
        for (int i = 0; i < common; i++) {
            int byKind = Integer.compare(rank(a.words.get(i)), rank(b.words.get(i)));
            if (byKind != 0) {
                return byKind;
            }
        }
        int byLength = Integer.compare(b.words.size(), a.words.size());
        return byLength != 0 ? byLength : a.text.compareTo(b.text);
    }

    /** Lower is more specific. */
    private static int rank(String word) {
        return word.equals(ANY) ? 2 : word.equals(ONE) ? 1 : 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
