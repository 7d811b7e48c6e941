package dev.registry.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api;
import dev.registry.DeployedApi;
import dev.registry.client.ApiClient;
import dev.registry.client.ApiException;
import dev.registry.client.ApiResponse;
import dev.registry.client.api.DevicesApi;
import dev.registry.client.api.HealthApi;
import dev.registry.client.model.Device;
import dev.registry.client.model.DevicePatch;
import dev.registry.client.model.DeviceRequest;
import dev.registry.client.model.FieldError;
import dev.registry.client.model.Problem;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java client openapi-generator makes from the served document (the build generates it from the
 * same file, which ApiDocsIT shows is what /openapi serves), used as a client team would use it.
 */
class GeneratedClientIT extends DeployedApi {

    private static final Pattern AFTER = Pattern.compile("<[^>]*[?&]after=([0-9]+)[^>]*>;\\s*rel=\"next\"");

    private ApiClient client;
    private DevicesApi devices;

    @BeforeEach
    void generatedClient() {
        client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        devices = new DevicesApi(client);
    }

    @Test
    void theTutorialsFlowRunsWithTypedValues() throws ApiException {
        assertEquals("reachable", new HealthApi(client).checkDatabase().getDb());

        Device created = devices.createDevice(new DeviceRequest().name("generated"), null);
        Long id = created.getId();
        assertNotNull(id);
        assertEquals(1L, created.getVersion());
        OffsetDateTime createdAt = created.getCreatedAt();
        assertEquals(createdAt, created.getUpdatedAt());

        Device read = devices.getDevice(id, null);
        assertEquals(created, read);
        assertTrue(devices.listDevices(null, null, null).stream().anyMatch(d -> d.getId().equals(id)));

        Device renamed = devices.updateDevice(id, new DeviceRequest().name("renamed"), "\"1\"");
        assertEquals("renamed", renamed.getName());
        assertEquals(2L, renamed.getVersion());
        ApiException stale = assertThrows(ApiException.class,
                () -> devices.updateDevice(id, new DeviceRequest().name("lost"), "\"1\""));
        assertEquals(412, stale.getCode());
        assertEquals(412, problem(stale).getStatus());

        Device patched = devices.patchDevice(id, new DevicePatch().name("patched"), "\"2\"");
        assertEquals("patched", patched.getName());
        assertEquals(createdAt, patched.getCreatedAt());

        assertEquals(true, devices.deleteDevice(id, null).getOk());
        ApiException missing = assertThrows(ApiException.class, () -> devices.getDevice(id, null));
        assertEquals(404, missing.getCode());
        assertEquals("Device not found", problem(missing).getDetail());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameDevice() throws ApiException {
        String key = java.util.UUID.randomUUID().toString();
        Device first = devices.createDevice(new DeviceRequest().name("retried"), key);
        assertEquals(first, devices.createDevice(new DeviceRequest().name("retried"), key));
    }

    @Test
    void pagesAreFollowedThroughTheLinkHeader() throws ApiException {
        String prefix = Api.unique();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(devices.createDevice(new DeviceRequest().name(prefix + i), null).getId());
        }
        List<Long> seen = new ArrayList<>();
        Long after = null;
        do {
            ApiResponse<List<Device>> page = devices.listDevicesWithHttpInfo(2, after, prefix);
            page.getData().forEach(device -> seen.add(device.getId()));
            after = next(page);
        } while (after != null);
        assertEquals(created, seen);
    }

    @Test
    void invalidInputIsReadIntoTheGeneratedProblemModel() {
        ApiException invalid = assertThrows(ApiException.class, () -> devices.createDevice(new DeviceRequest().name(" "), null));
        assertEquals(422, invalid.getCode());
        Problem problem = problem(invalid);
        FieldError error = problem.getErrors().get(0);
        assertEquals(List.of("body", "name"), error.getLoc().stream().map(part -> part.getString()).toList());
        assertEquals("string_too_short", error.getType());

        ApiException badLimit = assertThrows(ApiException.class, () -> devices.listDevices(1001, null, null));
        assertEquals(422, badLimit.getCode());
        assertEquals("less_than_equal", problem(badLimit).getErrors().get(0).getType());
    }

    private Problem problem(ApiException failure) {
        try {
            return client.getObjectMapper().readValue(failure.getResponseBody(), Problem.class);
        } catch (Exception unreadable) {
            throw new AssertionError("not a problem body: " + failure.getResponseBody(), unreadable);
        }
    }

    private static Long next(ApiResponse<?> page) {
        List<String> links = page.getHeaders().getOrDefault("link", List.of());
        for (String link : links) {
            Matcher after = AFTER.matcher(link);
            if (after.find()) {
                return Long.valueOf(after.group(1));
            }
        }
        return null;
    }
}
