package jp.cartflow.newsletter;

/** Where a campaign's sending stands, per recipient status. */
record CampaignProgress(long queued, long sent, long skippedNoConsent, long skippedBounced, long failed,
                        long cancelled) {

    long total() {
        return queued + sent + skippedNoConsent + skippedBounced + failed + cancelled;
    }

    /** The final report, in Japanese, for the operator (and Cockpit). */
    String report(boolean wasCancelled) {
        return "%s: 対象 %d 件 / 送信 %d 件 / 同意なしで除外 %d 件 / バウンスで除外 %d 件 / 失敗 %d 件%s".formatted(
                wasCancelled ? "配信中止" : "配信完了", total(), sent, skippedNoConsent, skippedBounced, failed,
                wasCancelled ? " / 中止で未送信 " + cancelled + " 件" : "");
    }
}
