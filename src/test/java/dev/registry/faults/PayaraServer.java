package dev.registry.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Payara Server domain of its own (the distribution the build unpacked, a domain under target/faults
 * on port base {@link #PORT_BASE}), driven with asadmin the way the README's "Deploy on Payara Server"
 * says.
 */
final class PayaraServer implements AutoCloseable {

    static final int PORT_BASE = 4200;
    static final int ADMIN_PORT = PORT_BASE + 48;
    static final int HTTP_PORT = PORT_BASE + 80;
    static final String DOMAIN = "devices";

    private final Path home = Path.of(System.getProperty("payara.server.home"));
    private final Path domains = Path.of("target", "faults", "payara-domains").toAbsolutePath();
    private final Map<String, String> environment;
    private boolean running;

    /** A new domain; {@code environment} is start-domain's (the pool resolves DB_* from it). */
    PayaraServer(Map<String, String> environment) throws Exception {
        this.environment = environment;
        ServerProcess.deleteTree(domains);
        asadmin("create-domain", "--nopassword=true", "--portbase", String.valueOf(PORT_BASE),
                "--domaindir", domains.toString(), DOMAIN);
    }

    void start() throws Exception {
        asadmin("start-domain", "--domaindir", domains.toString(), DOMAIN);
        running = true;
    }

    void stop() throws Exception {
        if (running) {
            asadmin("stop-domain", "--domaindir", domains.toString(), DOMAIN);
            running = false;
        }
    }

    /** Runs asadmin against this domain; fails unless it exits 0. Returns its output. */
    String asadmin(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString(), "--port",
                String.valueOf(ADMIN_PORT), "--interactive=false"));
        command.addAll(List.of(arguments));
        return Command.run(command, environment, Path.of("."), Duration.ofMinutes(5));
    }

    long pid() throws IOException {
        return Long.parseLong(Files.readString(domainDir().resolve("config/pid")).trim());
    }

    Path log() {
        return domainDir().resolve("logs/server.log");
    }

    private Path domainDir() {
        return domains.resolve(DOMAIN);
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
