package dev.registry.devices;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Owns the device table; every public method runs in its own JTA transaction. Writes are single
 * conditional statements, so concurrent writers never lose an update and a stale one changes nothing.
 */
@Stateless
public class DeviceManager {

    static final int STREAM_BATCH = 500;
    /** How long a POST's Idempotency-Key is honoured, as PostgreSQL reads an interval. */
    static final String KEYS_KEPT = "24 hours";

    /**
     * For what is only read and answered: EclipseLink then builds no working copy and no backup copy
     * per row for change tracking at commit; Hibernate (on WildFly) keeps no snapshot.
     */
    static final Map<String, Object> READ_ONLY = Map.of("eclipselink.read-only", "True", "org.hibernate.readOnly", true);

    @PersistenceContext
    EntityManager em;

    public Device create(String name) {
        Device device = new Device(name);
        em.persist(device);
        // The identity column assigns the id on INSERT; flush so the caller sees it.
        em.flush();
        return device;
    }

    /**
     * Creates once per Idempotency-Key within {@link #KEYS_KEPT}: the key's row is written first, so
     * a racer with the same key (another request, another instance) waits on its primary key until
     * this transaction commits, then finds it and answers the first answer again. A key older than
     * that is taken over as if new.
     */
    public CreateResult create(String name, IdempotencyKey key) {
        if (key == null) {
            return CreateResult.created(create(name));
        }
        // Keeps the table small: expired keys go, a hundred at most, on the keyed creates that need it.
        // (An EJB timer did this off the request path, but on Payara it broke concurrent creates at
        // start-up: "Got exception during XAResource.start".)
        em.createNativeQuery("DELETE FROM idempotent_create WHERE idempotency_key IN (SELECT idempotency_key"
                + " FROM idempotent_create WHERE created_at < now() - CAST(?1 AS INTERVAL) LIMIT 100)")
                .setParameter(1, KEYS_KEPT).executeUpdate();
        int claimed = em.createNativeQuery("INSERT INTO idempotent_create (idempotency_key, name, created_at)"
                        + " VALUES (?1, ?2, now()) ON CONFLICT (idempotency_key) DO UPDATE SET name = EXCLUDED.name,"
                        + " device_id = NULL, created_at = EXCLUDED.created_at"
                        + " WHERE idempotent_create.created_at < now() - CAST(?3 AS INTERVAL)")
                .setParameter(1, key.value()).setParameter(2, name).setParameter(3, KEYS_KEPT).executeUpdate();
        IdempotentCreate request = em.find(IdempotentCreate.class, key.value());
        if (claimed == 1) {
            Device device = create(name);
            request.created(device);
            return CreateResult.created(device);
        }
        return request.name().equals(name) ? CreateResult.replayed(request.firstAnswer()) : CreateResult.REUSED;
    }

    public Optional<Device> find(long id) {
        return Optional.ofNullable(em.find(Device.class, id, READ_ONLY));
    }

    /** A keyset page: devices with an id above {@code after} whose name starts with {@code prefix} (if not null). */
    public List<Device> page(String prefix, long after, int limit) {
        return query("d", Device.class, prefix, after).setMaxResults(limit).getResultList();
    }

    /**
     * The next {@link #STREAM_BATCH} matching devices after {@code after}, in id order. The full list
     * asks for one batch at a time, each in its own transaction, so that no database connection is
     * held while a batch is written to a client that may read slowly. (One transaction for the whole
     * list would not be one snapshot either: each statement reads what is committed when it starts.)
     */
    public List<Device> batch(String prefix, long after) {
        return values(prefix, after, STREAM_BATCH);
    }

    /**
     * Renames when the device's version is one of {@code versions} (any version when null); when no
     * row was written, says in the same transaction whether the device is missing or stale.
     */
    public WriteResult rename(long id, String name, Collection<Long> versions) {
        if (versions != null && versions.isEmpty()) {
            return missingOrStale(id);
        }
        var update = em.createQuery("UPDATE Device d SET d.name = :name, d.version = d.version + 1,"
                        + " d.updatedAt = :now WHERE d.id = :id" + onlyIf(versions))
                .setParameter("name", name)
                .setParameter("now", Device.now())
                .setParameter("id", id);
        if (versions != null) {
            update.setParameter("versions", versions);
        }
        return update.executeUpdate() == 1 ? WriteResult.written(em.find(Device.class, id)) : missingOrStale(id);
    }

    /** Deletes when the device's version is one of {@code versions} (any version when null). */
    public WriteResult delete(long id, Collection<Long> versions) {
        if (versions != null && versions.isEmpty()) {
            return missingOrStale(id);
        }
        var delete = em.createQuery("DELETE FROM Device d WHERE d.id = :id" + onlyIf(versions)).setParameter("id", id);
        if (versions != null) {
            delete.setParameter("versions", versions);
        }
        return delete.executeUpdate() == 1 ? WriteResult.written(null) : missingOrStale(id);
    }

    /** A write that changes nothing (a merge patch with no member): the device, if {@code versions} allow it. */
    public WriteResult unchanged(long id, Collection<Long> versions) {
        Device device = em.find(Device.class, id);
        if (device == null) {
            return WriteResult.MISSING;
        }
        return versions == null || versions.contains(device.getVersion()) ? WriteResult.written(device) : WriteResult.STALE;
    }

    private WriteResult missingOrStale(long id) {
        return em.find(Device.class, id) == null ? WriteResult.MISSING : WriteResult.STALE;
    }

    private static String onlyIf(Collection<Long> versions) {
        return versions == null ? "" : " AND d.version IN :versions";
    }

    /**
     * A page of devices as values rather than entities: the persistence context then builds and
     * tracks no object per row, which was a quarter of the full list's time (JFR).
     */
    private List<Device> values(String prefix, long after, int limit) {
        return query("d.id, d.name, d.version, d.createdAt, d.updatedAt", Object[].class, prefix, after)
                .setMaxResults(limit).getResultStream().map(Device::of).toList();
    }

    private <T> TypedQuery<T> query(String selected, Class<T> type, String prefix, long after) {
        String named = prefix == null ? "" : " AND d.name LIKE :prefix ESCAPE '\\'";
        var query = em.createQuery("SELECT " + selected + " FROM Device d WHERE d.id > :after" + named + " ORDER BY d.id", type)
                .setParameter("after", after);
        READ_ONLY.forEach(query::setHint);
        return prefix == null ? query : query.setParameter("prefix", likePrefix(prefix));
    }

    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
