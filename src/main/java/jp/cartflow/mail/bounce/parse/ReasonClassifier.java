package jp.cartflow.mail.bounce.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a server's diagnostic text (English or Japanese) and its status code and names the reason. The phrases are
 * the wording MTAs use in general (RFC 3463 classes first, then the common English and Japanese sentences), not a
 * list of particular sample mails.
 */
final class ReasonClassifier {

    private record Rule(Reason reason, Pattern pattern) {
    }

    private static Rule rule(Reason reason, String regex) {
        return new Rule(reason, Pattern.compile(regex));
    }

    /** Checked in order; the first match wins. Texts are lower-cased first. */
    private static final List<Rule> TEXT = List.of(
            rule(Reason.REJECTED, "sender address rejected|domain of sender address|sender (?:domain )?(?:not|does not)"
                    + "|sender verify failed|mail from rejected"),
            rule(Reason.MESSAGE_TOO_BIG, "message (?:size )?(?:is )?(?:too (?:large|big)|exceeds)|size (?:limit )?exceed"
                    + "|exceeds? (?:the )?(?:maximum|fixed|size)|message too large|メールサイズ|容量制限を超え"),
            rule(Reason.MAILBOX_FULL, "mailbox (?:is )?full|over ?quota|quota (?:exceeded|full)|exceeded (?:storage|quota)"
                    + "|mailbox size limit|insufficient (?:system )?storage|storage (?:limit|space)|not enough space"
                    + "|mail ?box (?:has )?exceeded|user is over|full mailbox|mailfolder is full|ボックス.{0,4}(?:容量|満杯|一杯)"
                    + "|容量(?:オーバー|超過|不足|が一杯)"),
            rule(Reason.HAS_MOVED, "has moved|address (?:has )?changed|no longer (?:valid|in use|available)|移転"),
            rule(Reason.HOST_UNKNOWN, "host (?:or domain name )?not found|unknown host|host unknown|domain (?:name )?not found"
                    + "|no such domain|unrouteable (?:mail )?domain|domain (?:does not|doesn't) exist|name or service not known"
                    + "|domain is not reachable|couldn't find (?:a|any) (?:mail exchanger|host)|\\.[a-z]{2,6} does not exist"
                    + "|no mx|mx (?:record )?(?:not found|lookup)|unknown domain|nxdomain|illegal host|domain is not (?:valid|found)"
                    + "|ドメイン(?:が|は)?(?:存在しません|見つかりません|不明)|ホスト(?:が|は)?(?:存在しません|見つかりません|不明)"),
            rule(Reason.NOT_ACCEPT, "does not accept (?:any )?mail|null mx|no smtp service|accepts no mail|not accepting (?:any )?mail"),
            rule(Reason.SUSPENDED, "suspend|disabled|deactivated|inactive (?:user|account|mailbox)|account (?:is )?(?:locked|closed)"
                    + "|mailbox (?:is )?(?:disabled|inactive)|利用停止|一時停止"),
            rule(Reason.USER_UNKNOWN, "user unknown|unknown user|no such (?:user|mailbox|recipient|address|account)"
                    + "|(?:user|mailbox|recipient|address|account)(?: name)? (?:does not|doesn't) exist|does not exist"
                    + "|unknown (?:recipient|mailbox|address|local[- ]part)|invalid (?:recipient|mailbox|address)"
                    + "|recipient (?:address )?rejected: (?:user unknown|undeliverable|unknown)|(?:user|mailbox|recipient) not found"
                    + "|not (?:a )?(?:valid|known) (?:user|recipient|mailbox)|mailbox unavailable|no mailbox|mailbox not found"
                    + "|address rejected|no valid recipients|unknown or illegal alias|not listed in|no account by that name"
                    + "|user doesn't have|is not a valid mailbox|addressee unknown|recipient unknown|bad destination mailbox"
                    + "|doesn't have a .{1,40} account|address couldn't be found|invalid (?:final )?(?:delivery )?userid|not our customer|存在しない|存在しません|宛先不明|該当(?:する)?(?:ユーザ|アドレス)"
                    + "|ユーザ(?:ー)?(?:が|は)?(?:見つかりません|不明)|アカウント(?:が|は)?存在"),
            rule(Reason.EXPIRED, "expired|retry (?:time|timeout)|too long in (?:the )?queue|delivery time|could not be delivered within"
                    + "|giving up|gave up|timed? ?out.{0,30}(?:queue|deliver)|retry limit|have been failing for|配送期限|時間内に配送"),
            rule(Reason.SPAM, "spam|junk mail|unsolicited|bulk mail|迷惑メール"),
            rule(Reason.FILTERED, "filter|受信拒否|拒否設定|指定受信"),
            rule(Reason.BLOCKED, "blacklist|blocklist|block(?:ed)?\\b|dnsbl|rbl|spamhaus|reputation|not allowed to send"
                    + "|access denied|connection (?:refused|rejected)|client host|your ip|ip address|reverse dns|ptr record"
                    + "|helo|please use the smtp server|poor reputation|sender (?:address )?(?:rejected|denied)"),
            rule(Reason.POLICY, "policy|spf|dkim|dmarc|authentication|relay(?:ing)? (?:denied|not permitted|access)|not permitted"
                    + "|virus|malware|security|tls|content (?:rejected|filter)|syntax|too many (?:recipients|connections|messages)"
                    + "|rate limit|throttl"),
            rule(Reason.NETWORK, "network|connection (?:timed out|lost|reset|dropped)|unreachable|no route to host|dns (?:error|failure)"
                    + "|lost connection|temporary (?:lookup|dns)"),
            rule(Reason.SYSTEM, "system (?:error|failure|problem|full|config)|internal error|server error|local error|mail loop"
                    + "|loops? back|mailer error|service unavailable|try again later|temporar|resources|disk full"),
            rule(Reason.REJECTED, "reject|refused|denied|not accepted|拒否|受け付けません|受信できません"));

    private ReasonClassifier() {
    }

    static Reason classify(String status, String diagnostic) {
        Reason byStatus = byStatus(status);
        // statuses about the sender's own address say nothing about the recipient
        if (status != null && (status.endsWith(".1.7") || status.endsWith(".1.8"))) {
            return Reason.REJECTED;
        }
        // the server's words first (servers often pick a loose status), then a precise status class
        if (diagnostic != null && !diagnostic.isBlank()) {
            String text = diagnostic.toLowerCase(Locale.ROOT);
            for (Rule rule : TEXT) {
                if (rule.pattern().matcher(text).find()) {
                    return rule.reason();
                }
            }
        }
        if (byStatus != null) {
            return byStatus;
        }
        return status != null && status.startsWith("5") ? Reason.REJECTED : Reason.UNDEFINED;
    }

    /** RFC 3463 subjects and details that name the reason on their own. */
    private static Reason byStatus(String status) {
        if (status == null || status.length() < 5) {
            return null;
        }
        String detail = status.substring(2);
        boolean permanent = status.charAt(0) == '5';
        return switch (detail) {
            case "1.1", "1.0" -> permanent && detail.equals("1.1") ? Reason.USER_UNKNOWN : null;
            case "1.2" -> permanent ? Reason.HOST_UNKNOWN : Reason.NETWORK;
            case "1.6" -> Reason.HAS_MOVED;
            case "4.4" -> permanent ? Reason.HOST_UNKNOWN : Reason.NETWORK;
            case "1.10" -> Reason.NOT_ACCEPT;
            case "2.2" -> Reason.MAILBOX_FULL;
            case "2.3", "3.4" -> Reason.MESSAGE_TOO_BIG;
            case "2.1" -> Reason.SUSPENDED;
            case "4.7" -> Reason.EXPIRED;
            case "7.26", "7.25", "7.23", "7.27" -> Reason.POLICY;
            default -> null;
        };
    }
}
