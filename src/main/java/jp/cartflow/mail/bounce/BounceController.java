package jp.cartflow.mail.bounce;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/bounces")
@Tag(name = "Bounces", description = "Bounce records, flags, manual reset and quarantine (BNC-1..4)")
class BounceController {

    private static final int MAX_ROWS = 500;

    private final ShopDirectory shops;
    private final BounceQueries queries;
    private final BounceRegistry registry;
    private final BounceAddressBook addresses;

    BounceController(ShopDirectory shops, BounceQueries queries, BounceRegistry registry, BounceAddressBook addresses) {
        this.addresses = addresses;
        this.shops = shops;
        this.queries = queries;
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "Bounce events, newest first, with the flagging decision; filter by address and date (Asia/Tokyo)",
            description = "Bounce events, newest first, each with its hard/soft reading and whether it flagged the address; filter by address and Asia/Tokyo dates. Rules: BNC-2, BNC-4.")
    List<BounceQueries.Event> list(@RequestParam(required = false) String address,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_ROWS) {
            throw ApiException.invalid("limit", "1 から " + MAX_ROWS + " で指定してください");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.invalid("to", "to は from 以降の日付にしてください");
        }
        return queries.events(shops.current().id(), blankToNull(address), from, to, limit);
    }

    @GetMapping("/addresses/{address}")
    @Operation(summary = "Bounce state of one address: flag, counts, events, manual resets (BNC-2)",
            description = "One address's bounce state: flag, hard/soft counts, events and manual resets. Rules: BNC-2, BNC-3, BNC-4.")
    BounceQueries.AddressState address(@PathVariable String address) {
        return queries.state(shops.current().id(), requireAddress(address, "address"));
    }

    @GetMapping("/members/{memberId}")
    @Operation(summary = "Bounce state of one member's address (BNC-2)",
            description = "The bounce state of the member's address. Rules: BNC-2.")
    BounceQueries.AddressState member(@PathVariable long memberId) {
        long shop = shops.current().id();
        String email = addresses.memberEmail(shop, memberId)
                .orElseThrow(() -> ApiException.notFound("member " + memberId, "memberId"));
        return queries.state(shop, email);
    }

    record ResetRequest(String address, String reason) {
    }

    record ResetResponse(String address, boolean reset) {
    }

    @PostMapping("/resets")
    @Operation(summary = "BNC-3: reset an address's flag by hand; the operator and the reason are audited",
            description = "An operator clears an address's bounce flag by hand; who and why are recorded. Rules: BNC-3.")
    ResetResponse reset(@RequestBody ResetRequest request, Authentication user) {
        String address = requireAddress(request.address(), "address");
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
            throw ApiException.invalid("reason", "解除の理由を 500 文字以内で入力してください");
        }
        long shop = shops.current().id();
        if (!registry.reset(shop, address, user.getName(), request.reason().strip())) {
            throw ApiException.conflict("address", address + " にはバウンス記録がありません");
        }
        return new ResetResponse(BounceRegistry.normalize(address), true);
    }

    @GetMapping("/quarantine")
    @Operation(summary = "Messages set aside (too big, broken MIME, bad charset, DSN without recipient): never flagged",
            description = "Messages set aside instead of read (too big, broken MIME, wrong charset, DSN without recipient); they never flag anyone. Rules: BNC-1, BNC-4.")
    List<BounceQueries.Quarantined> quarantine(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_ROWS) {
            throw ApiException.invalid("limit", "1 から " + MAX_ROWS + " で指定してください");
        }
        return queries.quarantine(shops.current().id(), limit);
    }

    @GetMapping(value = "/quarantine/{id}/content", produces = "message/rfc822")
    @Operation(summary = "The quarantined message as it was received",
            description = "The quarantined message's original bytes (message/rfc822). Rules: BNC-1.")
    ResponseEntity<byte[]> quarantined(@PathVariable long id) {
        byte[] raw = queries.quarantinedContent(shops.current().id(), id)
                .orElseThrow(() -> ApiException.notFound("quarantined message " + id, "id"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822")).body(raw);
    }

    private static String requireAddress(String address, String field) {
        if (address == null || !address.strip().matches("[^@\\s]+@[^@\\s]+") || address.length() > 255) {
            throw ApiException.invalid(field, "メールアドレスを指定してください");
        }
        return address.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
