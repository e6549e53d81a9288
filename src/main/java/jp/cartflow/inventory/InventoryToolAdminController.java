package jp.cartflow.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Admins link inventory tools to a shop: addresses and switch (MAIL-4), account (INV-1), variant stock codes. */
@RestController
@RequestMapping("/api/admin/shops/{shop}")
@Tag(name = "Inventory tools (admin)", description = "在庫連携の設定: intake addresses, forwarding switch, tool accounts")
class InventoryToolAdminController {

    record AddressesRequest(String name, String intakeAddress, String orderIntakeAddress) {
    }

    record SwitchRequest(Boolean enabled) {
    }

    record AccountRequest(String userId, String password) {
    }

    record PasswordRequest(String password) {
    }

    record VariantRequest(String name) {
    }

    private final InventoryToolAdmin admin;

    InventoryToolAdminController(InventoryToolAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/inventory-tools")
    @Operation(summary = "The shop's tools with addresses, switch and account (never the password)",
            description = "Admins: the shop's inventory tools with intake addresses, forwarding switch and account (the password never). Rules: INV-1, MAIL-4.")
    List<InventoryToolAdmin.Settings> list(@PathVariable String shop) {
        return admin.list(shop);
    }

    @Operation(summary = "One inventory tool of the shop",
            description = "Admins: one tool's intake addresses, forwarding switch and account (the password never). Rules: INV-1, MAIL-4.")
    @GetMapping("/inventory-tools/{tool}")
    InventoryToolAdmin.Settings get(@PathVariable String shop, @PathVariable String tool) {
        return admin.get(shop, tool);
    }

    @PutMapping("/inventory-tools/{tool}")
    @Operation(summary = "Link the tool or change its addresses (MAIL-4)", description = "intakeAddress is where "
            + "order mails are forwarded (TEMPOSTAR: the shop's …@system.tempostar.net address); orderIntakeAddress "
            + "a second one for tools that take stock and orders separately. A new link starts switched off. Rules: MAIL-4.")
    InventoryToolAdmin.Settings addresses(@PathVariable String shop, @PathVariable String tool,
                                          @RequestBody AddressesRequest in) {
        return admin.saveAddresses(shop, tool, in.name(), in.intakeAddress(), in.orderIntakeAddress());
    }

    @PutMapping("/inventory-tools/{tool}/forwarding")
    @Operation(summary = "Switch forwarding on or off (MAIL-4)", description = "Off: nothing is queued for the tool, "
            + "forwards still queued are withheld and never sent, so switching on again releases no backlog. "
            + "Switch on only right before the tool starts syncing. Rules: MAIL-4, INV-2.")
    InventoryToolAdmin.Settings forwarding(@PathVariable String shop, @PathVariable String tool,
                                           @RequestBody SwitchRequest in) {
        if (in.enabled() == null) {
            throw jp.cartflow.platform.web.ApiException.invalid("enabled", "enabled: true or false");
        }
        return admin.switchForwarding(shop, tool, in.enabled());
    }

    @GetMapping("/inventory-tools/{tool}/forwarded-mails")
    @Operation(summary = "Audit of the order mails forwarded to the tool, newest first (MAIL-4)",
            description = "Admins: the audit of order mails forwarded (or held back) for the tool, newest first. Rules: MAIL-4, INV-2.")
    List<ForwardAudit.Entry> forwarded(@PathVariable String shop, @PathVariable String tool,
                                       @RequestParam(defaultValue = "100") int limit) {
        return admin.forwarded(shop, tool, limit);
    }

    @PostMapping("/inventory-tools/{tool}/account")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create the tool's account (INV-1)", description = "userId: the tool's user id (e.g. the "
            + "zaikoRobot user id); password: chosen by the shop, 12-72 characters, stored hashed only. Rules: INV-1.")
    InventoryToolAdmin.Settings createAccount(@PathVariable String shop, @PathVariable String tool,
                                              @RequestBody AccountRequest in) {
        return admin.createAccount(shop, tool, in.userId(), in.password());
    }

    @PutMapping("/inventory-tools/{tool}/account/password")
    @Operation(summary = "Rotate the tool account's password (INV-1)",
            description = "Admins: sets a new password for the tool account; the old one stops working at once. Rules: INV-1.")
    InventoryToolAdmin.Settings rotate(@PathVariable String shop, @PathVariable String tool,
                                       @RequestBody PasswordRequest in) {
        return admin.rotatePassword(shop, tool, in.password());
    }

    @PutMapping("/inventory-tools/{tool}/account/enabled")
    @Operation(summary = "Disable or re-enable the tool's account (INV-1)",
            description = "Admins: a disabled tool account is refused (401) until enabled again. Rules: INV-1.")
    InventoryToolAdmin.Settings enable(@PathVariable String shop, @PathVariable String tool,
                                       @RequestBody SwitchRequest in) {
        if (in.enabled() == null) {
            throw jp.cartflow.platform.web.ApiException.invalid("enabled", "enabled: true or false");
        }
        return admin.enableAccount(shop, tool, in.enabled());
    }

    @PutMapping("/products/{productCode}/stock-codes/{stockCode}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Add or rename a variant stock code (在庫管理コード) of a product (INV-1)",
            description = "Admins: adds a variant stock code (在庫管理コード) to a product or renames it; tools then send stock by that code. Rules: INV-1.")
    void variant(@PathVariable String shop, @PathVariable String productCode, @PathVariable String stockCode,
                 @RequestBody VariantRequest in) {
        admin.saveVariant(shop, productCode, stockCode, in.name());
    }
}
