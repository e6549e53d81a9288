package jp.cartflow.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blocks CVE-2026-109432: Camunda 7.24 CE checks ad-hoc task queries for expressions only at the top
 * level, so an expression hidden in {@code orQueries} (or in the query a filter is extended with) is
 * evaluated — which reaches arbitrary method calls. The Enterprise fix is not available to us.
 * <p>
 * On {@code /engine-rest} and the webapps' engine API this filter refuses (HTTP 400) every task or
 * filter <em>query</em> request whose parameters or body carry an expression ({@code ${…}} or
 * {@code #{…}}, also URL- or JSON-escaped), at any depth. Saving a filter ({@code /filter/create},
 * {@code PUT /filter/{id}}) is allowed only with the few harmless expressions Tasklist itself stores
 * ({@code currentUser()}, {@code currentUserGroups()}, {@code now()}, {@code dateTime()…}).
 * Nothing refused reaches the engine, so nothing is evaluated or created.
 */
class QueryExpressionGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(QueryExpressionGuardFilter.class);
    static final int MAX_BODY_BYTES = 1024 * 1024;

    /** engine-rest and the webapps' engine API: {@code …/engine/{name}/…} or plain {@code /engine-rest/…}. */
    private static final Pattern TASK_QUERY = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/(?:history/)?task(?:/count)?/?$");
    private static final Pattern FILTER_EXECUTION = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/filter/[^/]+/(?:list|count|singleResult)/?$");
    private static final Pattern FILTER_SAVE = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/filter(?:/create|/[^/]+)/?$");

    /** An expression start, in plain, JSON-unicode-escaped or URL-encoded spelling. */
    private static final Pattern EXPRESSION_START = Pattern.compile(
            "[$#](?:\\{|\\\\u007[bB])|\\\\u0024\\{|\\\\u0023\\{|\\\\u0024\\\\u007[bB]|\\\\u0023\\\\u007[bB]");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern HARMLESS = Pattern.compile(
            "\\s*(?:currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
            + "|dateTime\\(\\)(?:\\.(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(-?\\d{1,6}\\))*"
            + "(?:\\.toDate\\(\\))?)\\s*");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean query = TASK_QUERY.matcher(path).matches() || FILTER_EXECUTION.matcher(path).matches();
        boolean filterSave = !query && FILTER_SAVE.matcher(path).matches()
                && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
        if (!query && !filterSave) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response, path, "request body too large for a query");
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8) + "\n" + parameters(request);
        String offending = query ? anyExpression(text) : harmfulExpression(text);
        if (offending != null) {
            log.warn("Refused a query carrying an expression on {} (CVE-2026-109432 guard): {}", path, offending);
            refuse(response, path, "expressions are not allowed in task or filter queries: " + offending);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static String parameters(HttpServletRequest request) {
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            all.append(entry.getKey()).append('=');
            for (String value : entry.getValue()) {
                all.append(value).append('\n');
            }
        }
        String raw = request.getQueryString();
        if (raw != null) {
            all.append(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    /** For query requests: any expression at all. */
    static String anyExpression(String text) {
        Matcher start = EXPRESSION_START.matcher(text);
        if (!start.find()) {
            return null;
        }
        Matcher whole = EXPRESSION.matcher(text);
        if (whole.find(start.start()) && whole.start() == start.start() && whole.group().length() <= 80) {
            return whole.group();
        }
        int end = Math.min(text.length(), start.start() + 40);
        return text.substring(start.start(), end).replaceAll("[\\r\\n\"]", " ").strip();
    }

    /** For saved filters: expressions other than the harmless ones Tasklist uses. */
    static String harmfulExpression(String text) {
        // escaped spellings are never legitimate in a filter: refuse them outright
        String unescapedOnly = text.replaceAll("[$#]\\{", "");
        String escaped = anyExpression(unescapedOnly);
        if (escaped != null) {
            return escaped;
        }
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            if (!HARMLESS.matcher(expression.group(1)).matches()) {
                return expression.group();
            }
        }
        // an expression start without its closing brace, e.g. nested braces
        int opens = EXPRESSION_START.matcher(text).results().mapToInt(r -> 1).sum();
        int complete = (int) EXPRESSION.matcher(text).results().count();
        return opens == complete ? null : "unterminated expression";
    }

    private static void refuse(HttpServletResponse response, String path, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String json = "{\"type\":\"https://cartflow.jp/problems/query-expression-refused\","
                + "\"title\":\"Query expression refused\",\"status\":400,"
                + "\"detail\":\"" + jsonEscape(detail) + "\",\"instance\":\"" + jsonEscape(path) + "\"}";
        response.getWriter().write(json);
    }

    private static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Replays the body that was read for the check. */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
