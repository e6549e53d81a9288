package jp.cartflow.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/subscription-settings")
@Tag(name = "Subscription settings", description = "定期購入設定")
class SubscriptionSettingsController {

    private final SubscriptionSettingsService settings;

    public SubscriptionSettingsController(SubscriptionSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "The subscription settings",
            description = "The shop's subscription settings (定期購入設定). Rules: SUB-3, SUB-4, SUB-9, SUB-11, SUB-12, SUB-13, SUB-14, SUB-31.")
    public SubscriptionSettingsService.Settings get() {
        return settings.get();
    }

    @PutMapping
    @Operation(summary = "Replace the settings: lead time (SUB-14), cycles, perks, points, numbering (SUB-13), "
            + "feature switch (SUB-31), stock option (SUB-9)",
            description = "Replaces all subscription settings at once; they apply from the next generation, running subscriptions keep their schedule. Rules: SUB-3, SUB-4, SUB-9, SUB-11, SUB-12, SUB-13, SUB-14, SUB-31.")
    public SubscriptionSettingsService.Settings save(@Valid @RequestBody SubscriptionSettingsService.Settings in) {
        return settings.save(in);
    }
}
