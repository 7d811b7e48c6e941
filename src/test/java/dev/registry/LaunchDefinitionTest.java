package dev.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One launch definition: Payara Micro's boot options are spelled once, in pom.xml's server-jar
 * execution, and each JVM flag once, in payara-config/jvm.options. Everything else (the run command,
 * docker-compose.yml, Arquillian, the fault tests, the benchmarks) starts that jar with that file, so
 * a second copy of either is a launch that will drift.
 */
class LaunchDefinitionTest {

    static final Path POM = Path.of("pom.xml");
    static final Path JVM_OPTIONS = Path.of("payara-config", "jvm.options");
    /** Payara Micro's options that define the server, baked into the server jar by pom.xml. */
    static final List<String> BAKED = List.of("--prebootcommandfile", "--postbootcommandfile", "--addlibs", "--nocluster",
            "--contextroot", "--outputuberjar");
    /** Nothing else launches the bare distribution. (A port and a root directory belong to one instance.) */
    static final List<String> BOOT_OPTIONS = Stream.concat(BAKED.stream(), Stream.of("payara-micro.jar")).toList();
    static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules");

    @Test
    void bootOptionsAreSpelledOnlyInThePomsServerJarExecution() throws IOException {
        String pom = Files.readString(POM).toLowerCase(Locale.ROOT);
        for (String option : BAKED) {
            assertEquals(1, count(pom, option), option + " should appear once in pom.xml (the server-jar execution)");
        }
        List<String> copies = new ArrayList<>();
        for (Path file : launchFiles()) {
            if (file.equals(POM)) {
                continue;
            }
            // asadmin's "deploy --contextroot" deploys to Payara Server (deploy/payara-server.sh), which has
            // no boot options; it is not a second launch of Payara Micro.
            String text = read(file).toLowerCase(Locale.ROOT).replace("deploy --contextroot", "deploy");
            BOOT_OPTIONS.stream().filter(text::contains).forEach(option -> copies.add(file + ": " + option));
        }
        assertTrue(copies.isEmpty(), "boot options outside pom.xml's server-jar execution: " + copies);
    }

    @Test
    void jvmFlagsAreSpelledOnlyInJvmOptions() throws IOException {
        List<String> flags = Files.readAllLines(JVM_OPTIONS).stream().map(String::trim)
                .filter(line -> line.startsWith("-")).toList();
        assertTrue(flags.size() >= 3, "payara-config/jvm.options holds the JVM flags: " + flags);
        List<String> copies = new ArrayList<>();
        for (Path file : launchFiles()) {
            if (file.equals(JVM_OPTIONS)) {
                continue;
            }
            String text = read(file);
            flags.stream().filter(flag -> containsFlag(text, flag)).forEach(flag -> copies.add(file + ": " + flag));
        }
        assertTrue(copies.isEmpty(), "JVM flags outside payara-config/jvm.options: " + copies);
    }

    /** Files that could launch the service: code, scripts, configuration (documents only explain). */
    static List<Path> launchFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            return files.filter(Files::isRegularFile)
                    .map(path -> Path.of(".").relativize(path))
                    .filter(path -> {
                        for (Path part : path) {
                            if (SKIPPED.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(path -> !path.getFileName().toString().equals("LaunchDefinitionTest.java"))
                    .filter(path -> !path.getFileName().toString().endsWith(".md"))
                    .toList();
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (MalformedInputException binary) {
            return "";
        }
    }

    private static boolean containsFlag(String text, String flag) {
        for (int at = text.indexOf(flag); at >= 0; at = text.indexOf(flag, at + 1)) {
            int end = at + flag.length();
            boolean whole = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (whole) {
                return true;
            }
        }
        return false;
    }

    private static int count(String text, String option) {
        int count = 0;
        for (int at = text.indexOf(option); at >= 0; at = text.indexOf(option, at + 1)) {
            count++;
        }
        return count;
    }
}
