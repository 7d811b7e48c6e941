package dev.registry.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Separate hosts on this machine: a bridge with an address of its own ({@link #GATEWAY}, where the
 * fault cluster's PostgreSQL and HAProxy live) and one network namespace per instance, joined to it by
 * a veth pair. Made by the tests and removed by them; no route leaves the bridge's subnet.
 */
final class Hosts implements AutoCloseable {

    static final String GATEWAY = "10.77.0.1";
    static final String SUBNET = "10.77.0.0/24";
    private static final String BRIDGE = "dvbr0";

    private final List<String> namespaces = new ArrayList<>();

    Hosts(int count) throws Exception {
        close();
        run("ip", "link", "add", BRIDGE, "type", "bridge");
        run("ip", "addr", "add", GATEWAY + "/24", "dev", BRIDGE);
        run("ip", "link", "set", BRIDGE, "up");
        for (int i = 1; i <= count; i++) {
            String ns = namespace(i);
            run("ip", "netns", "add", ns);
            run("ip", "link", "add", "dv" + i + "h", "type", "veth", "peer", "name", "dv" + i + "n");
            run("ip", "link", "set", "dv" + i + "h", "master", BRIDGE);
            run("ip", "link", "set", "dv" + i + "h", "up");
            run("ip", "link", "set", "dv" + i + "n", "netns", ns);
            run("ip", "netns", "exec", ns, "ip", "addr", "add", address(i) + "/24", "dev", "dv" + i + "n");
            run("ip", "netns", "exec", ns, "ip", "link", "set", "dv" + i + "n", "up");
            run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
            namespaces.add(ns);
        }
    }

    static String namespace(int i) {
        return "devices-host-" + i;
    }

    static String address(int i) {
        return "10.77.0." + (10 + i);
    }

    /** The command prefix that runs a program on host {@code i}. */
    static List<String> on(int i) {
        return List.of("ip", "netns", "exec", namespace(i));
    }

    @Override
    public void close() throws Exception {
        for (int i = 1; i <= 9; i++) {
            quietly("ip", "netns", "delete", namespace(i));
        }
        quietly("ip", "link", "delete", BRIDGE);
        namespaces.clear();
    }

    private static void quietly(String... command) throws InterruptedException {
        try {
            run(command);
        } catch (IOException absent) {
            // nothing to remove
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        Command.run(Duration.ofSeconds(10), command);
    }
}
