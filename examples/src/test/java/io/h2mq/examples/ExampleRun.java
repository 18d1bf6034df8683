package io.h2mq.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of an example's {@code main} in a child JVM whose working directory is the given folder, so its store
 * ({@code ./h2mq-data}) is that folder's and runs in other folders do not share it: what it printed, and how it
 * ended.
 */
record ExampleRun(int exitStatus, String output) {
    private static final long TIME_LIMIT_SECONDS = 120;

    static ExampleRun of(Path workDir, Class<?> main, String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        // Surefire may start the tests through a jar whose manifest holds the class path; this is the list itself.
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(main.getName());
        Path output = Files.createTempFile(workDir, main.getSimpleName() + "-", ".out");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()))
                .start();
        if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(main.getSimpleName() + " still running after " + TIME_LIMIT_SECONDS
                    + " s; it printed:\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new ExampleRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** For assertion messages: the whole output, under the exit status. */
    @Override
    public String toString() {
        return "exit status " + exitStatus + ", output:\n" + output;
    }
}
