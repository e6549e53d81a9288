package jp.cartflow.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.cartflow.platform.web.Callers;
import jp.cartflow.platform.web.MultiLine;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.platform.web.ProblemType;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Custom member attributes over REST (MEM-1): definitions for admins and operators, a member's values for the
 * storefront, and the member search by attribute value (検索項目).
 */
@RestController
@Tag(name = "Member attributes", description = "会員追加項目: 定義・値・検索 (MEM-1)")
class AttributeController {

    private final Attributes attributes;
    private final Members members;
    private final ShopDirectory shops;

    AttributeController(Attributes attributes, Members members, ShopDirectory shops) {
        this.attributes = attributes;
        this.members = members;
        this.shops = shops;
    }

    public record DefinitionInput(@NotBlank @Size(max = 255) String name,
                                  @Schema(description = "TEXT_LINE, RADIO, PULLDOWN, TEXT_AREA or DATE") @NotNull
                                  Attributes.Type type,
                                  @Schema(description = "the choices of RADIO and PULLDOWN") @Size(max = 100)
                                  List<@NotBlank @Size(max = 255) String> options,
                                  Boolean required,
                                  @Min(1) @Max(4000) Integer maxLength,
                                  @Min(0) @Max(9999) Integer sortOrder) {
    }

    /** Text areas take line breaks, so the strict single-line rule is left to {@link Attributes} per type (MEM-1). */
    public record Values(@Schema(description = "attribute no → value; a blank value removes it") @NotNull
                         @MultiLine Map<Integer, String> values) {
    }

    public record MemberHit(long memberId, String loginId, String name, String email) {
    }

    @GetMapping("/api/member-attributes")
    @Operation(summary = "The shop's attribute definitions (90 会社名 and 91 部署名 built in)",
            description = "The shop's member attribute definitions, the built-in 90 会社名 and 91 部署名 included. Rules: MEM-1.")
    public List<Attributes.Definition> definitions() {
        return attributes.definitions(shop());
    }

    @PostMapping("/api/member-attributes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a custom attribute (admins and operators); its number is the next free one",
            description = "Defines a custom attribute (text line, radio, pull-down, text area or date) under the next free number. Rules: MEM-1.")
    public Attributes.Definition create(@Valid @RequestBody DefinitionInput in, Authentication user) {
        requireStaff(user);
        return refuse(() -> attributes.save(shop(), null, in.name().strip(), in.type(), in.options(),
                Boolean.TRUE.equals(in.required()), in.maxLength(), in.sortOrder() == null ? 0 : in.sortOrder()));
    }

    @PutMapping("/api/member-attributes/{attributeNo}")
    @Operation(summary = "Create or replace the custom attribute with this number (admins and operators)",
            description = "Creates or replaces the custom attribute with this number. Rules: MEM-1.")
    public Attributes.Definition replace(@PathVariable int attributeNo, @Valid @RequestBody DefinitionInput in,
                                         Authentication user) {
        requireStaff(user);
        if (attributeNo < 1 || attributeNo > 999) {
            throw ApiException.invalid("attributeNo", "attribute numbers are 1 to 999");
        }
        return refuse(() -> attributes.save(shop(), attributeNo, in.name().strip(), in.type(), in.options(),
                Boolean.TRUE.equals(in.required()), in.maxLength(), in.sortOrder() == null ? 0 : in.sortOrder()));
    }

    @DeleteMapping("/api/member-attributes/{attributeNo}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a custom attribute and its values (the built-ins 90 and 91 stay: 409)",
            description = "Deletes a custom attribute with its values; the built-ins 90 and 91 are a 409. Rules: MEM-1.")
    public void delete(@PathVariable int attributeNo, Authentication user) {
        requireStaff(user);
        if (Attributes.builtIn(attributeNo)) {
            throw ApiException.conflict("attributeNo", "90 (会社名) と 91 (部署名) は削除できません / built in");
        }
        if (!attributes.delete(shop(), attributeNo)) {
            throw ApiException.notFound("attribute " + attributeNo, "attributeNo");
        }
    }

    @GetMapping("/api/members/{memberId}/attributes")
    @Operation(summary = "The member's attribute values",
            description = "The member's attribute values. Rules: MEM-1.")
    public Values values(@PathVariable long memberId) {
        member(memberId);
        return new Values(attributes.values(memberId));
    }

    @PutMapping("/api/members/{memberId}/attributes")
    @Operation(summary = "Set the member's attribute values, checked by type; required ones must stay filled",
            description = "Sets the member's attribute values, each checked against its type; a required attribute cannot be emptied. Rules: MEM-1.")
    public Values put(@PathVariable long memberId, @Valid @RequestBody Values in) {
        member(memberId);
        return new Values(refuse(() -> attributes.put(shop(), memberId, in.values())));
    }

    @GetMapping("/api/members")
    @Operation(summary = "Search members by an attribute value (text: contains; choices and dates: equal)",
            description = "Members found by one attribute value: text contains, choices and dates equal. Rules: MEM-1.")
    public List<MemberHit> search(@Parameter(description = "attribute no") @RequestParam int attribute,
                                  @RequestParam @Size(min = 1, max = 255) String value) {
        long shopId = shop();
        if (value.isBlank()) {
            throw ApiException.invalid("value", "a value to search for");
        }
        return refuse(() -> attributes.search(shopId, attribute, value.strip())).stream()
                .map(id -> members.member(shopId, id).orElseThrow())
                .map(m -> new MemberHit(m.id(), m.loginId(), m.lastName() + " " + m.firstName(), m.email()))
                .toList();
    }

    private <T> T refuse(Supplier<T> action) {
        try {
            return action.get();
        } catch (Attributes.InvalidAttributeException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.VALIDATION, e.getMessage(), e.field(),
                    "MEM-1");
        }
    }

    private long shop() {
        return shops.current().id();
    }

    private void member(long memberId) {
        members.member(shop(), memberId).orElseThrow(() -> ApiException.notFound("member " + memberId, "memberId"));
    }

    static void requireStaff(Authentication user) {
        Callers.requireStaff(user);
    }
}
