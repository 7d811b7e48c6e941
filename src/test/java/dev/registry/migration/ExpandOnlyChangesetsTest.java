package dev.registry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * During a rolling upgrade the previous release keeps running on the new schema, so a changeset may
 * only expand it (add tables, nullable columns, indexes). Dropping, renaming, retyping or tightening
 * what the previous release reads or writes is a contract step: it goes in a changeset with
 * context="contract", deployed only once no instance of the previous release is left (README,
 * "Upgrade without downtime").
 */
class ExpandOnlyChangesetsTest {

    static final Set<String> CONTRACTING = Set.of("dropTable", "dropColumn", "renameTable", "renameColumn",
            "modifyDataType", "addNotNullConstraint", "addUniqueConstraint", "dropView", "renameView", "mergeColumns",
            "dropSequence", "dropProcedure");
    static final Pattern CONTRACTING_SQL = Pattern.compile(
            "\\b(drop\\s+(table|column|view)|rename\\s|alter\\s+column\\s+\\S+\\s+(type|set\\s+not\\s+null))", Pattern.CASE_INSENSITIVE);
    static final Set<String> NOT_CHANGES = Set.of("rollback", "comment", "preConditions", "validCheckSum");

    @Test
    void everyChangesetOfTheChangelogOnlyExpands() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("liquibase", "changes"))) {
            for (Path file : files.sorted().toList()) {
                found.addAll(contracting(file.toString(), Files.readString(file)));
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void aDropOrRenameOutsideAContractChangesetIsReportedWithTheWayOut() throws Exception {
        String changes = """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="a" author="x"><renameColumn tableName="device" oldColumnName="name" newColumnName="label"/></changeSet>
                  <changeSet id="b" author="x"><sql>ALTER TABLE device DROP COLUMN name</sql><rollback><sql>DROP INDEX i</sql></rollback></changeSet>
                  <changeSet id="c" author="x" context="contract"><dropColumn tableName="device" columnName="name"/></changeSet>
                  <changeSet id="d" author="x"><addColumn tableName="device"><column name="n" type="int"/></addColumn>
                    <rollback><dropColumn tableName="device" columnName="n"/></rollback></changeSet>
                </databaseChangeLog>""";
        List<String> found = contracting("example.xml", changes);
        assertEquals(2, found.size(), found.toString());
        assertEquals("example.xml: changeset a renameColumn would break the release still running during a rolling"
                + " upgrade: expand now (add the new column or table, write both), contract later in a changeset with"
                + " context=\"contract\" once no old instance is left", found.get(0));
    }

    static List<String> contracting(String file, String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        List<String> found = new ArrayList<>();
        var changeSets = document.getElementsByTagNameNS("*", "changeSet");
        for (int i = 0; i < changeSets.getLength(); i++) {
            Element changeSet = (Element) changeSets.item(i);
            if (changeSet.getAttribute("context").contains("contract") || changeSet.getAttribute("contextFilter").contains("contract")) {
                continue;
            }
            for (Node child = changeSet.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element change && !NOT_CHANGES.contains(change.getLocalName())
                        && (CONTRACTING.contains(change.getLocalName())
                        || change.getLocalName().equals("sql") && CONTRACTING_SQL.matcher(change.getTextContent()).find())) {
                    found.add(file + ": changeset " + changeSet.getAttribute("id") + " " + change.getLocalName()
                            + " would break the release still running during a rolling upgrade: expand now (add the new"
                            + " column or table, write both), contract later in a changeset with context=\"contract\""
                            + " once no old instance is left");
                }
            }
        }
        return found;
    }
}
