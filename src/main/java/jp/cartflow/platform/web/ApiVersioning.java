package jp.cartflow.platform.web;

import io.swagger.v3.oas.models.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The versioning policy of docs/rest-api.md, applied: every /api answer says which major version served it
 * ({@code Cartflow-Api-Version}); an operation marked {@link ApiDeprecation} answers with {@code Deprecation},
 * {@code Sunset} and {@code Link: rel="successor-version"}, and is deprecated in the OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
public class ApiVersioning implements WebMvcConfigurer {

    /** The major version of the unprefixed /api paths; a breaking change gets /api/v2/… (docs/rest-api.md). */
    public static final String VERSION = "1";
    public static final String VERSION_HEADER = "Cartflow-Api-Version";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Headers()).addPathPatterns("/api/**");
    }

    @Bean
    OperationCustomizer deprecatedOperations() {
        return (Operation operation, HandlerMethod handler) -> {
            ApiDeprecation deprecation = of(handler);
            if (deprecation != null) {
                operation.setDeprecated(true);
                operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + " ")
                        + "Deprecated since " + deprecation.since() + ", sunset " + deprecation.sunset()
                        + (deprecation.successor().isEmpty() ? "." : "; use " + deprecation.successor() + "."));
            }
            return operation;
        };
    }

    static ApiDeprecation of(HandlerMethod handler) {
        ApiDeprecation on = handler.getMethodAnnotation(ApiDeprecation.class);
        return on != null ? on : handler.getBeanType().getAnnotation(ApiDeprecation.class);
    }

    /** Adds the headers before the handler writes its body. */
    static final class Headers implements HandlerInterceptor {

        private static final DateTimeFormatter HTTP_DATE =
                DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            response.setHeader(VERSION_HEADER, VERSION);
            if (handler instanceof HandlerMethod method) {
                ApiDeprecation deprecation = of(method);
                if (deprecation != null) {
                    // RFC 9745: a structured-field date, seconds since the epoch
                    response.setHeader("Deprecation", "@" + LocalDate.parse(deprecation.since())
                            .atStartOfDay(ZoneOffset.UTC).toEpochSecond());
                    // RFC 8594: an HTTP-date
                    response.setHeader("Sunset", HTTP_DATE.format(
                            LocalDate.parse(deprecation.sunset()).atStartOfDay(ZoneOffset.UTC)));
                    if (!deprecation.successor().isEmpty()) {
                        response.addHeader("Link", "<" + deprecation.successor() + ">; rel=\"successor-version\"");
                    }
                }
            }
            return true;
        }
    }
}
