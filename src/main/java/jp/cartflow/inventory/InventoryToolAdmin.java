package jp.cartflow.inventory;

import jp.cartflow.mail.outbox.MailOutbox;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What admins configure per tool and shop: addresses, the forwarding switch (MAIL-4) and the account (INV-1). */
@Service
class InventoryToolAdmin {

    record Settings(String tool, String name, String intakeAddress, String orderIntakeAddress,
                    boolean forwardingEnabled, Instant forwardingChangedAt, AccountView account) {
    }

    record AccountView(String userId, boolean enabled, Instant createdAt, Instant passwordChangedAt,
                       Instant enabledChangedAt) {
    }

    private final InventoryTools tools;
    private final ToolAccounts accounts;
    private final ForwardAudit audit;
    private final StockLevels stock;
    private final MailOutbox outbox;
    private final ShopDirectory shops;
    private final Clock clock;

    InventoryToolAdmin(InventoryTools tools, ToolAccounts accounts, ForwardAudit audit, StockLevels stock,
                       MailOutbox outbox, ShopDirectory shops, Clock clock) {
        this.tools = tools;
        this.accounts = accounts;
        this.audit = audit;
        this.stock = stock;
        this.outbox = outbox;
        this.shops = shops;
        this.clock = clock;
    }

    List<Settings> list(String shopCode) {
        return tools.all(shop(shopCode).id()).stream().map(this::view).toList();
    }

    Settings get(String shopCode, String toolSlug) {
        return view(tool(shopCode, toolSlug));
    }

    @Transactional
    Settings saveAddresses(String shopCode, String toolSlug, String name, String intake, String orderIntake) {
        ToolKind kind = kind(toolSlug);
        check(kind, "intakeAddress", intake, true);
        check(kind, "orderIntakeAddress", orderIntake, false);
        String displayName = name == null || name.isBlank() ? kind.name() : name.strip();
        if (displayName.length() > 255) {
            throw DomainException.invalid("name", "name: at most 255 characters");
        }
        return view(tools.saveAddresses(shop(shopCode).id(), kind, displayName, intake.strip(),
                orderIntake == null || orderIntake.isBlank() ? null : orderIntake.strip()));
    }

    /**
     * MAIL-4: switching off withholds every forward still queued for the tool (and the outbox asks again at
     * dispatch), so switching on later releases no backlog. Switching on needs an intake address.
     */
    @Transactional
    Settings switchForwarding(String shopCode, String toolSlug, boolean enabled) {
        InventoryTools.Tool tool = tool(shopCode, toolSlug);
        if (enabled && tool.intakeAddress() == null) {
            throw DomainException.rule("MAIL-4", "enabled", "Set the tool's intake address before switching forwarding on.");
        }
        if (tool.forwardingEnabled() != enabled) {
            if (!enabled) {
                outbox.withholdQueuedForwards(tool.id());
            }
            tools.setForwarding(tool.id(), enabled, clock.instant());
        }
        return get(shopCode, toolSlug);
    }

    List<ForwardAudit.Entry> forwarded(String shopCode, String toolSlug, int limit) {
        return audit.forTool(tool(shopCode, toolSlug).id(), Math.max(1, Math.min(limit, 1000)));
    }

    @Transactional
    Settings createAccount(String shopCode, String toolSlug, String userId, String password) {
        InventoryTools.Tool tool = tool(shopCode, toolSlug);
        if (userId == null || !userId.matches("[A-Za-z0-9._@+-]{1,100}")) {
            throw DomainException.invalid("userId", "userId: the tool's user id, 1-100 of A-Z a-z 0-9 . _ @ + -");
        }
        checkPassword(password);
        if (accounts.find(tool.id()).isPresent()) {
            throw DomainException.conflict("userId", "This tool has an account already; rotate its password instead.");
        }
        if (accounts.userIdTaken(userId)) {
            throw DomainException.conflict("userId", "This user id belongs to another tool account.");
        }
        accounts.create(tool.id(), userId, password, clock.instant());
        return view(tool);
    }

    @Transactional
    Settings rotatePassword(String shopCode, String toolSlug, String password) {
        InventoryTools.Tool tool = toolWithAccount(shopCode, toolSlug);
        checkPassword(password);
        accounts.rotate(tool.id(), password, clock.instant());
        return view(tool);
    }

    @Transactional
    Settings enableAccount(String shopCode, String toolSlug, boolean enabled) {
        InventoryTools.Tool tool = toolWithAccount(shopCode, toolSlug);
        accounts.setEnabled(tool.id(), enabled, clock.instant());
        return view(tool);
    }

    @Transactional
    void saveVariant(String shopCode, String productCode, String stockCode, String name) {
        if (stockCode == null || stockCode.isBlank() || stockCode.length() > 64) {
            throw DomainException.invalid("stockCode", "stockCode: 1-64 characters");
        }
        if (name == null || name.isBlank() || name.length() > 255) {
            throw DomainException.invalid("name", "name: 1-255 characters");
        }
        if (!stock.saveVariant(shop(shopCode).id(), productCode, stockCode.strip(), name.strip())) {
            throw DomainException.notFound("product " + productCode, "productCode");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 12 || password.length() > 72) {
            throw DomainException.invalid("password", "password: 12-72 characters (the shop chooses it and gives it to the tool)");
        }
    }

    private static void check(ToolKind kind, String field, String address, boolean required) {
        if (address == null || address.isBlank()) {
            if (required) {
                throw DomainException.invalid(field, field + ": required");
            }
            return;
        }
        kind.addressProblem(address.strip()).ifPresent(problem -> {
            throw DomainException.invalid(field, field + ": " + problem);
        });
    }

    private Settings view(InventoryTools.Tool tool) {
        AccountView account = accounts.find(tool.id()).map(a -> new AccountView(a.userId(), a.enabled(), a.createdAt(),
                a.secretChangedAt(), a.enabledChangedAt())).orElse(null);
        return new Settings(tool.kind().slug(), tool.name(), tool.intakeAddress(), tool.orderIntakeAddress(),
                tool.forwardingEnabled(), tool.forwardingChangedAt(), account);
    }

    private InventoryTools.Tool toolWithAccount(String shopCode, String toolSlug) {
        InventoryTools.Tool tool = tool(shopCode, toolSlug);
        if (accounts.find(tool.id()).isEmpty()) {
            throw DomainException.notFound("account of tool " + toolSlug, "tool");
        }
        return tool;
    }

    private InventoryTools.Tool tool(String shopCode, String toolSlug) {
        return tools.find(shop(shopCode).id(), kind(toolSlug))
                .orElseThrow(() -> DomainException.notFound("tool " + toolSlug + " of shop " + shopCode, "tool"));
    }

    private static ToolKind kind(String slug) {
        return ToolKind.bySlug(slug).orElseThrow(() -> DomainException.notFound("tool " + slug
                + " (tempostar, zaikorobot, other)", "tool"));
    }

    private Shop shop(String code) {
        return shops.byCode(code).orElseThrow(() -> DomainException.notFound("shop " + code, "shop"));
    }
}
