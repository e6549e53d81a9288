package jp.cartflow.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain HTTP calls with Basic credentials and raw bodies (the JDK client never retries a 401 on its own). */
final class ToolHttp {

    record Answer(int status, String contentType, String retryAfter, String replay, JsonNode json, String raw) {

        Answer problem(int expectedStatus, String field) {
            assertThat(status).as(raw).isEqualTo(expectedStatus);
            assertThat(contentType).as("content type").startsWith("application/problem+json");
            if (field != null) {
                assertThat(json.path("field").asText()).as(raw).isEqualTo(field);
            }
            return this;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    ToolHttp(int port) {
        this.port = port;
    }

    Answer send(String method, String path, String user, String password, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // left null
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Idempotent-Replay").orElse(null), json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer json(String method, String path, String user, String password, String json) {
        return send(method, path, user, password, "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    Answer admin(String method, String path, String json) {
        return json(method, path, "demo", "demo", json);
    }

    Answer get(String path, String user, String password) {
        return send("GET", path, user, password, null, null);
    }
}
