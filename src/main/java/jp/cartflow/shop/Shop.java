package jp.cartflow.shop;

/** The shop settings the order processes need. */
public record Shop(long id, String code, String name, String email, String copyEmail) {
}
