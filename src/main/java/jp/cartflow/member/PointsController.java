package jp.cartflow.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** A member's points (SUB-12, MEM-2): balance, purchase statistics and ledger; an operator's adjustment. */
@RestController
@RequestMapping("/api/members/{memberId}/points")
@Tag(name = "Member points", description = "会員ポイント: 残高・履歴・調整 (SUB-12, MEM-2)")
class PointsController {

    private final Members members;
    private final Points points;
    private final ShopDirectory shops;
    private final Clock clock;

    PointsController(Members members, Points points, ShopDirectory shops, Clock clock) {
        this.members = members;
        this.points = points;
        this.shops = shops;
        this.clock = clock;
    }

    public record Balance(long memberId, long balance, long totalPoints, int buyTimes, long buyTotal,
                          List<Points.Entry> history) {
    }

    public record Adjustment(@Schema(description = "points to add (positive) or take (negative)", example = "100")
                             @NotNull @Min(-10_000_000) @Max(10_000_000) Long points,
                             @Schema(description = "why (shown in the ledger)", example = "お詫びポイント")
                             @NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    @Operation(summary = "Balance, total earned, purchase statistics and the ledger (newest first)",
            description = "Points balance, total earned, purchase statistics and the ledger, newest first. Rules: MEM-2, SUB-12.")
    public Balance get(@PathVariable long memberId) {
        MemberProfile p = profile(memberId);
        return new Balance(memberId, p.points(), p.totalPoints(), p.buyTimes(), p.buyTotal(), points.history(memberId));
    }

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "An operator adjusts the balance with a reason (operators and admins only)",
            description = "Operators and admins adjust the points balance with a reason; never below 0. Rules: SUB-12.")
    public Points.Entry adjust(@PathVariable long memberId, @Valid @RequestBody Adjustment in, Authentication user) {
        AttributeController.requireStaff(user);
        profile(memberId);
        if (in.points() == 0) {
            throw ApiException.invalid("points", "an adjustment changes the balance");
        }
        try {
            return points.adjust(memberId, in.points(), in.reason().strip(), user.getName(), clock.instant());
        } catch (Points.InsufficientPointsException e) {
            throw ApiException.rule("SUB-12", "points", e.getMessage());
        }
    }

    private MemberProfile profile(long memberId) {
        long shopId = shops.current().id();
        members.member(shopId, memberId).orElseThrow(() -> ApiException.notFound("member " + memberId, "memberId"));
        return members.profile(memberId).orElseThrow();
    }
}
