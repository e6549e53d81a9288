package jp.cartflow.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.cartflow.platform.web.Callers;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import jp.cartflow.shop.ShopSettings;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Members for the storefront (admins and integrations write): create and update a member with its address,
 * and the address book (SUB-26). Registration points are granted through the ledger (MEM-2).
 */
@RestController
@Tag(name = "Members", description = "会員と住所録 (SUB-26, MEM-2)")
class MemberController {

    private final JdbcClient jdbc;
    private final Members members;
    private final ShopSettings shopSettings;
    private final ShopDirectory shops;
    private final Clock clock;

    MemberController(JdbcClient jdbc, Members members, ShopSettings shopSettings, ShopDirectory shops, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.shopSettings = shopSettings;
        this.shops = shops;
        this.clock = clock;
    }

    public record MemberInput(@NotBlank @Size(max = 255) String loginId,
                              @NotBlank @Email @Size(max = 255) String email,
                              @NotNull @Valid Recipient address) {
    }

    public record BookEntry(@Size(max = 100) String label, @NotNull @Valid Recipient address) {
    }

    public record BookEntryView(long id, String label, Recipient address) {
    }

    @PostMapping("/api/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Create a member (the shop's registration points are granted, MEM-2)",
            description = "Registers a member; the shop's registration points are granted. Rules: MEM-2, SUB-1.")
    public MemberProfile create(@Valid @RequestBody MemberInput in, Authentication user) {
        Callers.requireAdminOrIntegrations(user);
        long shopId = shops.current().id();
        if (members.loginIdTaken(shopId, in.loginId())) {
            throw ApiException.conflict("loginId", "login id already registered");
        }
        long registration = shopSettings.registrationPoints(shopId);
        long id = members.register(shopId, in.loginId(), in.email(), in.address(), registration,
                clock.instant());
        return members.profile(id).orElseThrow();
    }

    @Operation(summary = "One member",
            description = "One member: login id, e-mail, address, points balance and bounce flag. Rules: MEM-2, BNC-2.")
    @GetMapping("/api/members/{memberId}")
    public MemberProfile get(@PathVariable long memberId) {
        member(memberId);
        return members.profile(memberId).orElseThrow();
    }

    @PutMapping("/api/members/{memberId}")
    @Transactional
    @Operation(summary = "Update a member's e-mail and address (the login id stays)",
            description = "Changes the member's e-mail and address; the login id stays. Rules: none")
    public MemberProfile update(@PathVariable long memberId, @Valid @RequestBody MemberInput in, Authentication user) {
        Callers.requireAdminOrIntegrations(user);
        Member m = member(memberId);
        if (!m.loginId().equals(in.loginId())) {
            throw ApiException.invalid("loginId", "the login id cannot change");
        }
        Recipient r = in.address();
        jdbc.sql("""
                UPDATE member SET email = :email, last_name = :ln, first_name = :fn, last_name_kana = :lnk,
                    first_name_kana = :fnk, zipcode = :zip, pref = :pref, city = :city, address = :address,
                    building = :building, tel = :tel, updated_at = :at WHERE id = :id""")
                .param("email", in.email()).param("ln", r.lastName()).param("fn", r.firstName())
                .param("lnk", r.lastNameKana()).param("fnk", r.firstNameKana()).param("zip", r.zipcode())
                .param("pref", r.pref()).param("city", r.city()).param("address", r.address())
                .param("building", r.building()).param("tel", r.tel())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("id", memberId).update();
        return members.profile(memberId).orElseThrow();
    }

    @GetMapping("/api/members/{memberId}/addresses")
    @Operation(summary = "The member's address book",
            description = "The member's address book. Rules: SUB-26.")
    public List<BookEntryView> book(@PathVariable long memberId) {
        member(memberId);
        return jdbc.sql("""
                SELECT id, label, last_name, first_name, last_name_kana, first_name_kana, zipcode, pref, city, address,
                       building, tel FROM member_address WHERE member_id = :member ORDER BY id""")
                .param("member", memberId)
                .query((rs, n) -> new BookEntryView(rs.getLong(1), rs.getString(2), new Recipient(rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12))))
                .list();
    }

    @PostMapping("/api/members/{memberId}/addresses")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Add an address-book entry (SUB-26: a subscription may deliver to it)",
            description = "Adds an address-book entry; a subscription may then deliver to it. Rules: SUB-26, SUB-32.")
    public BookEntryView add(@PathVariable long memberId, @Valid @RequestBody BookEntry in, Authentication user) {
        Callers.requireAdminOrIntegrations(user);
        member(memberId);
        Recipient r = in.address();
        jdbc.sql("""
                INSERT INTO member_address (member_id, label, last_name, first_name, last_name_kana, first_name_kana,
                    zipcode, pref, city, address, building, tel)
                VALUES (:member, :label, :ln, :fn, :lnk, :fnk, :zip, :pref, :city, :address, :building, :tel)""")
                .param("member", memberId).param("label", in.label()).param("ln", r.lastName())
                .param("fn", r.firstName()).param("lnk", r.lastNameKana()).param("fnk", r.firstNameKana())
                .param("zip", r.zipcode()).param("pref", r.pref()).param("city", r.city())
                .param("address", r.address()).param("building", r.building()).param("tel", r.tel()).update();
        List<BookEntryView> book = book(memberId);
        return book.get(book.size() - 1);
    }

    @DeleteMapping("/api/members/{memberId}/addresses/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an address-book entry",
            description = "Removes an address-book entry. Rules: SUB-26.")
    public void remove(@PathVariable long memberId, @PathVariable long entryId, Authentication user) {
        Callers.requireAdminOrIntegrations(user);
        member(memberId);
        if (jdbc.sql("DELETE FROM member_address WHERE member_id = :member AND id = :id").param("member", memberId)
                .param("id", entryId).update() == 0) {
            throw ApiException.notFound("address-book entry " + entryId, "entryId");
        }
    }

    private Member member(long memberId) {
        return members.member(shops.current().id(), memberId)
                .orElseThrow(() -> ApiException.notFound("member " + memberId, "memberId"));
    }
}
