package jp.cartflow.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the webapps' users known to Spring Security, so that the same group rules as everywhere else
 * decide who may use Tasklist, Cockpit, Admin and their API ({@code /camunda/api/**}):
 * <ul>
 *   <li>the login form post ({@code …/auth/user/{engine}/login/{app}}) is authenticated here, against
 *       the same users, before Camunda's own login sees it: a user outside the allowed groups gets 403 and
 *       no webapp session;</li>
 *   <li>every other webapp request carries the user of Camunda's own session, with its groups.</li>
 * </ul>
 * Nothing is stored: the Camunda session stays the only session.
 */
class WebappAuthentication extends OncePerRequestFilter {

    static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/login/{app}");

    private final AuthenticationManager authenticationManager;

    WebappAuthentication(AuthenticationManager authenticationManager) {
        this.authenticationManager = authenticationManager;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            if (LOGIN.matches(request)) {
                // read the form ourselves and replay it: Camunda's login reads the same body afterwards
                FormBody form = new FormBody(request);
                loginForm(form.value("username"), form.value("password"));
                chain.doFilter(form, response);
                return;
            } else {
                session(request.getSession(false));
            }
        }
        chain.doFilter(request, response);
    }

    private void loginForm(String user, String password) {
        if (user == null || password == null) {
            return;
        }
        try {
            SecurityContextHolder.getContext().setAuthentication(authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(user, password)));
        } catch (AuthenticationException e) {
            // stays anonymous: the access rules answer 401
        }
    }

    private static void session(HttpSession session) {
        if (session == null) {
            return;
        }
        for (UserAuthentication user : AuthenticationUtil.getAuthsFromSession(session).getAuthentications()) {
            List<GrantedAuthority> authorities = user.getGroupIds() == null ? List.of() : user.getGroupIds().stream()
                    .map(CartflowGroups::authority)
                    .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                    .toList();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, authorities));
            return;
        }
    }

    /** The login form's body, read once (at most 8 KiB) and handed on unchanged. */
    static final class FormBody extends HttpServletRequestWrapper {
        private final byte[] body;
        private final Map<String, String> values = new HashMap<>();

        FormBody(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readNBytes(8192);
            for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    try {
                        values.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                                URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException malformed) {
                        // not a form we can read: no authentication, the rules answer 401
                    }
                }
            }
        }

        /** From the body; if a filter before us has parsed the form already, from the parameters. */
        String value(String name) {
            return body.length > 0 ? values.get(name) : getRequest().getParameter(name);
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
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
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
