package jp.cartflow.platform;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is one a client can be generated from (docs/rest-api.md): valid for swagger-parser, and
 * every /api operation has a description naming its rules, described parameters with examples, every error as
 * problem+json, concrete media types and HTTP Basic. A new endpoint without them fails the build here.
 */
class OpenApiDocumentIT extends PostgresIntegrationTest {

    private static final Pattern RULES = Pattern.compile("Rules: (none|[A-Z]{2,4}-\\d+)");
    /** Beyond JSON: file uploads (MAIL-3) in, a quarantined message as received (BNC-1) out. */
    private static final Set<String> REQUEST_TYPES = Set.of("application/json", "multipart/form-data");
    private static final Set<String> ANSWER_TYPES = Set.of("application/json", "message/rfc822", "application/pdf");

    @Autowired TestRestTemplate rest;
    @Autowired BuildProperties build;

    private String json;
    private OpenAPI api;

    @BeforeEach
    void load() {
        ResponseEntity<String> answer = rest.withBasicAuth("storefront", "storefront")
                .getForEntity("/v3/api-docs", String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        json = answer.getBody();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        api = result.getOpenAPI();
    }

    @Test
    @DisplayName("the document is valid OpenAPI 3 with the project's title, version, description, contact and HTTP Basic")
    void header() {
        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(api.getInfo().getTitle()).isEqualTo("cartflow API");
        assertThat(api.getInfo().getVersion()).isEqualTo(build.getVersion());
        assertThat(api.getInfo().getDescription()).contains("problem+json");
        assertThat(api.getInfo().getContact().getEmail()).isNotBlank();
        SecurityScheme basic = api.getComponents().getSecuritySchemes().get("basicAuth");
        assertThat(basic.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(basic.getScheme()).isEqualTo("basic");
        Map<String, Schema> problem = api.getComponents().getSchemas().get("Problem").getProperties();
        assertThat(problem).containsKeys("type", "title", "status", "detail", "field", "rule");
        assertThat(json).doesNotContain("*/*");
    }

    @Test
    @DisplayName("every /api operation: description with rule ids, described parameters, problem+json errors, media types, Basic")
    void everyOperationIsComplete() {
        List<String> missing = new ArrayList<>();
        api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, op) -> check(method + " " + path, op, missing));
        });
        assertThat(api.getPaths().keySet()).filteredOn(p -> p.startsWith("/api/")).hasSizeGreaterThan(30);
        assertThat(missing).isEmpty();
        List<String> ids = new ArrayList<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> ids.add(op.getOperationId())));
        assertThat(ids).as("operation ids a generated client is read with: unique, no springdoc numbering")
                .doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("[a-z][A-Za-z]+[a-z]"));
    }

    /**
     * docs/openapi.json is the document integrators (and the build's generated client, GeneratedClientIT) work
     * from; it must be what the application serves. {@code -Dopenapi.write=true} rewrites it after an API change.
     */
    @Test
    @DisplayName("docs/openapi.json is the document the application serves (rewrite: -Dopenapi.write=true)")
    void committedDocumentIsCurrent() throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode served = mapper.readTree(json);
        Path committed = Path.of("docs", "openapi.json");
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(committed, mapper.writeValueAsString(served) + "\n");
        }
        assertThat(Files.exists(committed)).as(committed + " exists").isTrue();
        assertThat(mapper.readTree(Files.readString(committed)))
                .as("docs/openapi.json differs from /v3/api-docs: rerun this test with -Dopenapi.write=true and commit it")
                .isEqualTo(served);
    }

    @Test
    @DisplayName("every /api answer names the API version that served it (docs/rest-api.md, Versioning)")
    void versionHeader() {
        ResponseEntity<String> answer = rest.withBasicAuth("storefront", "storefront")
                .getForEntity("/api/webhooks/event-types", String.class);
        assertThat(answer.getHeaders().getFirst("Cartflow-Api-Version")).isEqualTo("1");
        assertThat(answer.getHeaders().getFirst("Deprecation")).isNull();
    }

    private void check(String name, Operation op, List<String> missing) {
        if (op.getSummary() == null || op.getSummary().isBlank()) {
            missing.add(name + ": summary");
        }
        if (op.getDescription() == null || !RULES.matcher(op.getDescription()).find()) {
            missing.add(name + ": description naming its rules (\"Rules: SUB-20\" or \"Rules: none\")");
        }
        for (Parameter p : op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
            if (p.getDescription() == null || p.getDescription().isBlank()) {
                missing.add(name + ": description of parameter " + p.getName());
            }
            if (p.getExample() == null && (p.getSchema() == null || p.getSchema().getExample() == null)) {
                missing.add(name + ": example of parameter " + p.getName());
            }
        }
        if (op.getRequestBody() != null && !REQUEST_TYPES.containsAll(op.getRequestBody().getContent().keySet())) {
            missing.add(name + ": request media types " + op.getRequestBody().getContent().keySet());
        }
        boolean success = false;
        for (Map.Entry<String, ApiResponse> r : op.getResponses().entrySet()) {
            Content content = r.getValue().getContent();
            if (r.getKey().startsWith("2")) {
                success = true;
                if (content != null && !ANSWER_TYPES.containsAll(content.keySet())) {
                    missing.add(name + ": " + r.getKey() + " media types " + content.keySet());
                }
            } else if (content == null || !content.keySet().equals(Set.of("application/problem+json"))
                    || !"#/components/schemas/Problem".equals(content.get("application/problem+json").getSchema().get$ref())) {
                missing.add(name + ": " + r.getKey() + " as application/problem+json Problem");
            }
        }
        if (!success) {
            missing.add(name + ": a 2xx answer");
        }
        for (String code : List.of("400", "401", "403")) {
            if (!op.getResponses().containsKey(code)) {
                missing.add(name + ": " + code);
            }
        }
        if (op.getSecurity() == null || op.getSecurity().stream().noneMatch(s -> s.containsKey("basicAuth"))) {
            missing.add(name + ": HTTP Basic security");
        }
    }
}
