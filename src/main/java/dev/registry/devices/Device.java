package dev.registry.devices;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A registered device. The seed's JSON is {"id", "name"}; the other fields were added after it. */
@Entity
@Table(name = "device")
@JsonbPropertyOrder({"id", "name", "version", "createdAt", "updatedAt"})
public class Device {

    public static final int NAME_MAX_LENGTH = 100;
    /** The column's real type: EclipseLink would otherwise assume a timestamp without time zone. */
    static final String TIMESTAMP_UTC = "TIMESTAMP WITH TIME ZONE NOT NULL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Version
    @Column(nullable = false)
    // EclipseLink writes 1 on insert whatever the field holds; Hibernate keeps a set value and would
    // otherwise start at 0. Both start at 1.
    private long version = 1;

    @Column(name = "created_at", nullable = false, updatable = false, columnDefinition = TIMESTAMP_UTC)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false, columnDefinition = TIMESTAMP_UTC)
    private OffsetDateTime updatedAt;

    protected Device() {
    }

    public Device(String name) {
        this.name = name;
    }

    /** A device as its creation answered it (version 1, updated when created), rebuilt for a replay. */
    static Device asCreated(long id, String name, OffsetDateTime createdAt) {
        Device device = new Device(name);
        device.id = id;
        device.createdAt = createdAt;
        device.updatedAt = createdAt;
        return device;
    }

    /** A device from a query's row of id, name, version, created and updated, not managed by the persistence context. */
    static Device of(Object[] row) {
        Device device = new Device((String) row[1]);
        device.id = ((Number) row[0]).longValue();
        device.version = ((Number) row[2]).longValue();
        device.createdAt = (OffsetDateTime) row[3];
        device.updatedAt = (OffsetDateTime) row[4];
        return device;
    }

    @PrePersist
    void created() {
        createdAt = now();
        updatedAt = createdAt;
    }

    /**
     * UTC, to the microsecond PostgreSQL keeps, so the JSON of a new device equals what a later GET
     * answers. (OffsetDateTime, not Instant: EclipseLink 4 would store an Instant as serialized bytes.)
     */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public long getVersion() {
        return version;
    }

    @JsonbProperty("created_at")
    @JsonbTypeSerializer(TimestampSerializer.class)
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    @JsonbProperty("updated_at")
    @JsonbTypeSerializer(TimestampSerializer.class)
    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
