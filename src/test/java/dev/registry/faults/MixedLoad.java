package dev.registry.faults;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A steady mixed load through the balancer, as several clients: 80 % reads of existing devices, 10 %
 * creates, 10 % creates with an Idempotency-Key that the client retries (same key) when it gets no
 * answer or a 5xx. Runs until stopped; every exchange is kept.
 */
final class MixedLoad {

    enum Kind { GET, POST, KEYED_POST }

    record Exchange(Kind kind, int status, long millis, String name, int attempts, Long id) {
        boolean failed() {
            return status != (kind == Kind.GET ? 200 : 201);
        }
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();
    private final List<List<Exchange>> exchanges = new ArrayList<>();

    MixedLoad(Balancer balancer, List<Long> ids, int clientCount, String tag) {
        for (int c = 0; c < clientCount; c++) {
            List<Exchange> mine = new ArrayList<>();
            exchanges.add(mine);
            Thread client = new Thread(() -> {
                while (running.get()) {
                    mine.add(one(balancer, ids, tag));
                }
            }, "load-" + tag + "-" + c);
            clients.add(client);
            client.start();
        }
    }

    private static Exchange one(Balancer balancer, List<Long> ids, String tag) {
        int dice = ThreadLocalRandom.current().nextInt(10);
        if (dice < 8) {
            long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            Load get = Load.get(balancer.uri("/api/v1/device/" + id));
            return new Exchange(Kind.GET, get.status(), get.millis(), null, 1, null);
        }
        URI devices = balancer.uri("/api/v1/device/");
        String name = tag + "-" + UUID.randomUUID();
        String body = "{\"name\":\"" + name + "\"}";
        if (dice == 8) {
            Load post = Load.postJson(devices, body);
            return new Exchange(Kind.POST, post.status(), post.millis(), name, 1, post.status() == 201 ? post.id() : null);
        }
        String key = UUID.randomUUID().toString();
        long millis = 0;
        Load post = null;
        int attempts = 0;
        while (attempts < 4 && (post == null || post.status() < 0 || post.status() >= 500)) {
            attempts++;
            post = Load.send(HttpRequest.newBuilder(devices).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
            millis += post.millis();
        }
        return new Exchange(Kind.KEYED_POST, post.status(), millis, name, attempts, post.status() == 201 ? post.id() : null);
    }

    /** Stops the clients once their requests in progress are answered; returns every exchange. */
    List<Exchange> stop() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(60_000);
        }
        return exchanges.stream().flatMap(List::stream).toList();
    }

    /** sent, failed by kind, the longest: the closing note's figures. */
    static String summary(String event, List<Exchange> all) {
        long longest = all.stream().mapToLong(Exchange::millis).max().orElse(0);
        StringBuilder text = new StringBuilder(event + ": " + all.size() + " requests");
        for (Kind kind : Kind.values()) {
            long sent = all.stream().filter(e -> e.kind() == kind).count();
            long failed = all.stream().filter(e -> e.kind() == kind && e.failed()).count();
            text.append(", ").append(kind).append(' ').append(sent).append(" (").append(failed).append(" failed)");
        }
        long retried = all.stream().filter(e -> e.attempts() > 1).count();
        return text.append(", keyed creates retried by the client ").append(retried)
                .append(", longest ").append(longest).append(" ms").toString();
    }
}
