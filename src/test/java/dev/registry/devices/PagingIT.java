package dev.registry.devices;

import static dev.registry.Api.id;
import static dev.registry.Api.ids;
import static dev.registry.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api.Reply;
import dev.registry.DeployedApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keyset paging: limit, after, Link rel="next", and the literal name prefix. */
class PagingIT extends DeployedApi {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    @Test
    void followingNextLinksVisitsEveryMatchingDeviceOnceInIdOrder() {
        String prefix = unique();
        List<Long> created = api.create(prefix, 7);

        List<Long> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        URI next = api.api("device/?limit=3&name=" + prefix);
        while (next != null) {
            Reply page = api.send(HttpRequest.newBuilder(next).GET());
            assertEquals(200, page.status(), page.toString());
            pageSizes.add(page.array().size());
            page.array().forEach(d -> seen.add(id(d.asJsonObject())));
            next = nextLink(page);
        }
        assertEquals(created, seen);
        assertEquals(List.of(3, 3, 1), pageSizes);
    }

    @Test
    void aLastPageThatIsExactlyFullHasNoNextLink() {
        String prefix = unique();
        List<Long> created = api.create(prefix, 4);

        Reply first = api.get("device/?limit=2&name=" + prefix);
        Reply second = api.send(HttpRequest.newBuilder(nextLink(first)).GET());

        assertEquals(created.subList(2, 4), ids(second.array()));
        assertNull(second.header("Link"), "no more devices, yet a next link");
    }

    @Test
    void limitMustBeBetween1And1000AndAfterAnInteger() {
        api.create(unique(), 1);
        assertEquals(1, api.get("device/?limit=1").array().size());
        assertEquals(200, api.get("device/?limit=1000").status());
        // Empty values too: Jersey would read an empty ?limit= as no limit if JAX-RS converted it.
        for (String bad : List.of("0", "1001", "-1", "abc", "99999999999999999999", "")) {
            assertQueryError(api.get("device/?limit=" + bad), "limit");
        }
        assertQueryError(api.get("device/?limit=5&after=x"), "after");
        assertQueryError(api.get("device/?limit=5&after="), "after");
        assertQueryError(api.get("device/?limit=0&after=x"), "after");
        assertEquals(0, api.get("device/?limit=5&after=99999999999999999999").array().size());
    }

    @Test
    void aNamePrefixIsMatchedLiterally() {
        String prefix = unique();
        long literal = id(api.createDevice(prefix + "50%_off"));
        api.createDevice(prefix + "50x_off");

        Reply reply = api.get("device/?name=" + prefix + "50%25_");

        assertEquals(List.of(literal), ids(reply.array()));
    }

    @Test
    void withoutLimitTheWholeFilteredListComesBackAsOneArray() {
        String prefix = unique();
        List<Long> created = api.create(prefix, 3);
        assertEquals(created, ids(api.get("device/?name=" + prefix).array()));
        assertNull(api.get("device/").header("Link"));
    }

    private static URI nextLink(Reply page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        assertTrue(next.find(), link);
        return URI.create(next.group(1));
    }

    private static void assertQueryError(Reply reply, String parameter) {
        assertEquals(422, reply.status(), reply.toString());
        JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
        assertEquals(Json.createArrayBuilder().add("query").add(parameter).build(), error.getJsonArray("loc"));
    }
}
