package io.h2mq.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jakarta.jms.JMSSecurityException;

class PermissionsTest {
    private static final Permissions RULES = Permissions.parse("'test'", List.of(
            "# rules for the tests",
            "send:orders.#           = app, admin",
            "send:orders.audit       = auditor",
            "consume,browse:orders.# = app",
            "manage:#                = admin",
            "",
            "manage:#                = operator"));

    private static final Identity APP = new Identity("alice", Set.of("app"));
    private static final Identity ADMIN = new Identity("root", Set.of("admin"));
    private static final Identity OPERATOR = new Identity("olga", Set.of("operator"));

    @Test
    void theMostSpecificPatternOfAPermissionDecides() {
        assertEquals(Set.of("auditor"), RULES.decide(Permission.SEND, "orders.audit").roles());
        assertEquals(Set.of("app", "admin"), RULES.decide(Permission.SEND, "orders.eu").roles());
    }

    @Test
    void eachPermissionIsDecidedOnItsOwn() {
        Authorizer authorizer = Authorizer.of(RULES);
        assertTrue(authorizer.allows(APP, Permission.CONSUME, "orders.audit"));
        assertFalse(authorizer.allows(APP, Permission.SEND, "orders.audit"));
    }

    @Test
    void withoutAMatchingPatternNobodyHasThePermission() {
        Authorizer authorizer = Authorizer.of(RULES);
        assertFalse(authorizer.allows(ADMIN, Permission.SEND, "payments"));
        assertFalse(authorizer.allows(APP, Permission.CREATE_DURABLE_SUBSCRIPTION, "orders"));
    }

    @Test
    void rulesWithTheSamePermissionAndPatternAddTheirRoles() {
        assertEquals(Set.of("admin", "operator"), RULES.decide(Permission.MANAGE, "anything").roles());
    }

    @Test
    void manageIsGrantedByRulesAndRefusedWithTheUserTheOperationAndTheDestination() {
        Authorizer authorizer = Authorizer.of(RULES);
        assertDoesNotThrow(() -> authorizer.check(OPERATOR, Permission.MANAGE, "orders"));
        JMSSecurityException refused = assertThrows(JMSSecurityException.class,
                () -> authorizer.check(APP, Permission.MANAGE, "orders"));
        assertEquals("user 'alice' (roles [app]) may not manage 'orders': permission 'manage' there is granted to "
                + "roles [admin, operator] by pattern '#'", refused.getMessage());
    }

    @Test
    void anUnrestrictedAuthorizerAllowsEverything() {
        assertDoesNotThrow(() -> Authorizer.unrestricted().check(Identity.anonymous(), Permission.MANAGE, "x"));
    }

    @Test
    void inlineRulesAreSeparatedBySemicolons() {
        Permissions inline = Permissions.parseInline("send:a.# = r1; consume:a.* = r2");
        assertEquals(Set.of("r1"), inline.decide(Permission.SEND, "a").roles());
        assertEquals(Set.of("r2"), inline.decide(Permission.CONSUME, "a.b").roles());
    }

    @Test
    void aMalformedRuleIsRefusedWithItsLine() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Permissions.parse("'f'", List.of("send:a = r", "publish:a = r")));
        assertEquals("permission rules 'f', line 2 'publish:a = r': unknown permission 'publish' (known: send, "
                + "consume, browse, createDurableSubscription, deleteDurableSubscription, manage)",
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Permissions.parse("'f'", List.of("send a = r")));
    }

    @Test
    void accessCachesDecisionsAndRefusesLikeTheAuthorizer() {
        Access access = new Access(APP, Authorizer.of(RULES));
        assertDoesNotThrow(() -> access.check(Permission.SEND, "orders.eu"));
        assertDoesNotThrow(() -> access.check(Permission.SEND, "orders.eu"));
        JMSSecurityException refused = assertThrows(JMSSecurityException.class,
                () -> access.check(Permission.SEND, "payments"));
        assertEquals("user 'alice' (roles [app]) may not send to 'payments': permission 'send' there is granted by "
                + "no rule", refused.getMessage());
    }
}
