package jp.cartflow.member;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A name and postal address: a member's own, an address-book entry, or the delivery address of an order or subscription (SUB-26, SUB-32). */
@Schema(description = "お届け先 / delivery address")
public record Recipient(@NotBlank @Size(max = 100) String lastName, @NotBlank @Size(max = 100) String firstName,
                        @Size(max = 100) String lastNameKana, @Size(max = 100) String firstNameKana,
                        @NotBlank @Pattern(regexp = "\\d{3}-?\\d{4}") String zipcode,
                        @NotBlank @Size(max = 20) String pref, @NotBlank @Size(max = 255) String city,
                        @NotBlank @Size(max = 255) String address, @Size(max = 255) String building,
                        @Size(max = 30) String tel) {
}
