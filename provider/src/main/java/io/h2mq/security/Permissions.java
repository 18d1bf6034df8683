package io.h2mq.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Permission rules: which roles may do what on the destinations a pattern matches. One rule per line,
 *
 * <pre>
 * # comment
 * send:orders.#           = app, admin
 * consume,browse:orders.# = app
 * manage:#                = admin
 * </pre>
 *
 * <p>The left side is one or more {@link Permission#ruleName() permission names} separated by commas, a colon, and
 * a {@link DestinationPattern}; the right side the roles, separated by commas. For each permission on its own, the
 * most specific pattern that has a rule for that permission and matches the destination decides: its roles, and only
 * they, have the permission there. Where no pattern of a permission matches, nobody has it. Several rules with the
 * same permission and pattern add their roles together.
 *
 * <p>Immutable and thread-safe.
 */
public final class Permissions {
    private final Map<Permission, List<Grant>> grants;

    private Permissions(Map<Permission, List<Grant>> grants) {
        this.grants = grants;
    }

    /** One pattern of one permission and the roles it grants it to. */
    record Grant(DestinationPattern pattern, Set<String> roles) {
    }

    /** What a decision rests on: the pattern that decided (empty when none matched) and its roles. */
    public record Decision(Optional<DestinationPattern> pattern, Set<String> roles) {
        public boolean allows(Set<String> held) {
            return roles.stream().anyMatch(held::contains);
        }
    }

    /**
     * Parses rules, one per element; {@code source} names where they come from in error messages.
     *
     * @throws IllegalArgumentException naming the source, the line and what is wrong with it
     */
    public static Permissions parse(String source, List<String> lines) {
        Map<Permission, Map<DestinationPattern, Set<String>>> byPermission = new EnumMap<>(Permission.class);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                addRule(byPermission, line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("permission rules " + source + ", line " + (i + 1) + " '" + line
                        + "': " + e.getMessage(), e);
            }
        }
        Map<Permission, List<Grant>> grants = new EnumMap<>(Permission.class);
        byPermission.forEach((permission, patterns) -> {
            List<Grant> sorted = new ArrayList<>();
            patterns.forEach((pattern, roles) -> sorted.add(new Grant(pattern, Set.copyOf(roles))));
            sorted.sort((a, b) -> DestinationPattern.SPECIFICITY.compare(a.pattern(), b.pattern()));
            grants.put(permission, List.copyOf(sorted));
        });
        return new Permissions(grants);
    }

    private static void addRule(Map<Permission, Map<DestinationPattern, Set<String>>> byPermission, String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0 || colon < 0 || colon > equals) {
            throw new IllegalArgumentException("expected 'permission[,permission]:pattern = role[, role]'");
        }
        DestinationPattern pattern = DestinationPattern.parse(line.substring(colon + 1, equals));
        Set<String> roles = new LinkedHashSet<>();
        for (String role : line.substring(equals + 1).split(",")) {
            if (!role.isBlank()) {
                roles.add(role.trim());
            }
        }
        for (String name : line.substring(0, colon).split(",")) {
            byPermission.computeIfAbsent(Permission.named(name), p -> new TreeMap<>(DestinationPattern.SPECIFICITY))
                    .computeIfAbsent(pattern, p -> new LinkedHashSet<>()).addAll(roles);
        }
    }

    /** Who may do {@code permission} on {@code destination}, and by which pattern. */
    public Decision decide(Permission permission, String destination) {
        for (Grant grant : grants.getOrDefault(permission, List.of())) {
            if (grant.pattern().matches(destination)) {
                return new Decision(Optional.of(grant.pattern()), grant.roles());
            }
        }
        return new Decision(Optional.empty(), Set.of());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Permissions[");
        grants.forEach((permission, list) -> list.forEach(g -> s.append(permission.ruleName()).append(':')
                .append(g.pattern()).append('=').append(String.join(",", g.roles())).append("; ")));
        return s.append(']').toString();
    }

    /** Rules written inline in an option, separated by {@code ;}. */
    public static Permissions parseInline(String rules) {
        return parse("in option 'securityPermissions'", Arrays.asList(rules.split(";")));
    }
}
