package dev.registry.faults;

import java.nio.file.Path;

/** What a server process runs: a launch definition (the server jar and its JVM flags) and a WAR. */
record Build(Path serverJar, Path jvmOptions, Path war) {

    /** This checkout's build, as `mvn package` left it (failsafe names the launch definition's files). */
    static Build current() {
        return new Build(Path.of(System.getProperty("server.jar")), Path.of(System.getProperty("jvm.options")),
                Path.of("target", "devices.war"));
    }

    /** The build of another checkout of the project, packaged in {@code directory}. */
    static Build in(Path directory) {
        return new Build(directory.resolve("target/devices-server.jar"), directory.resolve("payara-config/jvm.options"),
                directory.resolve("target/devices.war"));
    }

    Build deploying(Path otherWar) {
        return new Build(serverJar, jvmOptions, otherWar);
    }
}
