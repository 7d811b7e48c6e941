package dev.registry.health;

import dev.registry.rest.Problem;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The seed's database ping. */
@Path("health-check")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final Logger LOG = Logger.getLogger(HealthResource.class.getName());
    private static final long RETRY_AFTER_SECONDS = 5;

    @Resource(lookup = "jdbc/devices")
    DataSource dataSource;

    @GET
    @Path("db")
    public JsonObject database() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return Json.createObjectBuilder().add("status", "ok").add("db", "reachable").build();
        } catch (SQLException unreachable) {
            LOG.warning(() -> "Database health check failed: SQLState " + unreachable.getSQLState());
            throw new ServiceUnavailableException(Response.fromResponse(Problem.response(503, "The database is unreachable."))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build());
        }
    }
}
