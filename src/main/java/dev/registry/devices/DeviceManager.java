package dev.registry.devices;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Owns the device table; every public method runs in the request's JTA transaction. */
@Stateless
public class DeviceManager {

    @PersistenceContext
    EntityManager em;

    public Device create(String name) {
        Device device = new Device(name);
        em.persist(device);
        // The identity column assigns the id on INSERT; flush so the caller sees it.
        em.flush();
        return device;
    }

    public Optional<Device> find(long id) {
        return Optional.ofNullable(em.find(Device.class, id));
    }

    public List<Device> all() {
        return em.createQuery("SELECT d FROM Device d ORDER BY d.id", Device.class).getResultList();
    }

    /** Renames inside the transaction: changing the returned (detached) entity afterwards would be lost. */
    public Optional<Device> rename(long id, String name) {
        Optional<Device> device = find(id);
        device.ifPresent(d -> d.rename(name));
        return device;
    }

    public boolean delete(long id) {
        return em.createQuery("DELETE FROM Device d WHERE d.id = :id")
                .setParameter("id", id)
                .executeUpdate() == 1;
    }
}
