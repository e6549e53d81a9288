package jp.cartflow.testsupport;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A cookie-keeping client that speaks to the webapps (Tasklist, Cockpit, Admin) the way their browser UI
 * does: session cookie, XSRF token header, form login.
 */
public class WebappBrowser {
    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public WebappBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Accept", "application/json, text/html");
        xsrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public Optional<String> xsrfToken() {
        return cookie("XSRF-TOKEN").map(HttpCookie::getValue);
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    /**
     * Logs in to one webapp ({@code tasklist}, {@code cockpit}, {@code admin}, {@code welcome}) and
     * answers the login's status; on success the new session's XSRF token is fetched like the UI does.
     */
    public int login(String app, String user, String password) throws Exception {
        get("/camunda/app/" + app + "/");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder login = HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        xsrfToken().ifPresent(token -> login.header("X-XSRF-TOKEN", token));
        int status = client.send(login.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        if (status == 200) {
            // the login rotates the session; its new XSRF token comes with the next GET
            get("/camunda/api/admin/auth/user/default");
        }
        return status;
    }

    public HttpResponse<String> postJson(String path, String json) throws Exception {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        xsrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
