package dev.registry.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A POST /device/ made with an Idempotency-Key: what was asked, and the device it created. */
@Entity
@Table(name = "idempotent_create")
public class IdempotentCreate {

    @Id
    @Column(name = "idempotency_key", length = IdempotencyKey.MAX_LENGTH)
    private String key;

    @Column(nullable = false, length = Device.NAME_MAX_LENGTH)
    private String name;

    @Column(name = "device_id")
    private Long deviceId;

    @Column(name = "created_at", nullable = false, columnDefinition = Device.TIMESTAMP_UTC)
    private OffsetDateTime createdAt;

    protected IdempotentCreate() {
    }

    String name() {
        return name;
    }

    /** The first answer: the device as it was created. */
    Device firstAnswer() {
        return Device.asCreated(deviceId, name, createdAt);
    }

    void created(Device device) {
        deviceId = device.getId();
        createdAt = device.getCreatedAt();
    }
}
