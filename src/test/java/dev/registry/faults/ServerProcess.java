package dev.registry.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged WAR on its own Payara Micro process, started the way the README's run command starts
 * it (the same server jar and JVM flags), on a port of its own, pointed at the fault cluster. Tests stop it with SIGTERM
 * or SIGKILL and read its log.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String host;
    final int port;
    final Path log;
    private final Process process;

    ServerProcess(String name, int port, String database) throws IOException {
        this(name, port, database, java.util.Map.of());
    }

    /** {@code environment}: settings of the service's own (DEVICES_AUTH, ...) on top of the database's. */
    ServerProcess(String name, int port, String database, java.util.Map<String, String> environment) throws IOException {
        this(name, List.of(), "localhost", port, "localhost", database, environment, Build.current());
    }

    /**
     * On another host: {@code prefix} runs the command there (Hosts.on), {@code host} is its address
     * and {@code databaseHost} where it finds PostgreSQL; {@code build} is what it runs.
     */
    ServerProcess(String name, List<String> prefix, String host, int port, String databaseHost, String database,
                  java.util.Map<String, String> environment, Build build) throws IOException {
        this.host = host;
        this.port = port;
        this.log = Path.of("target", "faults", name + ".log");
        Files.createDirectories(log.getParent());
        // The launch definition (pom.xml: the server jar and payara-config/jvm.options), on a port and in
        // a root directory of its own (under target/, so a killed server leaves nothing in /tmp); C1 only,
        // for faster boots; on the JDK that runs the tests (the build requires JDK 25, pom.xml).
        Path root = Path.of("target", "faults", name + "-root");
        deleteTree(root);
        var command = new java.util.ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + build.jvmOptions(), "-XX:TieredStopAtLevel=1",
                "-jar", build.serverJar().toString(), "--port", String.valueOf(port),
                "--rootdir", root.toString(), "--deploy", build.war().toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DB_HOST", databaseHost);
        builder.environment().put("DB_PORT", String.valueOf(FaultCluster.PORT));
        builder.environment().put("DB_NAME", database);
        builder.environment().put("DB_USER", "postgres");
        builder.environment().put("DB_PASSWORD", "postgres");
        builder.environment().putAll(environment);
        process = builder.start();
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    URI uri(String path) {
        return URI.create("http://" + host + ":" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void awaitReady(Duration limit) throws Exception {
        awaitStatus("/health/ready", 200, limit);
    }

    void awaitStatus(String path, int status, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited; see " + log);
            }
            if (deploymentFailed()) {
                throw new AssertionError("the deployment failed; see " + log);
            }
            try {
                if (get(path).statusCode() == status) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not answer " + status + " within " + limit + "; see " + log);
    }

    /** Waits until the log holds {@code count} lines containing {@code text}. */
    void awaitLogLines(String text, int count, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (logText().lines().filter(line -> line.contains(text)).count() < count) {
            if (System.nanoTime() > deadline || !process.isAlive() || deploymentFailed()) {
                throw new AssertionError("the log never held " + count + " lines with '" + text + "'; see " + log);
            }
            Thread.sleep(100);
        }
    }

    boolean deploymentFailed() throws IOException {
        String text = logText();
        return text.contains("Exception while loading the app") || text.contains("ActionReport failure");
    }

    void sigterm() {
        process.destroy();
    }

    void sigkill() {
        process.destroyForcibly();
    }

    boolean alive() {
        return process.isAlive();
    }

    boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
