package jp.cartflow.newsletter;

import jp.cartflow.member.MarketingConsentChannel;
import jp.cartflow.member.MarketingConsentService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The unauthenticated one-click unsubscribe (RFC 8058). Mail clients POST {@code List-Unsubscribe=One-Click};
 * a person clicking the link in the body gets a page with one button (a GET never withdraws: link scanners
 * open every URL of a mail). A forged or expired link gets a plain Japanese page, never a stack trace.
 */
@RestController
@RequestMapping(path = "/newsletter/unsubscribe", produces = "text/html;charset=UTF-8")
class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final MarketingConsentService consents;

    UnsubscribeController(UnsubscribeLinks links, MarketingConsentService consents) {
        this.links = links;
        this.consents = consents;
    }

    @GetMapping
    ResponseEntity<String> confirm(@RequestParam(name = "t", required = false) String token) {
        if (links.verify(token).isEmpty()) {
            return invalid();
        }
        return page(HttpStatus.OK, "配信停止の確認", "<p>ニュースレターの配信を停止しますか?</p>"
                + "<form method=\"post\" action=\"/newsletter/unsubscribe?t=" + HtmlUtils.htmlEscape(token) + "\">"
                + "<button type=\"submit\">配信を停止する</button></form>");
    }

    @PostMapping
    ResponseEntity<String> unsubscribe(@RequestParam(name = "t", required = false) String token) {
        return links.verify(token).map(target -> {
            consents.change(target.shopId(), target.memberId(), false, MarketingConsentChannel.UNSUBSCRIBE_LINK,
                    "unsubscribe-link", "campaign " + target.campaignId());
            return page(HttpStatus.OK, "配信を停止しました",
                    "<p>ニュースレターの配信を停止しました。ご注文に関するメールはこれまでどおりお届けします。</p>");
        }).orElseGet(UnsubscribeController::invalid);
    }

    private static ResponseEntity<String> invalid() {
        return page(HttpStatus.BAD_REQUEST, "リンクが無効です",
                "<p>この配信停止リンクは無効か、有効期限が切れています。</p>"
                        + "<p>お手数ですが、最新のニュースレターのリンクを使うか、ショップへ直接ご連絡ください。</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .body("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\"><title>" + title
                        + "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>");
    }
}
