package dev.registry.rest;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The JSON form of a YAML document (the OpenAPI document is written once, in YAML). */
final class YamlToJson {

    private YamlToJson() {
    }

    static String convert(String yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = Json.createGenerator(json)) {
            write(generator, null, document);
        }
        return json.toString();
    }

    private static void write(JsonGenerator out, String name, Object value) {
        if (value instanceof Map<?, ?> map) {
            if (name == null) {
                out.writeStartObject();
            } else {
                out.writeStartObject(name);
            }
            map.forEach((key, member) -> write(out, String.valueOf(key), member));
            out.writeEnd();
        } else if (value instanceof List<?> list) {
            if (name == null) {
                out.writeStartArray();
            } else {
                out.writeStartArray(name);
            }
            list.forEach(item -> write(out, null, item));
            out.writeEnd();
        } else {
            scalar(out, name, value);
        }
    }

    private static void scalar(JsonGenerator out, String name, Object value) {
        if (value == null) {
            if (name == null) {
                out.writeNull();
            } else {
                out.writeNull(name);
            }
        } else if (value instanceof Boolean flag) {
            if (name == null) {
                out.write(flag);
            } else {
                out.write(name, flag);
            }
        } else if (value instanceof Integer || value instanceof Long) {
            long number = ((Number) value).longValue();
            if (name == null) {
                out.write(number);
            } else {
                out.write(name, number);
            }
        } else if (value instanceof Number number) {
            if (name == null) {
                out.write(number.doubleValue());
            } else {
                out.write(name, number.doubleValue());
            }
        } else if (name == null) {
            out.write(String.valueOf(value));
        } else {
            out.write(name, String.valueOf(value));
        }
    }
}
