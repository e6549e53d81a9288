package jp.cartflow.mail.shoptemplates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.cartflow.mail.taglanguage.TemplateKey;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.platform.web.MultiLine;
import jp.cartflow.platform.web.ProblemType;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;

@RestController
@RequestMapping("/api/mail-templates")
@Tag(name = "Mail templates", description = "The shop's editable mail templates (MAIL-1), validated on save")
class MailTemplateController {

    private final MailTemplateStore store;
    private final ShopDirectory shops;

    public MailTemplateController(MailTemplateStore store, ShopDirectory shops) {
        this.store = store;
        this.shops = shops;
    }

    public record TemplateResponse(String key, String name, String subject, String body, String charset,
                                   Instant updatedAt, String updatedBy) {
        static TemplateResponse of(StoredTemplate t) {
            return new TemplateResponse(t.key().name(), t.name(), t.subject(), t.body(), t.charset(), t.updatedAt(),
                    t.updatedBy());
        }
    }

    public record TemplateRequest(
            @Size(max = 255) String name,
            @NotNull @Size(min = 1, max = 1000) String subject,
            @NotNull @Size(min = 1, max = 20000) @MultiLine String body,
            @Pattern(regexp = "UTF-8|ISO-2022-JP", message = "must be UTF-8 or ISO-2022-JP") String charset) {
    }

    @GetMapping("/{key}")
    @Operation(summary = "Read a template (the shop's own, else the shipped default)",
            description = "The shop's own version of a mail template (件名・本文・文字コード) or, if it has none, the shipped default. Rules: MAIL-1.")
    public TemplateResponse get(@PathVariable String key) {
        return TemplateResponse.of(store.forSending(shops.current().id(), templateKey(key)));
    }

    @PutMapping("/{key}")
    @Operation(summary = "Validate and save a template; 422 lists every problem with its line and tag",
            description = "Parses and validates the tag language before saving; every problem is listed with its part, line, column and tag, and nothing is saved. ISO-2022-JP templates may only contain JIS X 0208 characters. Rules: MAIL-1, MAIL-2, MAIL-5.")
    public TemplateResponse put(@PathVariable String key, @Valid @RequestBody TemplateRequest request,
                                Authentication user) {
        return TemplateResponse.of(store.save(shops.current().id(), templateKey(key), request.name(),
                request.subject(), request.body(), request.charset() == null ? "UTF-8" : request.charset(),
                user.getName()));
    }

    private static TemplateKey templateKey(String key) {
        try {
            return TemplateKey.valueOf(key);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("mail template '" + key + "' (known: "
                    + Arrays.toString(TemplateKey.values()) + ")", "key");
        }
    }

    @ExceptionHandler(TemplateRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(TemplateRejectedException e) {
        ProblemDetail problem = ProblemType.VALIDATION.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        TemplateRejectedException.Problem first = e.problems().get(0);
        problem.setProperty("field", first.part());
        problem.setProperty("rule", "MAIL-1");
        problem.setProperty("line", first.line());
        problem.setProperty("tag", first.tag());
        problem.setProperty("errors", e.problems());
        return ResponseEntity.unprocessableEntity().body(problem);
    }
}
