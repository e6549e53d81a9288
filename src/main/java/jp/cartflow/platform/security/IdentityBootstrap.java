package jp.cartflow.platform.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;

import static jp.cartflow.platform.security.CartflowGroups.ADMIN;
import static jp.cartflow.platform.security.CartflowGroups.INTEGRATIONS;
import static jp.cartflow.platform.security.CartflowGroups.INVENTORY_TOOLS;
import static jp.cartflow.platform.security.CartflowGroups.OPERATORS;

/**
 * Creates, right after the engine is built, the four groups with their engine permissions, the
 * administrator, and (demo only) one user per group. Idempotent: existing users keep their passwords,
 * so an administrator changing a password in the Admin webapp is not overruled at the next start.
 */
class IdentityBootstrap extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
    private static final String ANY = Authorization.ANY;

    private final IdentityProperties properties;

    public IdentityBootstrap(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        group(identity, ADMIN, "管理者 (Administrators)", "SYSTEM");
        group(identity, OPERATORS, "ショップ運営者 (Operators)", "WORKFLOW");
        group(identity, INTEGRATIONS, "連携システム (Integrations)", "SYSTEM");
        group(identity, INVENTORY_TOOLS, "在庫連携ツール (Inventory tools)", "SYSTEM");

        for (Resources resource : Resources.values()) {
            grant(authorizations, ADMIN, resource, ANY, Permissions.ALL);
        }
        grant(authorizations, OPERATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(authorizations, OPERATORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(authorizations, OPERATORS, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
        grant(authorizations, OPERATORS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK, Permissions.UPDATE_TASK);
        grant(authorizations, OPERATORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(authorizations, OPERATORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(authorizations, OPERATORS, Resources.FILTER, ANY, Permissions.READ);
        grant(authorizations, OPERATORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        grant(authorizations, INTEGRATIONS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE);
        grant(authorizations, INTEGRATIONS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE,
                Permissions.READ, Permissions.UPDATE);
        grant(authorizations, INTEGRATIONS, Resources.DEPLOYMENT, ANY, Permissions.READ);

        user(identity, properties.adminId(), properties.adminPassword(), ADMIN, "管理者", "cartflow");
        for (IdentityProperties.DemoUser demo : properties.demoUsers()) {
            user(identity, demo.id(), demo.password(), demo.group(), demo.firstName(), demo.lastName());
        }
    }

    private static void group(IdentityService identity, String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
            log.info("Created group {}", id);
        }
    }

    private static void user(IdentityService identity, String id, String password, String groupId,
                             String firstName, String lastName) {
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("cartflow.identity.admin-id must not be blank");
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("no password configured for user " + id);
            }
            User user = identity.newUser(id);
            user.setPassword(password);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            identity.saveUser(user);
            log.info("Created user {} in group {}", id, groupId);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(id, groupId);
        }
    }

    private static void grant(AuthorizationService authorizations, String groupId, Resource resource,
                              String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        List<Permission> wanted = Arrays.asList(permissions);
        boolean changed = existing == null;
        for (Permission permission : wanted) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
