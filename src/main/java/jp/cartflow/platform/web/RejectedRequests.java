package jp.cartflow.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Requests refused before Spring MVC sees them still get problem+json: Spring Security's firewall
 * ({@code ;}, {@code %2f}, {@code %2e%2e}, {@code %25} …) and Tomcat itself ({@code %00}, malformed URIs),
 * whose error page would otherwise be HTML.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) -> {
            if (!response.isCommitted()) {
                write(response, 400, "The request path or its encoding is not allowed.");
            }
        };
    }

    /** Tomcat: encoded slashes reach the firewall (which refuses them) instead of Tomcat's HTML page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonForTomcatErrors() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
            factory.addContextCustomizers(context -> {
                Container parent = context.getParent();
                if (parent instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        };
    }

    static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json(status, detail).getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    static String json(int status, String detail) {
        ProblemType type = status == 404 ? ProblemType.NOT_FOUND
                : status == 405 ? ProblemType.METHOD_NOT_ALLOWED
                : status >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_REQUEST;
        return "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }

    /** Tomcat's last-resort error report (no application involved) as problem+json instead of HTML. */
    public static class ProblemReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json(status, status >= 500 ? "The request failed." : "The request cannot be read."));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone; nothing more to tell it
            }
        }
    }
}
