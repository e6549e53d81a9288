package jp.cartflow.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document of /api (docs/rest-api.md): title, the project's version, contact, HTTP Basic, and — for
 * every operation, so that a new endpoint gets them without annotations — the problem+json answers it can give
 * and concrete media types. Controllers annotate only what is theirs: summary, description (with rule ids),
 * parameter descriptions and examples. {@code OpenApiDocumentIT} fails the build when something is missing.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SECURITY_SCHEME = "basicAuth";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String JSON = "application/json";

    private static final Map<String, String> ERRORS = Map.of(
            "400", "malformed-request / validation: not JSON, unknown field, wrong type, missing or out-of-bounds value (`field`)",
            "401", "unauthenticated: no or wrong HTTP Basic credentials",
            "403", "forbidden: the user's group may not use this endpoint",
            "404", "not-found: an id or number in the path does not exist (`field`)",
            "409", "conflict: the change collides with the current state (`field`, `rule`)",
            "415", "unsupported-media-type: the body is not application/json",
            "422", "validation / business-rule: well-formed but not acceptable; `rule` names the rule (e.g. SUB-17)",
            "502", "internal: the payment gateway did not answer usefully; nothing was changed",
            "503", "not-configured: the installation's shop is not configured yet");

    /**
     * Parameters that mean the same on every path, described once here (an annotation on the parameter wins):
     * name → description, example.
     */
    private static final Map<String, String[]> PARAMETERS = Map.ofEntries(
            Map.entry("orderNo", new String[] {"受注番号 (order number)", "D-100001"}),
            Map.entry("subscriptionNo", new String[] {"定期購入番号 (subscription number, SUB-13)", "T00000123"}),
            Map.entry("memberId", new String[] {"会員ID: the member's id", "1"}),
            Map.entry("itemId", new String[] {"id of the subscription item (定期商品)", "11"}),
            Map.entry("key", new String[] {"template key: ORDER_CONFIRMATION, SHIPPING_COMPLETE, SUBSCRIPTION_THANKS, "
                    + "MYPAGE_CHANGE_NOTICE or CARD_EXPIRY_REMINDER", "SHIPPING_COMPLETE"}),
            Map.entry("cancelled", new String[] {"true: the ended and cancelled ones instead of the active ones (SUB-25)",
                    "false"}),
            Map.entry("limit", new String[] {"at most this many results", "100"}),
            Map.entry("count", new String[] {"how many future deliveries (1-36)", "6"}),
            // keyed "segment/name" where the same name means different things on different paths
            Map.entry("products/productCode", new String[] {"商品コード: the shop's product code", "CF-COFFEE-200"}),
            Map.entry("productCode", new String[] {"商品コード: the shop's product code", "CF-COFFEE-200"}),
            Map.entry("payment-methods/code", new String[] {"payment method: SBPS_CARD, ZEUS_CARD, COD, NP_DEFERRED or FREE",
                    "COD"}),
            Map.entry("templates/code", new String[] {"the newsletter template's code", "monthly-news"}),
            Map.entry("carriers/code", new String[] {"配送方法コード: the carrier's code", "YAMATO"}),
            Map.entry("carrierCode", new String[] {"配送方法コード: the carrier's code", "YAMATO"}),
            Map.entry("attributeNo", new String[] {"number of the member attribute (90/91 built in)", "1"}),
            Map.entry("shop", new String[] {"the shop's code", "demo"}),
            Map.entry("tool", new String[] {"inventory tool: tempostar, zaikorobot or other", "tempostar"}),
            Map.entry("stockCode", new String[] {"在庫管理コード: the variant's stock code", "CF-TSHIRT-RED-M"}),
            Map.entry("campaignId", new String[] {"id of the newsletter campaign", "7"}),
            Map.entry("cartId", new String[] {"the storefront's cart id", "cart-20261201-0001"}),
            Map.entry("entryId", new String[] {"id of the address-book entry", "3"}),
            Map.entry("id", new String[] {"id of the record in the path", "12"}),
            Map.entry("address", new String[] {"e-mail address (exact)", "yamada@example.jp"}),
            Map.entry("from", new String[] {"first day, inclusive (Asia/Tokyo)", "2026-11-01"}),
            Map.entry("to", new String[] {"last day, inclusive (Asia/Tokyo)", "2026-11-30"}),
            Map.entry("page", new String[] {"page number, from 0", "0"}),
            Map.entry("size", new String[] {"rows per page", "20"}),
            Map.entry("sort", new String[] {"sort key and direction", "orderedAt,desc"}),
            Map.entry("status", new String[] {"order status", "NEW"}),
            Map.entry("paymentStatus", new String[] {"payment status", "AUTHORIZED"}),
            Map.entry("kind", new String[] {"REGULAR or SUBSCRIPTION (generated from a subscription)", "SUBSCRIPTION"}),
            Map.entry("bounced", new String[] {"true: only orders whose address is bounce-flagged (BNC-2)", "false"}),
            Map.entry("codes", new String[] {"product or variant stock codes", "CF-COFFEE-200,CF-TEA-100"}),
            Map.entry("batchId", new String[] {"the tool's id of this batch", "20261201-0931-001"}),
            Map.entry("attribute", new String[] {"number of the member attribute to search by (MEM-1)", "90"}),
            Map.entry("value", new String[] {"the value: text contains, choices and dates equal", "株式会社"}));

    @Bean
    OpenAPI cartflowOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion() : "development";
        return new OpenAPI()
                .info(new Info().title("cartflow API").version(version)
                        .description("""
                                Order orchestration for Japanese e-commerce carts: subscriptions (定期購入), orders, \
                                payments, shipments, mail templates and webhooks. Every error is \
                                application/problem+json with a stable `type`, the `field` and the `rule` at fault. \
                                Versioning and deprecation: docs/rest-api.md.""")
                        .contact(new Contact().name("cartflow team").email("dev@cartflow.jp").url("https://cartflow.jp")))
                // relative: the document is the same on every node and host (docs/openapi.json is this document)
                .servers(List.of(new Server().url("/").description("the cartflow node that served this document")))
                .components(new Components()
                        .addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("a Camunda user; groups decide which paths it reaches")))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
    }

    /**
     * Operation ids a generated client can be read with: the controller's subject and the method, e.g.
     * {@code productList}, {@code orderDetail}, {@code myPageCardRegister} — never springdoc's numbered
     * {@code list3}. An id set in {@code @Operation(operationId = …)} is kept.
     */
    @Bean
    OperationCustomizer readableOperationIds() {
        return (operation, handler) -> {
            String explicit = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class) == null ? ""
                    : handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class).operationId();
            if (explicit.isBlank()) {
                operation.setOperationId(operationId(handler.getBeanType().getSimpleName(), handler.getMethod().getName()));
            }
            return operation;
        };
    }

    static String operationId(String controller, String method) {
        String subject = controller.endsWith("Controller") ? controller.substring(0, controller.length() - 10) : controller;
        return Character.toLowerCase(subject.charAt(0)) + subject.substring(1)
                + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    @Bean
    OpenApiCustomizer problemAnswersAndMediaTypes() {
        return openApi -> {
            // here rather than on the OpenAPI bean: springdoc drops component schemas that no operation uses
            // before the customizers run, and only the customizer below refers to this one
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperationsMap().forEach((method, op) -> complete(path, method, op));
                }
            });
        };
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation op) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        op.setResponses(responses);
        op.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
        if (op.getParameters() != null) {
            op.getParameters().forEach(parameter -> {
                String[] known = PARAMETERS.getOrDefault(segmentBefore(path, parameter.getName()) + "/" + parameter.getName(),
                        PARAMETERS.get(parameter.getName()));
                if (known != null && (parameter.getDescription() == null || parameter.getDescription().isBlank())) {
                    parameter.setDescription(known[0]);
                }
                if (known != null && parameter.getExample() == null) {
                    parameter.setExample(known[1]);
                }
            });
        }
        responses.forEach((code, response) -> concreteMediaTypes(response.getContent()));
        if (op.getRequestBody() != null) {
            concreteMediaTypes(op.getRequestBody().getContent());
        }
        Map<String, Boolean> errors = new LinkedHashMap<>();
        errors.put("400", true);
        errors.put("401", true);
        errors.put("403", true);
        errors.put("404", path.contains("{"));
        errors.put("409", method != PathItem.HttpMethod.GET);
        errors.put("415", op.getRequestBody() != null);
        errors.put("422", method != PathItem.HttpMethod.GET);
        errors.put("503", true);
        errors.forEach((code, applies) -> {
            if (applies && !responses.containsKey(code)) {
                responses.addApiResponse(code, new ApiResponse());
            }
        });
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(ERRORS.getOrDefault(code, "problem"));
                }
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    /** The path segment before {@code {name}} ("carriers" for /api/carriers/{code}), or "" for a query parameter. */
    private static String segmentBefore(String path, String name) {
        int at = path.indexOf("/{" + name + "}");
        return at < 0 ? "" : path.substring(path.lastIndexOf('/', at - 1) + 1, at);
    }

    /** springdoc writes {@code *}/{@code *} when a controller does not declare what it produces. */
    private static void concreteMediaTypes(Content content) {
        if (content != null && content.containsKey("*/*")) {
            content.addMediaType(JSON, content.remove("*/*"));
        }
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details, with cartflow's members `field` and `rule`")
                .addProperty("type", new StringSchema().format("uri").example("https://cartflow.jp/problems/business-rule")
                        .description("stable URI of the kind of problem; switch on it, never on the text"))
                .addProperty("title", new StringSchema().example("Business rule violated"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema()
                        .example("支払方法 ZEUS_CARD は定期購入で使えないか、配送方法が対応していません"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/subscriptions"))
                .addProperty("field", new StringSchema().example("paymentMethod")
                        .description("JSON path of the culprit in the request"))
                .addProperty("rule", new StringSchema().example("SUB-17").description("the business rule's id"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema())
                        .description("every problem, for template validation (part, line, column, tag, kind, message)"))
                .addRequiredItem("type").addRequiredItem("title").addRequiredItem("status");
    }
}
