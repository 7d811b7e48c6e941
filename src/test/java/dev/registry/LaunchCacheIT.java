package dev.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launch definition keeps a class-data archive: a server that stops writes one where
 * payara-config/jvm.options names it, and the next launch maps it instead of loading Payara's classes
 * from their jars again (the README's Benchmarks give the launch times).
 */
class LaunchCacheIT {

    static final String ARCHIVE_FLAG = "-XX:SharedArchiveFile=";

    @Test
    void aStoppedServerLeavesAnArchiveTheNextLaunchMaps() throws Exception {
        Path jvmOptions = Path.of(System.getProperty("jvm.options"));
        Path archive = Files.readAllLines(jvmOptions).stream().map(String::trim)
                .filter(line -> line.startsWith(ARCHIVE_FLAG)).map(line -> Path.of(line.substring(ARCHIVE_FLAG.length())))
                .findFirst().orElseThrow(() -> new AssertionError(jvmOptions + " names no class-data archive"));
        Files.deleteIfExists(archive);
        try {
            bootThenMap(archive);
        } finally {
            // A bare boot's archive lacks the WAR's classes, and the JVM writes an archive only where there
            // is none (or one of another JDK): leave none, so the next server's stop writes a whole one.
            Files.deleteIfExists(archive);
        }
    }

    static void bootThenMap(Path archive) throws Exception {
        // Payara Micro boots with the launch definition and shuts itself down (--warmup deploys nothing,
        // so no database is needed); the JVM writes the archive as it exits.
        Run boot = run(List.of("--port", String.valueOf(freePort()), "--rootdir", "target/launch-cache-root", "--warmup"),
                List.of());
        assertEquals(0, boot.exitCode(), "the boot ended with " + boot.exitCode() + ": " + boot.tail());
        assertTrue(Files.isRegularFile(archive) && Files.size(archive) > 0, "no class-data archive at " + archive + " after a stop: " + boot.tail());

        // Classes loaded from the archive's top layer: none when the JVM maps it but then refuses it (a
        // class path or JDK that does not match); a few hundred even for --help, which boots nothing.
        Run next = run(List.of("--help"), List.of("-Xlog:class+load=info"));
        long mapped = next.output().lines().filter(line -> line.contains("source: shared objects file (top)")).count();
        assertTrue(mapped > 100, "the next launch loaded " + mapped + " classes from " + archive + ": " + next.tail());
    }

    record Run(int exitCode, String output) {
        String tail() {
            return output.substring(Math.max(0, output.length() - 2000));
        }
    }

    /** The launch definition (the JDK running the tests, jvm.options, the server jar) with these extras. */
    static Run run(List<String> payaraOptions, List<String> jvmExtras) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + System.getProperty("jvm.options")));
        command.addAll(jvmExtras);
        command.addAll(List.of("-jar", System.getProperty("server.jar")));
        command.addAll(payaraOptions);
        Path log = Files.createTempFile(Path.of("target"), "launch-cache", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("still running after 180 s: " + String.join(" ", command) + ": "
                        + new Run(-1, Files.readString(log)).tail());
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
