package dev.registry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.registry.Deployments;
import dev.registry.database.DataSourceName;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** After deployment, DATABASECHANGELOG records every changeset of the packaged changelog. */
// Runs on Payara Micro and again on WildFly (the failsafe runs "payara" and "wildfly").
@Tag("arquillian")
@ExtendWith(ArquillianExtension.class)
class SchemaMigrationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @Resource(lookup = DataSourceName.JNDI)
    DataSource dataSource;

    @Test
    void everyChangesetOfTheChangelogWasAppliedAtDeployment() throws Exception {
        Set<String> expected = changesetsIn(Changelog.PATH);
        assertFalse(expected.isEmpty());

        assertEquals(expected, appliedChangesets());
    }

    @Test
    void theDeviceTableHasTheSeedsColumnsAndTheVersionAndTimestamps() throws Exception {
        Set<String> columns = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT column_name, data_type, is_nullable,"
                     + " coalesce(character_maximum_length, 0), is_identity FROM information_schema.columns"
                     + " WHERE table_name = 'device'")) {
            while (rows.next()) {
                columns.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                        + rows.getInt(4) + " " + rows.getString(5));
            }
        }
        assertEquals(Set.of("id bigint NO 0 YES", "name character varying NO 100 NO", "version bigint NO 0 NO",
                "created_at timestamp with time zone NO 0 NO", "updated_at timestamp with time zone NO 0 NO"), columns);
    }

    private Set<String> changesetsIn(String changelog) throws Exception {
        var accessor = new ClassLoaderResourceAccessor(Changelog.class.getClassLoader());
        DatabaseChangeLog parsed = ChangeLogParserFactory.getInstance().getParser(changelog, accessor)
                .parse(changelog, new ChangeLogParameters(), accessor);
        return parsed.getChangeSets().stream()
                .map(c -> c.getFilePath() + "::" + c.getId() + "::" + c.getAuthor())
                .collect(Collectors.toSet());
    }

    private Set<String> appliedChangesets() throws Exception {
        Set<String> applied = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT filename, id, author FROM databasechangelog WHERE exectype = 'EXECUTED'")) {
            while (rows.next()) {
                applied.add(rows.getString(1) + "::" + rows.getString(2) + "::" + rows.getString(3));
            }
        }
        return applied;
    }
}
