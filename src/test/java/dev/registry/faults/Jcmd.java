package dev.registry.faults;

import java.time.Duration;
import java.util.regex.Pattern;

/** What a running JVM holds, asked with the JDK's jcmd: copies of a class, the heap in use. */
final class Jcmd {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;

    Jcmd(long pid) {
        this.pid = pid;
    }

    /**
     * Full collections a second apart until at most {@code copies} class loaders hold the class, for at
     * most {@code limit}; returns how many hold it then. (A redeployed application's previous loader is
     * sometimes still there after one or two collections, while requests that reached it finish and
     * its finalizers run, and gone at a later one; a leaked one never goes.)
     */
    long collectUntil(String className, long copies, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        run("GC.run");
        long found = copiesOf(className);
        while (found > copies && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            run("GC.run");
            found = copiesOf(className);
        }
        return found;
    }

    /** The heap in use, in KiB (after a collection, it is what is reachable). */
    long heapInUseKiB() throws Exception {
        var used = USED.matcher(run("GC.heap_info"));
        if (!used.find()) {
            throw new AssertionError("no heap figure from jcmd GC.heap_info");
        }
        return Long.parseLong(used.group(1));
    }

    /** How many class loaders hold a class of this name: one per deployment that is still reachable. */
    long copiesOf(String className) throws Exception {
        return run("VM.classloaders", "show-classes=true").lines().map(String::strip)
                .filter(line -> line.equals(className) || line.endsWith(" " + className)).count();
    }

    String run(String... command) throws Exception {
        var arguments = new java.util.ArrayList<>(java.util.List.of("jcmd", String.valueOf(pid)));
        arguments.addAll(java.util.List.of(command));
        return Command.run(Duration.ofMinutes(2), arguments.toArray(String[]::new));
    }
}
