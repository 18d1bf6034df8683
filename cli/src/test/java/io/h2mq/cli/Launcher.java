package io.h2mq.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real launcher, {@code cli/bin/h2mq}, with bash, as a user would: in its own process, against a store in a
 * test's directory. Output goes to files, so that a chatty command cannot block on a full pipe.
 */
final class Launcher {
    static final Path SCRIPT = Path.of(System.getProperty("h2mq.cli.launcher", "bin/h2mq")).toAbsolutePath();

    private final Path dir;
    private final String url;

    /** The outcome of one run. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Launcher(Path dir) {
        this.dir = dir;
        this.url = "jdbc:h2:file:" + dir.resolve("store").resolve("h2mq");
    }

    String url() {
        return url;
    }

    /** Runs {@code h2mq ARGS --url <this test's store>}. */
    Result run(String... args) throws IOException, InterruptedException {
        List<String> withUrl = new ArrayList<>(List.of(args));
        withUrl.add("--url=" + url);
        return runExactly(SCRIPT, Map.of(), null, withUrl.toArray(String[]::new));
    }

    /** Runs {@code script ARGS} as given, with extra environment variables and what to type on stdin. */
    Result runExactly(Path script, Map<String, String> environment, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove(StoreOptions.PASSWORD_VARIABLE);
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        boolean ended = process.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        assertTrue(ended, "h2mq " + String.join(" ", args) + " did not end within 90 s");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
