package jp.cartflow.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Strict input for every /api endpoint, in one place rather than in each request record:
 * <ul>
 *   <li>request JSON is read by {@link StrictJson} (duplicate keys, scalar coercion, dates, control characters);</li>
 *   <li>records marked {@link CompleteReplacement} must carry every key ({@link CompleteBodies});</li>
 *   <li>ids in the path and the query string are ASCII digits: {@code １２３} or other non-ASCII digits → 400
 *       ({@link AsciiIds}; Java's number parsing would otherwise read them as 123).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class StrictInputConfiguration implements WebMvcConfigurer {

    private final ObjectMapper strict;

    public StrictInputConfiguration(ObjectMapper objectMapper) {
        this.strict = StrictJson.strictCopy(objectMapper);
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        // a new converter in place of the shared one: clients built from the same converters keep the lenient mapper
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json) {
                MappingJackson2HttpMessageConverter strictJson = new MappingJackson2HttpMessageConverter(strict);
                strictJson.setSupportedMediaTypes(json.getSupportedMediaTypes());
                converters.set(i, strictJson);
            }
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AsciiIds()).addPathPatterns("/api/**");
    }

    /** Refuses non-ASCII digits anywhere in an /api path or query parameter. */
    static final class AsciiIds implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String path = URLDecoder.decode(request.getRequestURI().replace("+", "%2B"), StandardCharsets.UTF_8);
            if (hasForeignDigit(path)) {
                throw ApiException.malformed("path", "ids in the path must use ASCII digits (0-9)");
            }
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    if (hasForeignDigit(value)) {
                        throw ApiException.malformed(parameter.getKey(), "'" + parameter.getKey()
                                + "' must use ASCII digits (0-9)");
                    }
                }
            }
            return true;
        }

        static boolean hasForeignDigit(String text) {
            return text != null && text.codePoints().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'));
        }
    }

    /** Every key of a {@link CompleteReplacement} record must be present (null allowed where the record allows it). */
    @ControllerAdvice
    static final class CompleteBodies extends RequestBodyAdviceAdapter {
        private final ObjectMapper strict;

        CompleteBodies(ObjectMapper objectMapper) {
            this.strict = StrictJson.strictCopy(objectMapper);
        }

        @Override
        public boolean supports(MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
            return targetType instanceof Class<?> type && type.isAnnotationPresent(CompleteReplacement.class);
        }

        @Override
        public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                               Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
            byte[] body = input.getBody().readAllBytes();
            JsonNode tree;
            try {
                tree = strict.readTree(body);
            } catch (IOException unreadable) {
                tree = null; // the converter reports it with the field at fault
            }
            if (tree != null && tree.isObject()) {
                requireAll((Class<?>) targetType, tree, "");
            }
            HttpHeaders headers = input.getHeaders();
            return new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public HttpHeaders getHeaders() {
                    return headers;
                }
            };
        }

        private static void requireAll(Class<?> type, JsonNode node, String prefix) {
            if (!type.isRecord()) {
                return;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                String field = prefix + component.getName();
                if (!node.has(component.getName())) {
                    throw ApiException.malformed(field, "'" + field + "' is missing (send null to clear it)");
                }
                JsonNode value = node.get(component.getName());
                if (value.isObject() && component.getType().isAnnotationPresent(CompleteReplacement.class)) {
                    requireAll(component.getType(), value, field + ".");
                }
            }
        }
    }
}
