package jp.cartflow.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Spring Security backed by Camunda's identity store: the password is checked by
 * {@link IdentityService#checkPassword} (with Camunda's login throttling) and every Camunda group
 * becomes an authority {@code GROUP_<id>}. One set of users for /api, /engine-rest and the webapps.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final TransactionTemplate oneTransaction;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService,
                                                 PlatformTransactionManager transactions) {
        this.identityService = identityService;
        this.oneTransaction = new TransactionTemplate(transactions);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("bad credentials");
        }
        // the password check and the groups in one transaction (one connection, one commit, not three); a failed
        // check returns normally, so the engine's count of failed attempts (its login throttling) is committed
        List<GrantedAuthority> authorities = oneTransaction.execute(status ->
                !identityService.checkPassword(userId, credentials.toString()) ? null
                        : identityService.createGroupQuery().groupMember(userId).list().stream()
                                .map(Group::getId)
                                .map(CartflowGroups::authority)
                                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                                .toList());
        if (authorities == null) {
            throw new BadCredentialsException("bad credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
