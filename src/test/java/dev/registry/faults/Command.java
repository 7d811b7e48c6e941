package dev.registry.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command the fault tests need (pg_ctlcluster, ip, jcmd, asadmin, mvn) within a time limit:
 * its output goes to a file, so a command that hangs is killed at the limit instead of blocking a
 * read of its output.
 */
final class Command {

    private Command() {
    }

    static String run(Duration limit, String... command) throws IOException, InterruptedException {
        return run(List.of(command), Map.of(), Path.of("."), limit);
    }

    /** Returns the output; throws when the command fails or outlasts {@code limit}. */
    static String run(List<String> command, Map<String, String> environment, Path directory, Duration limit)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("devices-command", ".log");
        try {
            var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String text = Files.readString(output);
            if (!finished || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + (finished ? " failed" : " did not end within " + limit)
                        + " in " + directory + ":\n" + text);
            }
            return text;
        } finally {
            Files.delete(output);
        }
    }
}
