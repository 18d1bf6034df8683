package io.h2mq.tck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the names of failed tests and one line {@code TCK: P passed, F failed, S skipped} when
 * the TCK run ends. Registered through META-INF/services, so it only runs where a JUnit Platform
 * launcher runs on this module's test classpath, i.e. in the {@code tck} profile.
 *
 * <p>A test counts as skipped when it is disabled or aborted. When a class fails as a whole
 * (for example its initialisation throws), each of its tests that never finished counts as failed;
 * a class failing after all its tests finished counts as one failure of its own.
 */
public final class TckSummaryListener implements TestExecutionListener {

    private TestPlan plan;
    private final Set<String> finished = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private int passed;
    private int skipped;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        finished.clear();
        failures.clear();
        passed = 0;
        skipped = 0;
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            if (finished.add(id.getUniqueId())) {
                skipped++;
            }
            return;
        }
        for (TestIdentifier test : unfinishedTestsUnder(id)) {
            finished.add(test.getUniqueId());
            skipped++;
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        TestExecutionResult.Status status = result.getStatus();
        if (id.isTest()) {
            if (!finished.add(id.getUniqueId())) {
                return;
            }
            switch (status) {
                case SUCCESSFUL -> passed++;
                case ABORTED -> skipped++;
                case FAILED -> failures.add(name(id) + cause(result));
            }
            return;
        }
        if (status != TestExecutionResult.Status.FAILED) {
            return;
        }
        List<TestIdentifier> unfinished = unfinishedTestsUnder(id);
        if (unfinished.isEmpty()) {
            failures.add(name(id) + cause(result));
            return;
        }
        for (TestIdentifier test : unfinished) {
            finished.add(test.getUniqueId());
            failures.add(name(test) + " (not run: " + name(id) + " failed" + cause(result) + ")");
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        StringBuilder out = new StringBuilder();
        for (String failure : failures) {
            out.append("TCK FAILED: ").append(failure).append(System.lineSeparator());
        }
        out.append("TCK: ").append(passed).append(" passed, ")
                .append(failures.size()).append(" failed, ")
                .append(skipped).append(" skipped");
        System.out.println(out);
        System.out.flush();
    }

    private List<TestIdentifier> unfinishedTestsUnder(TestIdentifier container) {
        List<TestIdentifier> tests = new ArrayList<>();
        if (plan == null) {
            return tests;
        }
        for (TestIdentifier descendant : plan.getDescendants(container)) {
            if (descendant.isTest() && !finished.contains(descendant.getUniqueId())) {
                tests.add(descendant);
            }
        }
        return tests;
    }

    private static String name(TestIdentifier id) {
        TestSource source = id.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            return method.getClassName() + "#" + method.getMethodName();
        }
        if (source instanceof ClassSource type) {
            return type.getClassName();
        }
        return id.getDisplayName();
    }

    /** The exception and, when it wraps others, its root cause: TCK tests mostly rethrow as Exception(testName). */
    private static String cause(TestExecutionResult result) {
        return result.getThrowable().map(t -> {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String text = ": " + firstLine(String.valueOf(t));
            return root == t ? text : text + " <- " + firstLine(String.valueOf(root));
        }).orElse("");
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).stripTrailing();
    }
}
