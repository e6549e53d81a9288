package jp.cartflow.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jp.cartflow.testsupport.ProductionApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new shop set up end to end over REST, from the empty shop the production ({@code postgres}) profile starts
 * with, by running the README's script ("A new shop over REST, step by step") command by command: the README's
 * curl lines are parsed and sent as they are (only {@code BASE} and {@code ADMIN} are this installation's), so
 * the README cannot drift from what works. The outcome is then checked over REST.
 */
@Tag("own-jvm")
@DisplayName("A new shop over REST (postgres profile, README script)")
class NewShopOverRestIT {

    private static final String ADMIN = "chief:s3cret-Pass";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProductionApplication app;
    private static ConfigurableApplicationContext context;
    private static GreenMail smtp;
    private static String base;

    @BeforeAll
    static void start() {
        app = ProductionApplication.start("新しい商店", "info@new.example.jp", "new-shop-it");
        context = app.context();
        smtp = app.smtp();
        base = "http://localhost:" + app.port();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @DisplayName("SUB-8 SUB-12 SUB-17 SUB-23 SUB-27 SUB-33 MEM-1 MEM-2 MAIL-2 from the empty shop: the README's curl script sets "
            + "up methods, carrier, products, attributes, a member with address book and card, checkout and a generated order")
    void readmeScript() throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        for (String table : List.of("payment_method", "carrier", "product", "member", "subscription", "customer_order")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single())
                    .as("the production shop starts without %s rows", table).isZero();
        }
        assertThat(json(send("GET", "/api/payment-methods", ADMIN, null))).isEmpty();

        Map<String, String> vars = run(script());

        // the outcome, over REST as the storefront
        String sf = vars.get("SF");
        JsonNode member = json(send("GET", "/api/members/" + vars.get("MEMBER"), sf, null));
        assertThat(member.at("/member/loginId").asText()).isEqualTo("sato");
        assertThat(json(send("GET", "/api/members/" + vars.get("MEMBER") + "/addresses", sf, null)))
                .extracting(e -> e.at("/label").asText()).containsExactly("実家");
        JsonNode values = json(send("GET", "/api/members/" + vars.get("MEMBER") + "/attributes", sf, null)).get("values");
        assertThat(values.get("90").asText()).isEqualTo("株式会社さとう");
        assertThat(values.get(vars.get("JOB_ATTR")).asText()).isEqualTo("会社員");
        assertThat(json(send("GET", "/api/mypage/members/" + vars.get("MEMBER") + "/card", sf, null))
                .get("maskedNumber").asText()).isEqualTo("************4242");

        JsonNode subscription = json(send("GET", "/api/subscriptions/" + vars.get("SUB"), sf, null));
        assertThat(subscription.get("paymentMethodName").asText()).isEqualTo("クレジットカード決済");
        assertThat(subscription.get("deliveriesGenerated").asInt()).isEqualTo(2);
        Map<String, String> limits = new HashMap<>();
        subscription.get("items").forEach(i -> limits.put(i.get("productCode").asText(),
                i.path("maxDeliveries").isNumber() ? i.get("maxDeliveries").asText() : "unlimited"));
        assertThat(limits).as("定期購入回数 from the products")
                .isEqualTo(Map.of("COFFEE-200", "unlimited", "DRIP-10", "3"));

        JsonNode orders = json(send("GET", "/api/subscriptions/" + vars.get("SUB") + "/orders", sf, null));
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).get("total").asLong()).as("first prices + shipping").isEqualTo(1296 * 2 + 780 + 880);
        JsonNode order = json(send("GET", "/api/orders/" + vars.get("ORDER"), sf, null));
        assertThat(order.at("/subscription/subscriptionNo").asText()).isEqualTo(vars.get("SUB"));
        assertThat(order.at("/totals/total").asLong()).as("repeat prices + shipping").isEqualTo(1458 * 2 + 880 + 880);
        assertThat(order.at("/totals/pointsEarned").asLong()).as("SUB-12: 100 yen = 1 point").isEqualTo(46);
        assertThat(order.at("/payment/methodName").asText()).isEqualTo("クレジットカード決済");
        assertThat(order.at("/lines").findValuesAsText("productCode")).containsExactly("COFFEE-200", "DRIP-10");
        assertThat(order.at("/shipments/0/timeSlotLabel").asText()).isEqualTo("14〜16時");
        assertThat(order.at("/shipments/0/carrierCode").asText()).isEqualTo("yamato");
        assertThat(order.at("/attributes/90").asText()).as("MEM-1 company on the subscription order")
                .isEqualTo("株式会社さとう");
        assertThat(order.at("/subscription/nextDeliveryDate").asText()).as("SUB-23").isNotBlank();
        // MEM-2: both orders credited through the member's ledger, purchase statistics counted
        JsonNode points = json(send("GET", "/api/members/" + vars.get("MEMBER") + "/points", sf, null));
        List<String> earned = new ArrayList<>();
        points.get("history").forEach(e -> earned.add(e.get("kind").asText() + " " + e.get("points").asLong()));
        assertThat(earned).as("newest first").startsWith("EARNED 46", "EARNED 42");
        assertThat(points.get("buyTimes").asInt()).isEqualTo(2);
        assertThat(points.get("buyTotal").asLong()).isEqualTo(1296 * 2 + 780 + 880 + 1458 * 2 + 880 + 880);
        // MEM-1: the storefront finds the member by the custom attribute
        JsonNode hits = json(send("GET", "/api/members?attribute=" + vars.get("JOB_ATTR") + "&value="
                + java.net.URLEncoder.encode("会社員", StandardCharsets.UTF_8), sf, null));
        assertThat(hits.findValuesAsText("loginId")).containsExactly("sato");
        // SUB-27: the card pays the active subscription, so it cannot be deleted
        HttpResponse<String> delete = send("DELETE", "/api/mypage/members/" + vars.get("MEMBER") + "/card", sf, null);
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(409);
        assertThat(JSON.readTree(delete.body()).get("rule").asText()).isEqualTo("SUB-27");
        JsonNode list = json(send("GET", "/api/orders?kind=SUBSCRIPTION", sf, null));
        assertThat(list.at("/items").findValuesAsText("subscriptionNo")).as("SUB-33")
                .containsOnly(vars.get("SUB")).hasSize(2);
    }

    // ---- the README script ---------------------------------------------------------------------------------

    /** The bash block of the README's section "A new shop over REST, step by step", one command per entry. */
    private static List<String> script() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### A new shop over REST, step by step");
        assertThat(section).as("the README's section").isPositive();
        int open = readme.indexOf("```bash\n", section) + "```bash\n".length();
        String block = readme.substring(open, readme.indexOf("\n```", open));
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.split("\n")) {
            if (current.isEmpty() && (line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                commands.add(current.append(line).toString().strip());
                current.setLength(0);
            }
        }
        return commands;
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z_]+)=(.*)");

    private Map<String, String> run(List<String> commands) throws Exception {
        Map<String, String> vars = new HashMap<>();
        int curls = 0;
        for (String command : commands) {
            Matcher assignment = ASSIGNMENT.matcher(command);
            if (assignment.matches()) {
                String name = assignment.group(1);
                String value = assignment.group(2);
                if (name.equals("BASE")) {
                    vars.put(name, base);
                } else if (name.equals("ADMIN")) {
                    vars.put(name, ADMIN);
                } else if (value.startsWith("$(date ")) {
                    Matcher days = Pattern.compile("\\+(\\d+) days").matcher(value);
                    assertThat(days.find()).as(value).isTrue();
                    vars.put(name, LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(Long.parseLong(days.group(1))).toString());
                } else if (value.startsWith("$(")) {
                    String inner = value.substring(2, value.length() - 1);
                    String[] pipe = inner.split("\\| jq -r ");
                    assertThat(pipe).as("%s: a curl piped into jq -r", command).hasSize(2);
                    String body = curl(words(pipe[0], vars), command);
                    vars.put(name, jq(JSON.readTree(body), String.join("", words(pipe[1], vars))));
                    curls++;
                } else {
                    vars.put(name, String.join("", words(value, vars)));
                }
            } else {
                assertThat(command).as("only curl commands and assignments").startsWith("curl ");
                curl(words(command, vars), command);
                curls++;
            }
        }
        assertThat(curls).as("the script's requests").isGreaterThan(15);
        return vars;
    }

    /** Sends one curl command: -u, -X, -H, -d and the URL; anything but 2xx fails (as curl -f does). */
    private String curl(List<String> words, String command) throws Exception {
        assertThat(words.get(0)).isEqualTo("curl");
        String user = null;
        String method = null;
        String data = null;
        String url = null;
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "-fsS", "-s", "-f" -> { }
                case "-u" -> user = words.get(++i);
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String[] header = words.get(++i).split(":\\s*", 2);
                    headers.put(header[0], header[1]);
                }
                case "-d" -> data = words.get(++i);
                default -> {
                    assertThat(w).as("%s: unknown curl option", command).doesNotStartWith("-");
                    url = w;
                }
            }
        }
        if (method == null) {
            method = data == null ? "GET" : "POST";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, data == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(data, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("%s\n→ %s", command, response.body()).isBetween(200, 299);
        return response.body();
    }

    /** Shell words: single quotes literal, double quotes and bare text with $NAME expanded, pieces joined. */
    static List<String> words(String text, Map<String, String> vars) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                word.append(text, i + 1, end);
                i = end;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                word.append(expand(text.substring(i + 1, end), vars));
                i = end;
            } else if (c == '$') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                String name = text.substring(i + 1, end);
                assertThat(vars).as("variable $%s set before use", name).containsKey(name);
                word.append(vars.get(name));
                i = end - 1;
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static String expand(String text, Map<String, String> vars) {
        Matcher m = Pattern.compile("\\$([A-Z_]+)").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            assertThat(vars).as("variable $%s set before use", m.group(1)).containsKey(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(vars.get(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    /** The jq paths the script uses: .a.b, .[n], .[-n] and their chains. */
    static String jq(JsonNode node, String path) {
        Matcher step = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\.?\\[(-?\\d+)]").matcher(path);
        int at = 0;
        JsonNode current = node;
        while (step.find() && step.start() == at) {
            if (step.group(1) != null) {
                current = current.get(step.group(1));
            } else {
                int index = Integer.parseInt(step.group(2));
                current = current.get(index < 0 ? current.size() + index : index);
            }
            assertThat(current).as("jq %s on %s", path, node).isNotNull();
            at = step.end();
        }
        assertThat(at).as("jq path %s", path).isEqualTo(path.length());
        return current.isTextual() ? current.asText() : current.toString();
    }

    // ---- plain REST calls for the checks -----------------------------------------------------------------

    private static HttpResponse<String> send(String method, String path, String credentials, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(credentials)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
