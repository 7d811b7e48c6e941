package dev.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.registry.Api;
import dev.registry.Deployments;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside the server, where it can read the audit trail's log records as operators' handlers do. */
@Tag("auth")
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.packagedWar().addClasses(IdentityProvider.class, Api.class, Api.Reply.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void eachAcceptedWriteLogsOneLineWithSubjectMethodDeviceAndRequestIdButNeverTheToken() throws Exception {
        var api = new Api(base);
        String writer = IdentityProvider.token("devices-writer");
        String reader = IdentityProvider.token("devices-reader");
        String subject = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(writer.split("\\.")[1]),
                StandardCharsets.UTF_8))).readObject().getString("sub");
        String run = "audit-" + UUID.randomUUID();

        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.INFO) {
                    lines.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger audit = Logger.getLogger(AuditTrail.class.getName());
        audit.addHandler(handler);
        try {
            var created = api.send(HttpRequest.newBuilder(api.api("device/")).header("Authorization", "Bearer " + writer)
                    .header("Content-Type", "application/json").header("X-Request-Id", run + "-1")
                    .POST(Api.body("{\"name\":\"audited\"}")));
            long id = Api.id(created.json());
            api.send(HttpRequest.newBuilder(api.api("device/" + id)).header("Authorization", "Bearer " + writer)
                    .header("Content-Type", "application/json").header("X-Request-Id", run + "-2").PUT(Api.body("{\"name\":\"audited-2\"}")));
            // Neither a refused write nor one that found nothing to change is an accepted write.
            api.send(HttpRequest.newBuilder(api.api("device/" + id)).header("Authorization", "Bearer " + reader)
                    .header("X-Request-Id", run + "-refused").DELETE());
            api.send(HttpRequest.newBuilder(api.api("device/987654321")).header("Authorization", "Bearer " + writer)
                    .header("X-Request-Id", run + "-missing").DELETE());
            api.send(HttpRequest.newBuilder(api.api("device/" + id)).header("Authorization", "Bearer " + writer)
                    .header("X-Request-Id", run + "-3").DELETE());
            api.send(HttpRequest.newBuilder(api.api("device/" + id)).header("Authorization", "Bearer " + writer).GET());

            List<String> ours = lines.stream().filter(line -> line.contains(run)).toList();
            assertEquals(List.of(
                    "POST device " + id + " by " + subject + " [X-Request-Id " + run + "-1]",
                    "PUT device " + id + " by " + subject + " [X-Request-Id " + run + "-2]",
                    "DELETE device " + id + " by " + subject + " [X-Request-Id " + run + "-3]"), ours);
            assertFalse(lines.stream().anyMatch(line -> line.contains(writer.split("\\.")[2])), "a token in the log");
        } finally {
            audit.removeHandler(handler);
        }
    }
}
