package io.h2mq.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class of the test classpath, whose stdout is read line by line. Only complete lines
 * (ended by a newline) count: a line the child was killed in the middle of writing was never told to anyone.
 * Stderr goes to a file, quoted by {@link #describe()} when a test fails. The parent can speak to the child through
 * its stdin ({@link #tell}, {@link #closeInput}).
 *
 * <p>Free of JUnit, so that the benchmark (which has the provider's test classes, not their test dependencies) can
 * start its producer and consumer processes with it too.
 */
public final class ChildJvm implements AutoCloseable {
    /** Exit status of a process killed by SIGKILL: 128 + signal 9. SIGTERM would give 143. */
    public static final int KILLED_BY_SIGKILL = 128 + 9;

    private static final String EOF = new String("<eof>");

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private boolean ended;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(() -> readLines(process.getInputStream()), "child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm start(Path workDir, List<String> jvmOptions, Class<?> mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(workDir, "child-", ".err");
        Process process = new ProcessBuilder(command)
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        return new ChildJvm(process, stderr);
    }

    private void readLines(InputStream in) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = r.read()) >= 0) {
                if (c == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
            // A trailing partial line is dropped: the child died while writing it.
        } catch (IOException e) {
            // The pipe broke with the process: what was read is all there is.
        } finally {
            lines.add(EOF);
        }
    }

    /** The next complete line, or null when stdout has ended. Blocks: tests bound it with {@code @Timeout}. */
    public String nextLine() throws InterruptedException {
        if (ended) {
            return null;
        }
        String line = lines.take();
        if (line == EOF) {
            ended = true;
            return null;
        }
        return line;
    }

    /**
     * Kills the child with SIGKILL and waits until it is dead and its stdout is read to the end.
     * {@link ProcessHandle#destroyForcibly()} on Linux sends SIGKILL (the JDK's ProcessHandleImpl calls
     * kill(pid, SIGKILL) for a forcible destroy); the exit status 137 = 128 + 9 asserted here proves the child died of
     * signal 9, not of SIGTERM (143) or by exiting on its own.
     *
     * <p>Not {@link Process#destroyForcibly()}: after the signal, the JDK's ProcessImpl also closes the process's
     * stdout, so whatever the child printed that the reader thread had not taken from the pipe yet (under load, many
     * lines) was silently dropped, and a test would miss, for instance, the "committing" line of a commit that did
     * happen. The process handle only sends the signal; the pipe keeps what the child wrote before it died, and it is
     * read here to its end.
     *
     * @return the lines the child printed that the caller had not taken yet
     */
    public List<String> killHard() throws InterruptedException {
        kill();
        return rest();
    }

    /**
     * As {@link #killHard()}, without reading the rest of stdout: for a caller that reads it on another thread with
     * {@link #nextLine()}, which then returns what the child printed before it died, and null at the end.
     */
    public void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        int status = process.waitFor();
        if (status != KILLED_BY_SIGKILL || process.toHandle().isAlive()) {
            throw new AssertionError("the child should die of SIGKILL (exit " + KILLED_BY_SIGKILL + "); "
                    + describe());
        }
    }

    /** Waits for the child to exit by itself and returns its exit status. */
    public int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    /** Writes one line to the child's stdin. */
    public void tell(String line) throws IOException {
        OutputStream stdin = process.getOutputStream();
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Closes the child's stdin: it reads the end of its input. */
    public void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    public long pid() {
        return process.pid();
    }

    /** The lines not taken yet, up to the end of stdout (the child must be ending). */
    public List<String> rest() throws InterruptedException {
        List<String> rest = new ArrayList<>();
        String line;
        while ((line = nextLine()) != null) {
            rest.add(line);
        }
        reader.join();
        return rest;
    }

    public String describe() {
        String err;
        try {
            err = Files.readString(stderr);
        } catch (IOException e) {
            err = "(stderr unreadable: " + e + ")";
        }
        return "child pid " + process.pid() + (process.isAlive() ? " (alive)" : " exit " + process.exitValue())
                + ", stderr:\n" + (err.length() > 4000 ? "..." + err.substring(err.length() - 4000) : err);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
