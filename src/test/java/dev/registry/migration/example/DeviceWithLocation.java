package dev.registry.migration.example;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** The Device entity's mapping as a developer might extend it: a field that no changeset creates yet. */
@Entity
@Table(name = "device")
public class DeviceWithLocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 100)
    String name;

    @Version
    @Column(nullable = false)
    long version;

    @Column(name = "created_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE NOT NULL")
    OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false, columnDefinition = "TIMESTAMP WITH TIME ZONE NOT NULL")
    OffsetDateTime updatedAt;

    @Column(length = 200)
    String location;
}
