package jp.cartflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated fuzzing of every /api write endpoint. The endpoints come from Spring MVC's own handler mapping
 * and each body skeleton from the request record, so a new endpoint or field is fuzzed without anyone
 * listing it. Every request is malformed by construction (wrong JSON type, duplicate key, overflow, date
 * outside the window, control character, non-ASCII digits, broken encoding …) and aimed at ids that do
 * not exist. Checks: never a 5xx, never a 2xx, every answer problem+json, and every domain table reads
 * the same before and after.
 */
@DisplayName("Fuzzing every /api write endpoint with malformed requests")
class ApiFuzzIT extends PostgresIntegrationTest {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
            RequestMethod.DELETE);

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;
    @Autowired ObjectMapper objectMapper;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    final HttpClient http = HttpClient.newHttpClient();

    record Endpoint(String method, String pattern, HandlerMethod handler, MethodParameter body) {
    }

    record Attempt(String method, String path, String contentType, byte[] body, String what) {
    }

    @Test
    @DisplayName("≥ 1,000 malformed requests: no 5xx, no 2xx, all problem+json, nothing written")
    void fuzzEveryWriteEndpoint() throws Exception {
        List<Endpoint> endpoints = writeEndpoints();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/api/subscriptions",
                "/api/subscription-settings", "/api/mail-templates/{key}", "/api/orders/{orderNo}/shipments");
        List<Attempt> attempts = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            attempts.addAll(attempts(endpoint));
        }
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(1000);

        Map<String, String> before = snapshot();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Attempt attempt : attempts) {
            HttpResponse<String> response = send(attempt);
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500 || status < 400 || !type.startsWith("application/problem+json")) {
                failures.add(attempt.method() + " " + attempt.path() + " [" + attempt.what() + "] → " + status
                        + " " + type + " " + response.body().substring(0, Math.min(200, response.body().length())));
            }
        }
        System.out.printf("ApiFuzzIT: %d requests to %d endpoints, answers by status: %s%n", attempts.size(),
                endpoints.size(), statuses);
        assertThat(failures).as("answers that were not a 4xx problem+json (%d requests)", attempts.size()).isEmpty();
        assertThat(snapshot()).as("every domain table reads the same after the fuzzing").isEqualTo(before);
    }

    List<Endpoint> writeEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            MethodParameter body = null;
            boolean hasPathVariable = false;
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    body = parameter;
                }
                hasPathVariable |= parameter.hasParameterAnnotation(PathVariable.class);
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    // without a body and without an id there is nothing malformed to send: such a call is valid
                    if (pattern.startsWith("/api/") && WRITES.contains(method) && (body != null || hasPathVariable)) {
                        endpoints.add(new Endpoint(method.name(), pattern, handler, body));
                    }
                }
            }
        }
        return endpoints;
    }

    /** Ids that exist nowhere, so that even a valid request could not change anything. */
    static String path(Endpoint endpoint, String override) {
        StringBuilder path = new StringBuilder();
        String pattern = endpoint.pattern();
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            if (open < 0) {
                path.append(pattern, i, pattern.length());
                break;
            }
            path.append(pattern, i, open);
            int close = pattern.indexOf('}', open);
            String name = pattern.substring(open + 1, close).split(":")[0];
            Class<?> type = pathVariableType(endpoint.handler(), name);
            path.append(override != null ? override
                    : Number.class.isAssignableFrom(box(type)) ? "987654321" : "FUZZ-NONE-1");
            i = close + 1;
        }
        return path.toString();
    }

    static Class<?> pathVariableType(HandlerMethod handler, String name) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            if (variable != null) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                String declared = !variable.value().isEmpty() ? variable.value() : parameter.getParameterName();
                if (name.equals(declared)) {
                    return parameter.getParameterType();
                }
            }
        }
        return String.class;
    }

    static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == long.class ? Long.class : type == int.class ? Integer.class : type == boolean.class ? Boolean.class : type;
    }

    List<Attempt> attempts(Endpoint e) throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        String path = path(e, null);
        String json = "application/json";
        // ids: full-width and other non-ASCII digits in the path
        if (e.pattern().contains("{")) {
            for (String id : List.of("%EF%BC%91%EF%BC%92%EF%BC%93", "%D9%A1%D9%A2", "FUZZ%EF%BC%91")) {
                attempts.add(new Attempt(e.method(), path(e, id), json, bytes("{}"), "non-ASCII digits in the path"));
            }
        }
        if (e.body() == null) {
            attempts.add(new Attempt(e.method(), path + "?id=%EF%BC%91", json, new byte[0], "full-width digit in the query"));
            return attempts;
        }
        // the body as a whole
        for (String body : List.of("{", "{\"a\":", "[]", "[{}]", "\"text\"", "42", "true", "{}{}", "{} x",
                "{\"unknownField\":1}", "{\"a\":1,\"a\":2}", "{'single':'quotes'}", "{\"x\":NaN}", "/* c */ {}",
                "{\"x\":9" + "9".repeat(400) + "}", "[".repeat(5000) + "]".repeat(5000), "\u0000", "{\"\u0000\":1}")) {
            attempts.add(new Attempt(e.method(), path, json, bytes(body), "body " + abbreviate(body)));
        }
        attempts.add(new Attempt(e.method(), path, json, new byte[]{(byte) 0xC3, (byte) 0x28, '{', '}'}, "invalid UTF-8"));
        attempts.add(new Attempt(e.method(), path, json, new byte[]{(byte) 0xFF, (byte) 0xFE, '{', 0, '}'}, "broken UTF-16"));
        attempts.add(new Attempt(e.method(), path, "text/plain", bytes("{}"), "text/plain"));
        attempts.add(new Attempt(e.method(), path, "application/xml", bytes("<a/>"), "application/xml"));
        attempts.add(new Attempt(e.method(), path, "application/x-www-form-urlencoded", bytes("a=1"), "form"));

        // field by field, from the request record
        JsonNode skeleton = sample(e.body().getGenericParameterType(), 0);
        if (skeleton instanceof ObjectNode object) {
            ObjectNode duplicated = object.deepCopy();
            String text = objectMapper.writeValueAsString(duplicated);
            if (object.size() > 0) {
                String first = object.fieldNames().next();
                String dup = "{\"" + first + "\":" + objectMapper.writeValueAsString(object.get(first)) + ","
                        + text.substring(1);
                attempts.add(new Attempt(e.method(), path, json, bytes(dup), "duplicate key " + first));
            }
            for (Map.Entry<String, JsonNode> leaf : leaves(object, "").entrySet()) {
                for (JsonNode bad : badValues(leaf.getValue())) {
                    ObjectNode mutated = object.deepCopy();
                    set(mutated, leaf.getKey(), bad);
                    attempts.add(new Attempt(e.method(), path, json, bytes(objectMapper.writeValueAsString(mutated)),
                            leaf.getKey() + " = " + abbreviate(bad.toString())));
                }
                // the same field twice, in the nested object where it lives
                attempts.add(new Attempt(e.method(), path, json,
                        bytes(duplicateKey(objectMapper.writeValueAsString(object), leaf.getKey(), leaf.getValue())),
                        "duplicate " + leaf.getKey()));
            }
        }
        return attempts;
    }

    /** Sample values of the record's own types: a skeleton each mutation breaks in exactly one place. */
    static JsonNode sample(Type type, int depth) {
        Class<?> raw = type instanceof Class<?> c ? c : (Class<?>) ((ParameterizedType) type).getRawType();
        if (depth > 4) {
            return JSON.nullNode();
        }
        if (raw.isRecord()) {
            ObjectNode node = JSON.objectNode();
            for (RecordComponent component : raw.getRecordComponents()) {
                node.set(component.getName(), sample(component.getGenericType(), depth + 1));
            }
            return node;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            ArrayNode array = JSON.arrayNode();
            if (type instanceof ParameterizedType p) {
                array.add(sample(p.getActualTypeArguments()[0], depth + 1));
            }
            return array;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return JSON.objectNode().put("k", "v");
        }
        if (raw.isEnum()) {
            return JSON.textNode(raw.getEnumConstants()[0].toString());
        }
        Class<?> boxed = box(raw);
        if (boxed == Boolean.class) {
            return JSON.booleanNode(false);
        }
        if (Number.class.isAssignableFrom(boxed)) {
            return JSON.numberNode(1);
        }
        if (boxed == LocalDate.class) {
            return JSON.textNode("2030-01-07");
        }
        if (boxed == LocalTime.class) {
            return JSON.textNode("05:00");
        }
        return JSON.textNode("FUZZ-1");
    }

    /** Leaves (and lists) by JSON path: {@code fees.shipping}, {@code items[0].quantity}. */
    static Map<String, JsonNode> leaves(JsonNode node, String prefix) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                if (field.getValue().isContainerNode()) {
                    leaves.put(path, field.getValue());
                }
                leaves.putAll(leaves(field.getValue(), path));
                if (!field.getValue().isContainerNode()) {
                    leaves.put(path, field.getValue());
                }
            });
        } else if (node.isArray() && node.size() > 0) {
            leaves.putAll(leaves(node.get(0), prefix + "[0]"));
        }
        return leaves;
    }

    /** Values that are wrong for the sample's JSON type whatever the field's own rules. */
    static List<JsonNode> badValues(JsonNode sample) {
        if (sample.isTextual()) {
            String text = sample.asText();
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return List.of(JSON.textNode("2030-01-07T00:00:00"), JSON.textNode("2030-01-07T00:00:00+09:00"),
                        JSON.textNode("+10000-01-01"), JSON.textNode("1999-12-31"), JSON.textNode("2101-01-01"),
                        JSON.textNode("２０３０-01-07"), JSON.textNode("2030-02-30"), JSON.numberNode(20300107),
                        JSON.arrayNode().add(2030).add(1).add(7));
            }
            if (text.equals("05:00")) {
                return List.of(JSON.numberNode(5), JSON.textNode("25:99"), JSON.arrayNode());
            }
            return List.of(JSON.numberNode(12345), JSON.numberNode(1.5), JSON.booleanNode(true), JSON.objectNode(),
                    JSON.arrayNode().add("x"), JSON.textNode("a\u0000b"), JSON.textNode("a\u0007b"),
                    JSON.textNode("a\u001bb"));
        }
        if (sample.isNumber()) {
            return List.of(JSON.textNode("1"), JSON.textNode("１２３"), JSON.numberNode(1.5),
                    JSON.numberNode(new java.math.BigDecimal("1e30")),
                    JSON.numberNode(new java.math.BigInteger("9223372036854775808")),
                    JSON.numberNode(new java.math.BigInteger("-9223372036854775809")),
                    JSON.booleanNode(true), JSON.objectNode(), JSON.arrayNode());
        }
        if (sample.isBoolean()) {
            return List.of(JSON.textNode("true"), JSON.numberNode(1), JSON.textNode("yes"), JSON.objectNode(),
                    JSON.arrayNode());
        }
        if (sample.isArray()) {
            return List.of(JSON.objectNode(), JSON.textNode("x"), JSON.numberNode(1));
        }
        if (sample.isObject()) {
            return List.of(JSON.textNode("x"), JSON.numberNode(1), JSON.arrayNode(), JSON.booleanNode(true));
        }
        return List.of(JSON.objectNode().put("x", 1), JSON.arrayNode().add(JSON.arrayNode()));
    }

    static void set(ObjectNode root, String path, JsonNode value) {
        String[] steps = path.replace("[0]", ".[0]").split("\\.");
        JsonNode node = root;
        for (int i = 0; i < steps.length - 1; i++) {
            node = steps[i].equals("[0]") ? node.get(0) : node.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (node instanceof ObjectNode object) {
            object.set(last, value);
        } else if (node instanceof ArrayNode array) {
            array.set(0, value);
        }
    }

    /** The JSON text with the field at {@code path} written twice inside its own object. */
    String duplicateKey(String json, String path, JsonNode value) throws Exception {
        String name = path.substring(path.lastIndexOf('.') + 1).replace("[0]", "");
        String once = "\"" + name + "\":" + objectMapper.writeValueAsString(value);
        int at = json.indexOf(once);
        return at < 0 ? json : json.substring(0, at) + once + "," + json.substring(at);
    }

    HttpResponse<String> send(Attempt attempt) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + attempt.path()))
                .header("Authorization", "Basic ZGVtbzpkZW1v")
                .header("Content-Type", attempt.contentType())
                .header("Accept", "application/json, application/problem+json")
                .method(attempt.method(), HttpRequest.BodyPublishers.ofByteArray(attempt.body())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Every domain table (not the engine's), as one digest of its rows. */
    Map<String, String> snapshot() {
        Map<String, String> digests = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'act\\_%' AND table_name <> 'flyway_schema_history'"
                + " ORDER BY table_name").query(String.class).list();
        assertThat(tables).contains("subscription", "customer_order");
        for (String table : tables) {
            digests.put(table, jdbc.sql("SELECT COALESCE(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                    + table + " t").query(String.class).single());
        }
        return digests;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
